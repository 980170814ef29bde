import { register } from 'node:module';

import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';

// Preloaded with `--import` into each fixture service, before its own code: ESM imports are
// hoisted, so `http` and `pg` must be hooked (import-in-the-middle's loader) and the
// instrumentations registered before the service module is even parsed. This is how the
// OpenTelemetry docs set up ESM apps, and the only order in which `import http` is patched.

register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);

const serviceName = process.env.ORRERY_FIXTURE_SERVICE ?? 'unknown';
const provider = new TracerProvider({
  resource: resourceFromAttributes({
    'service.name': serviceName,
    'service.namespace': 'e2e',
    'service.version': '1.0.0',
    'service.instance.id': `${serviceName}-${process.pid}`,
  }),
  spanProcessors: [
    new BatchSpanProcessor({
      exporter: new OTLPTraceExporter({ url: process.env.ORRERY_FIXTURE_OTLP }),
      scheduledDelayMillis: 200,
    }),
  ],
});
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
propagation.setGlobalPropagator(new W3CTraceContextPropagator());
trace.setGlobalTracerProvider(provider);
registerInstrumentations({
  tracerProvider: provider,
  instrumentations: [new HttpInstrumentation(), new PgInstrumentation()],
});

/** Lets the service flush on request from the test before it answers. */
(globalThis as { __orreryFlush?: () => Promise<void> }).__orreryFlush = () => provider.forceFlush();
(globalThis as { __orreryShutdown?: () => Promise<void> }).__orreryShutdown = () =>
  provider.shutdown();
