'use client';

interface GraphErrorProps {
  message: string;
  onRetry: () => void;
}

export function GraphError({ message, onRetry }: GraphErrorProps) {
  return (
    <section className="graph-error" role="alert" data-testid="graph-error">
      <h2>The graph could not be loaded</h2>
      <p>{message}</p>
      <button type="button" onClick={onRetry}>
        Retry
      </button>
    </section>
  );
}
