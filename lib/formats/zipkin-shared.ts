import { createHash } from 'node:crypto';

// Zipkin v2 reports one RPC as up to two spans with the same id: the client half and the
// server half (`shared: true`, or simply kind SERVER next to a CLIENT with that id), and a
// half may itself arrive in fragments (one with the kind and times, one with late tags).
// Derivation needs a parent/child pair instead, so this module:
//  1. merges fragments that share trace id, span id and local endpoint (service, ip, port);
//  2. when a group then holds a client half and server halves, gives each server half its own
//     id — the first 16 hex chars of sha256("zipkin-shared|traceId|spanId|endpoint") — with
//     the client span as its parent; a lone shared span (its client was not traced) keeps its
//     id and parent;
//  3. re-parents children of the shared id onto the server half in their own service, since
//     in Zipkin those children hang off the server side.

export interface ZipkinEndpoint {
  serviceName?: string;
  ipv4?: string;
  ipv6?: string;
  port?: number;
}

export interface ZipkinSpan {
  traceId: string; // normalised
  id: string; // normalised
  parentId?: string;
  kind?: string;
  name?: string;
  timestamp?: number;
  duration?: number;
  localEndpoint?: ZipkinEndpoint;
  remoteEndpoint?: ZipkinEndpoint;
  tags: Record<string, string>;
  shared?: boolean;
}

export const endpointKey = (e: ZipkinEndpoint | undefined) =>
  `${e?.serviceName ?? ''}|${e?.ipv4 ?? ''}|${e?.ipv6 ?? ''}|${e?.port ?? ''}`;

function merge(into: ZipkinSpan, part: ZipkinSpan): void {
  into.kind ??= part.kind;
  into.name = into.name || part.name;
  if (part.timestamp !== undefined) {
    into.timestamp =
      into.timestamp === undefined ? part.timestamp : Math.min(into.timestamp, part.timestamp);
  }
  if (part.duration !== undefined) into.duration = Math.max(into.duration ?? 0, part.duration);
  into.remoteEndpoint ??= part.remoteEndpoint;
  into.parentId ??= part.parentId;
  into.shared = into.shared || part.shared;
  into.tags = { ...part.tags, ...into.tags };
}

const isServerHalf = (s: ZipkinSpan, groupHasClient: boolean) =>
  s.shared === true || (groupHasClient && s.kind === 'SERVER');

export function derivedSpanId(traceId: string, id: string, endpoint: string): string {
  return createHash('sha256')
    .update(`zipkin-shared|${traceId}|${id}|${endpoint}`)
    .digest('hex')
    .slice(0, 16);
}

/** Merges fragments and splits shared spans; keeps input order of first appearance. */
export function resolveSharedSpans(spans: ZipkinSpan[]): ZipkinSpan[] {
  const groups = new Map<string, ZipkinSpan[]>();
  for (const s of spans) {
    const key = `${s.traceId}/${s.id}`;
    const parts = groups.get(key) ?? [];
    const same = parts.find((p) => endpointKey(p.localEndpoint) === endpointKey(s.localEndpoint));
    if (same) merge(same, s);
    else parts.push({ ...s });
    groups.set(key, parts);
  }

  // serverHalves: "traceId/spanId" -> server halves with their new ids, for re-parenting.
  const serverHalves = new Map<string, ZipkinSpan[]>();
  for (const [key, parts] of groups) {
    if (parts.length < 2) continue;
    const client = parts.find((p) => !p.shared && p.kind !== 'SERVER');
    const servers = parts.filter((p) => p !== client && isServerHalf(p, client !== undefined));
    if (!client || servers.length === 0) continue;
    for (const server of servers) {
      server.parentId = client.id;
      server.id = derivedSpanId(server.traceId, client.id, endpointKey(server.localEndpoint));
    }
    serverHalves.set(key, servers);
  }

  const out = [...groups.values()].flat();
  for (const s of out) {
    const halves = s.parentId ? serverHalves.get(`${s.traceId}/${s.parentId}`) : undefined;
    if (!halves || halves.some((h) => h === s)) continue;
    const mine =
      halves.find((h) => endpointKey(h.localEndpoint) === endpointKey(s.localEndpoint)) ??
      halves.find((h) => h.localEndpoint?.serviceName === s.localEndpoint?.serviceName);
    if (mine) s.parentId = mine.id;
  }
  return out;
}
