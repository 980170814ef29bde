import type { GraphEdge, GraphNode } from '@/lib/graph/types';
import { convexHull, type Point } from '@/lib/ui/convex-hull';
import type { LayoutPositions } from '@/lib/ui/force-layout';
import { truncateLabel } from '@/lib/ui/format';
import { edgeWidth, errorColor, groupHue, nodeRadius } from '@/lib/ui/visual-scale';
import type { EdgeOrigin, NodeKind } from '@/lib/topology/types';

// What the canvas draws, precomputed once per graph + layout so that a frame (pan, zoom,
// hover) does only arithmetic and path calls. Nodes and edges are indexed arrays rather
// than objects so a 5,000-node frame touches flat data.

export interface SceneNode {
  id: string;
  name: string;
  /** What the canvas draws: the name cut to a few dozen characters (names are untrusted). */
  label: string;
  kind: NodeKind;
  x: number;
  y: number;
  r: number;
  color: string;
}

export interface SceneEdge {
  id: string; // the graph edge id (`source>target>connectionType`)
  from: number; // index into nodes
  to: number;
  width: number;
  color: string;
  origin: EdgeOrigin; // the strongest evidence decides the dash
}

export interface SceneGroup {
  name: string;
  label: string;
  hull: Point[];
  hue: number;
  labelX: number;
  labelY: number;
}

export interface Scene {
  nodes: SceneNode[];
  edges: SceneEdge[];
  groups: SceneGroup[];
  index: Map<string, number>;
}

function strongestOrigin(origins: EdgeOrigin[]): EdgeOrigin {
  if (origins.includes('traced')) return 'traced';
  if (origins.includes('observed')) return 'observed';
  return 'declared';
}

function groupOutline(members: SceneNode[]): Point[] {
  // Pad each member by its radius so the hull encloses the shapes, not just their centres.
  const pts: Point[] = [];
  for (const n of members) {
    const pad = n.r + 14;
    for (let i = 0; i < 8; i++) {
      const a = (Math.PI / 4) * i;
      pts.push([n.x + pad * Math.cos(a), n.y + pad * Math.sin(a)]);
    }
  }
  return convexHull(pts);
}

export function buildScene(
  graphNodes: GraphNode[],
  graphEdges: GraphEdge[],
  positions: LayoutPositions,
): Scene {
  const nodes: SceneNode[] = [];
  const index = new Map<string, number>();
  const byGroup = new Map<string, SceneNode[]>();
  for (const n of graphNodes) {
    const p = positions[n.id];
    if (!p) continue;
    const sn: SceneNode = {
      id: n.id,
      name: n.name,
      label: truncateLabel(n.name),
      kind: n.kind,
      x: p.x,
      y: p.y,
      r: nodeRadius(n),
      color: errorColor(n.errorRate),
    };
    index.set(n.id, nodes.length);
    nodes.push(sn);
    if (n.group) {
      const members = byGroup.get(n.group);
      if (members) members.push(sn);
      else byGroup.set(n.group, [sn]);
    }
  }

  const edges: SceneEdge[] = [];
  for (const e of graphEdges) {
    const from = index.get(e.source);
    const to = index.get(e.target);
    if (from === undefined || to === undefined) continue;
    edges.push({
      id: e.id,
      from,
      to,
      width: edgeWidth(e),
      color: errorColor(e.errorRate),
      origin: strongestOrigin(e.origins),
    });
  }

  const groups: SceneGroup[] = [...byGroup.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, members]) => {
      const hull = groupOutline(members);
      const top = hull.reduce((best, p) => (p[1] < best[1] ? p : best), hull[0]);
      const label = truncateLabel(name);
      return { name, label, hull, hue: groupHue(name), labelX: top[0], labelY: top[1] - 6 };
    });

  return { nodes, edges, groups, index };
}
