'use client';

import { errorForDisplay } from '@/lib/ui/api-error';

interface GraphErrorProps {
  error: Error & { status?: number | null };
  onRetry: () => void;
}

// The API's own sentence and the HTTP status in words; never the raw body.
export function GraphError({ error, onRetry }: GraphErrorProps) {
  const { message, status } = errorForDisplay(error);
  return (
    <section className="graph-error" role="alert" data-testid="graph-error">
      <h2>The graph could not be loaded</h2>
      <p data-testid="graph-error-message">{message}</p>
      {status && (
        <p className="muted" data-testid="graph-error-status">
          HTTP status: {status}
        </p>
      )}
      <button type="button" onClick={onRetry}>
        Retry
      </button>
    </section>
  );
}
