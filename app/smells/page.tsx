import { Suspense } from 'react';

import { SmellsView } from '@/components/smells/smells-view';

// Coupling smells of a time window. The view reads window and selection from the query
// string (linkable; same `w`/`from`/`to` as the graph), which needs a Suspense boundary.
export default function SmellsPage() {
  return (
    <Suspense fallback={<p className="loading">Loading…</p>}>
      <SmellsView />
    </Suspense>
  );
}
