import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';

import type { Logger } from '@/lib/logger';

// Wraps the OTLP exporter so failed exports become a warning with counts in our own log,
// instead of vanishing into the SDK's diag channel (which is silent unless configured).

const WARN_EVERY_MS = 30_000;

export class CountingExporter implements SpanExporter {
  exportedSpans = 0;
  failedSpans = 0;
  private failedSinceWarn = 0;
  private lastWarnMs = 0;

  constructor(
    private readonly inner: SpanExporter,
    private readonly log: Logger,
  ) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.inner.export(spans, (result) => {
      if (result.code === ExportResultCode.SUCCESS) this.exportedSpans += spans.length;
      else this.recordFailure(spans.length, result.error);
      done(result);
    });
  }

  private recordFailure(count: number, err: Error | undefined): void {
    this.failedSpans += count;
    this.failedSinceWarn += count;
    const now = Date.now();
    if (now - this.lastWarnMs < WARN_EVERY_MS) return;
    this.log.warn({ err, droppedSpans: this.failedSinceWarn }, 'demo export failed');
    this.failedSinceWarn = 0;
    this.lastWarnMs = now;
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
