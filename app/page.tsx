import { Suspense } from 'react';

import { TopologyView } from '@/components/topology/topology-view';

// The death star. The view reads its state from the query string, which needs a Suspense
// boundary under the App Router; everything inside is client-rendered.
export default function HomePage() {
  return (
    <Suspense fallback={<p className="loading">Loading…</p>}>
      <TopologyView />
    </Suspense>
  );
}
