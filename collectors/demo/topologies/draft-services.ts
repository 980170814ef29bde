import type { Tier } from './model';
import type { Random } from './random';
import {
  MAX_CALLEES,
  MAX_CALLERS,
  TIER_NOUNS,
  type CellSpec,
  type TopologySpec,
} from './topology-spec';

// First pass of the generator: names every service and decides who calls whom. Calls only go
// from a lower tier to a higher one (gateway → api → mid → leaf), and topics only from api/mid
// producers to workers, so the estate is acyclic by construction; the one seeded cycle is
// added afterwards on purpose.

export interface Draft {
  name: string;
  base: string;
  namespace: string;
  tier: Tier;
  cell: number;
  callees: string[];
  /** Topic this api/mid service produces to. */
  produces?: string;
  /** Topics this worker consumes. */
  consumes: string[];
}

type AppTier = Exclude<Tier, 'gateway'>;
const APP_TIERS: AppTier[] = ['api', 'mid', 'leaf', 'worker'];

/** Base names per tier, anchors first, the rest shuffled from `<domain>-<noun>`. */
export function baseNames(
  spec: TopologySpec,
  rng: Random,
): Record<AppTier, Array<[string, string]>> {
  const a = spec.anchors;
  const anchors: Record<AppTier, string[]> = {
    api: [a.cycle[0]],
    mid: [a.cycle[1], a.cycle[2], a.rollout.service],
    leaf: [a.sharedDatabase.owner, a.sharedDatabase.reader],
    worker: [a.sharedDatabase.writer],
  };
  const out = {} as Record<AppTier, Array<[string, string]>>;
  for (const tier of APP_TIERS) {
    const fixed = anchors[tier].map((name): [string, string] => [name, name.split('-')[0]]);
    const pool = spec.domains.flatMap((d) =>
      TIER_NOUNS[tier].map((n): [string, string] => [`${d}-${n}`, d]),
    );
    out[tier] = [...fixed, ...rng.shuffle(pool.filter(([n]) => !anchors[tier].includes(n)))];
  }
  return out;
}

export function draftCell(
  spec: TopologySpec,
  cellIndex: number,
  names: Record<AppTier, Array<[string, string]>>,
  reserved: Map<string, number>,
  forbidden: Set<string>,
  rng: Random,
): Draft[] {
  const cell: CellSpec = spec.cells[cellIndex];
  const make = (tier: Tier, [base, domain]: [string, string], suffix: string): Draft => ({
    name: `${base}${suffix}`,
    base,
    namespace: cell.region ?? domain,
    tier,
    cell: cellIndex,
    callees: [],
    consumes: [],
  });
  const gateways = cell.gateways.map((g) => make('gateway', [g, 'edge'], ''));
  const byTier = Object.fromEntries(
    APP_TIERS.map((t) => {
      const wanted = cell[t];
      if (names[t].length < wanted) throw new Error(`${spec.name}: too few ${t} names`);
      return [t, names[t].slice(0, wanted).map((n) => make(t, n, cell.suffix))];
    }),
  ) as Record<AppTier, Draft[]>;

  const room = (d: Draft) => MAX_CALLEES - d.callees.length - (reserved.get(d.name) ?? 0);
  const callers = new Map<string, number>();
  const allowed = (caller: Draft, callee: Draft) => !forbidden.has(`${caller.name}>${callee.name}`);
  const link = (caller: Draft, callee: Draft) => {
    if (caller.callees.includes(callee.name)) return;
    caller.callees.push(callee.name);
    callers.set(callee.name, (callers.get(callee.name) ?? 0) + 1);
  };
  // Extra callers stop at MAX_CALLERS so no service becomes a hub by accident; the cycle's
  // services keep a slot for the caller the cycle adds.
  const callerRoom = (d: Draft) =>
    MAX_CALLERS - (callers.get(d.name) ?? 0) - (reserved.has(d.name) && d.tier !== 'api' ? 1 : 0);
  // Every service gets one caller from the tier above, the least loaded of a few candidates,
  // so load spreads and no service is left unreachable.
  const attach = (callees: Draft[], callers: Draft[]) => {
    for (const callee of rng.shuffle(callees)) {
      const open = callers.filter((c) => room(c) > 0 && allowed(c, callee));
      if (open.length === 0) throw new Error(`${spec.name}: no caller left for ${callee.name}`);
      const best = rng.sample(open, 3).sort((x, y) => x.callees.length - y.callees.length)[0];
      link(best, callee);
    }
  };
  attach(byTier.mid, byTier.api);
  attach(byTier.leaf, byTier.mid);
  for (const caller of [...byTier.api, ...byTier.mid]) {
    const below = caller.tier === 'api' ? [...byTier.mid, ...byTier.leaf] : byTier.leaf;
    let extra = rng.int(...spec.extraCallees);
    for (const callee of rng.shuffle(below)) {
      if (extra <= 0 || room(caller) <= 0) break;
      if (caller.callees.includes(callee.name) || callerRoom(callee) <= 0) continue;
      if (!allowed(caller, callee)) continue;
      link(caller, callee);
      extra--;
    }
  }
  // Gateways route to every api service of their cell; they are infrastructure, not greedy.
  byTier.api.forEach((api, i) => link(gateways[i % gateways.length], api));

  assignTopics([...byTier.api, ...byTier.mid], byTier.worker, spec.consumersPerTopic, rng);
  return [...gateways, ...APP_TIERS.flatMap((t) => byTier[t])];
}

/** Each api/mid service produces to its own topic; workers consume them (one producer each). */
function assignTopics(producers: Draft[], workers: Draft[], per: [number, number], rng: Random) {
  for (const producer of rng.shuffle(producers)) {
    const topic = `${producer.name}.events`;
    producer.produces = topic;
    const byLoad = rng.shuffle(workers).sort((x, y) => x.consumes.length - y.consumes.length);
    for (const worker of byLoad.slice(0, rng.int(...per))) worker.consumes.push(topic);
  }
}
