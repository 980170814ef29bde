import { byName, nameOf, type SmellContext } from '../context';
import { makeFinding } from '../finding';
import type { SmellRule } from '../rule';
import type { Finding } from '../types';

// MS-22: most services change version together, again and again — one release train, paid
// for with distributed costs. Needs the version timeline (SmellInput.versionTimeline): a
// change is the first bucket a service reports a version it did not report before. Changes
// within lockStepWindowMs of the first one form a wave; a wave that moves at least
// lockStepShare of the versioned services is lock-step, and lockStepMinChanges waves fire.

function changeTimes(samples: Array<{ bucketStartMs: number; versions: string[] }>): number[] {
  const seen = new Set<string>();
  const times: number[] = [];
  for (const s of [...samples].sort((a, b) => a.bucketStartMs - b.bucketStartMs)) {
    const fresh = s.versions.filter((v) => v && !seen.has(v));
    if (fresh.length > 0 && seen.size > 0) times.push(s.bucketStartMs);
    for (const v of s.versions) if (v) seen.add(v);
  }
  return times;
}

function evaluate(ctx: SmellContext): Finding[] {
  const timeline = ctx.input.versionTimeline ?? [];
  const perService = new Map<string, Array<{ bucketStartMs: number; versions: string[] }>>();
  for (const s of timeline) {
    if (!ctx.counted.has(s.node)) continue;
    perService.set(s.node, [...(perService.get(s.node) ?? []), s]);
  }
  if (perService.size < 2) return [];

  const events = [...perService].flatMap(([id, samples]) =>
    changeTimes(samples).map((t) => ({ id, t })),
  );
  events.sort((a, b) => a.t - b.t);
  const waves: Array<{ startMs: number; services: Set<string> }> = [];
  for (const e of events) {
    const wave = waves[waves.length - 1];
    if (wave && e.t - wave.startMs <= ctx.config.lockStepWindowMs) wave.services.add(e.id);
    else waves.push({ startMs: e.t, services: new Set([e.id]) });
  }
  const needed = Math.max(2, Math.ceil(ctx.config.lockStepShare * perService.size));
  const lockStep = waves.filter((w) => w.services.size >= needed);
  if (lockStep.length < ctx.config.lockStepMinChanges) return [];

  const services = [...new Set(lockStep.flatMap((w) => [...w.services]))].sort(byName(ctx));
  return [
    makeFinding({
      code: 'lock-step-versions',
      title: `Lock-step versions across ${services.length} services`,
      severity: 'medium',
      services,
      evidence: {
        versionedServices: perService.size,
        waves: lockStep.length,
        waveStartsMs: lockStep.map((w) => w.startMs),
        servicesPerWave: lockStep.map((w) => w.services.size),
        services: services.map((id) => nameOf(ctx, id)),
      },
      why: `${services.length} services changed version together ${lockStep.length} times, so they are released as one unit.`,
      fix: 'Version and release services separately; keep contracts backward compatible so one can ship alone.',
    }),
  ];
}

export const lockStepVersions: SmellRule = {
  code: 'lock-step-versions',
  evaluate,
};
