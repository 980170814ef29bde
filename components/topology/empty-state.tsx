'use client';

import { useEffect, useState } from 'react';

interface EmptyStateProps {
  otlpPort: number;
  windowLabel: string;
}

// The first thing a new user sees: exactly where to send spans, with the address of this
// very server, so that one copy-paste gets them a graph.
export function EmptyState({ otlpPort, windowLabel }: EmptyStateProps) {
  const [host, setHost] = useState('localhost');
  useEffect(() => setHost(window.location.hostname || 'localhost'), []);
  const endpoint = `http://${host}:${otlpPort}`;

  return (
    <section className="empty-state" data-testid="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">No services in {windowLabel}</h2>
      <p>Orrery draws the graph from spans. Send some and they appear here within seconds:</p>
      <ol>
        <li>
          OTLP/HTTP (protobuf or JSON) to{' '}
          <code data-testid="otlp-url">{`${endpoint}/v1/traces`}</code>
        </li>
        <li>
          or point any OpenTelemetry SDK at Orrery:{' '}
          <code>{`OTEL_EXPORTER_OTLP_ENDPOINT=${endpoint}`}</code> (with{' '}
          <code>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</code>)
        </li>
        <li>
          or load trace files (OTLP, Jaeger or Zipkin JSON): <code>npm run import -- FILE</code>
        </li>
      </ol>
      <p className="muted">Already sending? Try a wider time window.</p>
    </section>
  );
}
