import { SpanKind, type Attributes } from '@opentelemetry/api';

import { callShape, dbSpan, messagingSpan } from './span-attributes';
import type { Instance, Operation, Service, Step, Topology } from './topologies/model';
import type { Random } from './topologies/random';

// Plans one trace as a tree of spans with times relative to the trace start, before any span
// is created: children always sit inside their parent (a client span wraps its server span
// with network time on both sides), and consumers start after the message was sent. Keeping
// the plan pure lets the tests check its shape without an SDK.

export interface PlannedSpan {
  service: Service;
  instance: Instance;
  kind: SpanKind;
  name: string;
  startMs: number;
  durationMs: number;
  attributes: Attributes;
  error?: string;
  children: PlannedSpan[];
  /** A consumer that starts its own trace, linked to its parent (the producer) instead. */
  detached?: boolean;
}

export interface PlanContext {
  topology: Topology;
  byName: Map<string, Service>;
  rng: Random;
  /** Error probability to add for a service now (error bursts). */
  errorBoost(service: string): number;
  /** Spans left before further calls are skipped, so a wide fan-out stays bounded. */
  budget: number;
}

const KIND = SpanKind;

export function planTrace(ctx: PlanContext, entry: { service: string; operation: string }) {
  return runOperation(ctx, ctx.byName.get(entry.service)!, entry.operation, 0, undefined).span;
}

interface Outcome {
  span: PlannedSpan;
  status: number;
}

function runOperation(
  ctx: PlanContext,
  service: Service,
  opName: string,
  startMs: number,
  consumer: { topic: string } | undefined,
): Outcome {
  const { rng } = ctx;
  const op = service.operations.find((o) => o.name === opName)!;
  const instance = rng.pick(service.instances);
  ctx.budget -= 1;
  const self = rng.range(...op.selfMs);
  let t = startMs + self * 0.4;
  const children: PlannedSpan[] = [];
  let downstreamFailed = false;
  for (const group of op.groups) {
    let groupEnd = t;
    for (const step of group) {
      for (const planned of runStep(ctx, service, step, t)) {
        children.push(planned.span);
        if (planned.span.error && !planned.span.detached) downstreamFailed = true;
        if (!planned.span.detached)
          groupEnd = Math.max(groupEnd, planned.span.startMs + planned.span.durationMs);
      }
    }
    t = groupEnd + rng.range(0.02, 0.3);
  }
  t += self * 0.6;

  const failed =
    rng.chance(op.errorRate + ctx.errorBoost(service.name)) ||
    (downstreamFailed && rng.chance(0.5));
  const clientError = !failed && rng.chance(op.clientErrorRate);
  const status = statusOf(op, failed, clientError, rng);
  const span: PlannedSpan = consumer
    ? {
        service,
        instance,
        kind: KIND.CONSUMER,
        startMs,
        durationMs: t - startMs,
        children,
        ...messagingSpan(ctx.topology.broker, consumer.topic, 'process', service.name),
      }
    : {
        service,
        instance,
        kind: KIND.SERVER,
        startMs,
        durationMs: t - startMs,
        children,
        ...serverShape(ctx, service, op, status),
      };
  if (failed) span.error = op.protocol === 'grpc' ? 'INTERNAL' : `HTTP ${status}`;
  return { span, status };
}

function serverShape(ctx: PlanContext, service: Service, op: Operation, status: number) {
  const shape = callShape(service, op, ctx.topology.dnsSuffix, status);
  return { name: shape.name, attributes: { ...shape.common, ...shape.server } };
}

function statusOf(op: Operation, failed: boolean, clientError: boolean, rng: Random): number {
  if (op.protocol === 'grpc') return failed ? rng.pick([13, 14]) : clientError ? 5 : 0;
  return failed ? rng.pick([500, 502, 503]) : clientError ? rng.pick([400, 404, 409]) : 200;
}

function runStep(
  ctx: PlanContext,
  caller: Service,
  step: Step,
  t: number,
): Array<{ span: PlannedSpan }> {
  const { rng } = ctx;
  const instance = rng.pick(caller.instances);
  if (step.type === 'db') {
    const durationMs = step.store.system === 'redis' ? rng.range(0.1, 0.8) : rng.range(0.6, 6);
    const failed = rng.chance(0.0015 + ctx.errorBoost(caller.name) / 4);
    ctx.budget -= 1;
    const span: PlannedSpan = {
      service: caller,
      instance,
      kind: KIND.CLIENT,
      startMs: t,
      durationMs,
      children: [],
      ...dbSpan(step.store, step.operation),
    };
    if (failed) span.error = 'connection reset by peer';
    return [{ span }];
  }
  if (step.type === 'produce') return [{ span: produce(ctx, caller, instance, step.topic, t) }];

  const callee = ctx.byName.get(step.service)!;
  const op = callee.operations.find((o) => o.name === step.operation)!;
  const out: Array<{ span: PlannedSpan }> = [];
  // Repeated calls of one step are a parallel batch (fan-out to the same service).
  for (let i = 0; i < step.repeat && ctx.budget > 0; i++) {
    ctx.budget -= 1;
    const netMs = rng.range(0.15, 1.2);
    const server = runOperation(ctx, callee, step.operation, t + netMs, undefined);
    const shape = callShape(callee, op, ctx.topology.dnsSuffix, server.status);
    const span: PlannedSpan = {
      service: caller,
      instance,
      kind: KIND.CLIENT,
      name: shape.name,
      startMs: t,
      durationMs: server.span.durationMs + netMs + rng.range(0.15, 1.2),
      attributes: { ...shape.common, ...shape.client },
      children: [server.span],
    };
    if (server.span.error) span.error = server.span.error;
    out.push({ span });
  }
  return out;
}

function produce(ctx: PlanContext, caller: Service, instance: Instance, topic: string, t: number) {
  const { rng } = ctx;
  ctx.budget -= 1;
  const durationMs = rng.range(0.4, 2.5);
  const span: PlannedSpan = {
    service: caller,
    instance,
    kind: KIND.PRODUCER,
    startMs: t,
    durationMs,
    children: [],
    ...messagingSpan(ctx.topology.broker, topic, 'send'),
  };
  const consumers = ctx.topology.topics.find((x) => x.name === topic)?.consumers ?? [];
  for (const name of consumers) {
    if (ctx.budget <= 0) break;
    const service = ctx.byName.get(name)!;
    const handler = service.consumes.find((c) => c.topic === topic)!;
    const lagMs = rng.range(2, 60);
    const consumed = runOperation(ctx, service, handler.operation, t + durationMs + lagMs, {
      topic,
    });
    // Most consumers continue the producer's trace; some start their own, linked to it, as
    // batch consumers do. Derivation must pair both forms.
    consumed.span.detached = rng.chance(0.4);
    span.children.push(consumed.span);
  }
  return span;
}
