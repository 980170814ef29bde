import {
  trace,
  ROOT_CONTEXT,
  SpanStatusCode,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { TracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace';

import type { PlannedSpan } from './trace-plan';
import type { Instance, Service } from './topologies/model';

// One TracerProvider per service instance, because the resource (service.name, version,
// instance id) belongs to the provider. With 1,000 services that is a few thousand providers,
// so they are made lazily and all share one BatchSpanProcessor: the exporter then sends one
// request per batch with many resources in it, not one request per service.

export class ProviderPool {
  private readonly tracers = new Map<string, Tracer>();

  constructor(private readonly processor: SpanProcessor) {}

  get size(): number {
    return this.tracers.size;
  }

  tracerFor(service: Service, instance: Instance): Tracer {
    const key = `${service.name}\u0000${instance.id}`;
    let tracer = this.tracers.get(key);
    if (!tracer) {
      const resource = defaultResource().merge(
        resourceFromAttributes({
          'service.name': service.name,
          'service.namespace': service.namespace,
          'service.version': instance.version,
          'service.instance.id': instance.id,
        }),
      );
      const provider = new TracerProvider({ resource, spanProcessors: [this.processor] });
      tracer = provider.getTracer('orrery-demo', '1.0.0');
      this.tracers.set(key, tracer);
    }
    return tracer;
  }

  /** Creates and ends every span of a planned trace; returns how many spans it made. */
  emit(root: PlannedSpan, baseMs: number): number {
    return this.emitSpan(root, baseMs, ROOT_CONTEXT, undefined);
  }

  private emitSpan(
    p: PlannedSpan,
    baseMs: number,
    parent: Context,
    parentSpan: Span | undefined,
  ): number {
    const tracer = this.tracerFor(p.service, p.instance);
    const startTime = baseMs + p.startMs;
    const endTime = startTime + p.durationMs;
    const detached = p.detached && parentSpan !== undefined;
    const span = tracer.startSpan(
      p.name,
      {
        kind: p.kind,
        attributes: p.attributes,
        startTime,
        root: detached,
        links: detached ? [{ context: parentSpan.spanContext() }] : undefined,
      },
      detached ? ROOT_CONTEXT : parent,
    );
    if (p.error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: p.error });
      span.addEvent(
        'exception',
        { 'exception.type': 'DemoError', 'exception.message': p.error },
        endTime,
      );
    }
    const context = trace.setSpan(ROOT_CONTEXT, span);
    let count = 1;
    for (const child of p.children) count += this.emitSpan(child, baseMs, context, span);
    span.end(endTime);
    return count;
  }
}

/** Latest end of any span in the plan, detached consumers included, relative to its start. */
export function planEndMs(p: PlannedSpan): number {
  return Math.max(p.startMs + p.durationMs, ...p.children.map(planEndMs));
}
