import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';

// The death star's layout, as a pure function so that the worker and the tests run the
// same code. It is deterministic: inputs are sorted by id, d3's random source is a seeded
// PRNG and the simulation runs a fixed number of ticks — the same graph and seed give the
// same positions in every browser and in Node. A refetch passes the previous positions
// back in (warm start) so that a growing graph does not reshuffle under the user's eyes.

export interface LayoutNodeInput {
  id: string;
  radius: number;
  group: string | null;
}

export interface LayoutInput {
  nodes: LayoutNodeInput[];
  links: Array<{ source: string; target: string }>;
  previous?: Record<string, { x: number; y: number }>;
  seed?: number;
}

export type LayoutPositions = Record<string, { x: number; y: number }>;

interface SimNode extends SimulationNodeDatum {
  id: string;
  radius: number;
  group: string | null;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Group anchors on a circle; ungrouped nodes gravitate to the centre. */
function groupAnchors(nodes: SimNode[]): Map<string, { x: number; y: number }> {
  const groups = [...new Set(nodes.map((n) => n.group).filter((g): g is string => !!g))].sort();
  const ring = 60 * Math.sqrt(nodes.length);
  const anchors = new Map<string, { x: number; y: number }>();
  groups.forEach((g, i) => {
    const angle = (2 * Math.PI * i) / groups.length;
    anchors.set(
      g,
      groups.length === 1
        ? { x: 0, y: 0 }
        : {
            x: ring * Math.cos(angle),
            y: ring * Math.sin(angle),
          },
    );
  });
  return anchors;
}

function seedPositions(nodes: SimNode[], input: LayoutInput, random: () => number): number {
  const prev = input.previous ?? {};
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let warm = 0;
  for (const n of nodes) {
    const p = prev[n.id];
    if (p) {
      n.x = p.x;
      n.y = p.y;
      warm++;
    }
  }
  // A new node starts next to a neighbour that already has a place, not at the origin.
  for (const l of input.links) {
    const [a, b] = [byId.get(l.source), byId.get(l.target)];
    if (!a || !b) continue;
    const [placed, fresh] = a.x !== undefined && b.x === undefined ? [a, b] : [b, a];
    if (placed.x !== undefined && fresh.x === undefined) {
      fresh.x = placed.x + (random() - 0.5) * 40;
      fresh.y = (placed.y ?? 0) + (random() - 0.5) * 40;
    }
  }
  return warm;
}

export function computeLayout(input: LayoutInput): LayoutPositions {
  const random = mulberry32(input.seed ?? 1);
  const nodes: SimNode[] = [...input.nodes]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((n) => ({ id: n.id, radius: n.radius, group: n.group }));
  const ids = new Set(nodes.map((n) => n.id));
  const links: SimulationLinkDatum<SimNode>[] = input.links
    .filter((l) => ids.has(l.source) && ids.has(l.target) && l.source !== l.target)
    .map((l) => ({ source: l.source, target: l.target }))
    .sort((a, b) => `${a.source}>${a.target}`.localeCompare(`${b.source}>${b.target}`));

  const warm = seedPositions(nodes, input, random);
  const anchors = groupAnchors(nodes);
  // Cold nodes start at a seeded random spot around their group's anchor: this is where
  // the seed enters, and it lets groups separate in far fewer ticks than from d3's spiral.
  const spread = 30 * Math.sqrt(nodes.length + 1);
  for (const n of nodes) {
    if (n.x !== undefined) continue;
    const anchor = (n.group && anchors.get(n.group)) || { x: 0, y: 0 };
    n.x = anchor.x + (random() - 0.5) * spread;
    n.y = anchor.y + (random() - 0.5) * spread;
  }
  const big = nodes.length > 2000;
  const sim = forceSimulation(nodes)
    .randomSource(random)
    .stop()
    .force(
      'link',
      forceLink<SimNode, SimulationLinkDatum<SimNode>>(links)
        .id((n) => n.id)
        .distance(50),
    )
    .force(
      'charge',
      forceManyBody<SimNode>()
        .strength(-90)
        .theta(big ? 1.5 : 0.9)
        .distanceMax(900),
    )
    .force('x', forceX<SimNode>((n) => (n.group ? anchors.get(n.group)!.x : 0)).strength(0.06))
    .force('y', forceY<SimNode>((n) => (n.group ? anchors.get(n.group)!.y : 0)).strength(0.06));
  if (!big)
    sim.force(
      'collide',
      forceCollide<SimNode>((n) => n.radius + 4),
    );

  const mostlyWarm = nodes.length > 0 && warm / nodes.length > 0.8;
  if (mostlyWarm) sim.alpha(0.25);
  const ticks = mostlyWarm ? 60 : nodes.length <= 500 ? 300 : nodes.length <= 2000 ? 150 : 60;
  sim.tick(ticks);

  const out: LayoutPositions = {};
  for (const n of nodes) out[n.id] = { x: n.x ?? 0, y: n.y ?? 0 };
  return out;
}
