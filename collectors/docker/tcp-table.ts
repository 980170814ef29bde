import { externalKey, kindOfKey } from '@/lib/topology/node-key';
import type { EdgeObservation, NodeObservation } from '@/lib/topology/types';

// The kernel's TCP tables (`/proc/net/tcp`, `/proc/net/tcp6`) of each container, turned into
// observed edges. Addresses are hex in host byte order (little-endian words); tcp6 shows IPv4
// peers as `::ffff:a.b.c.d`. A connection's direction comes from listening sockets: the side
// whose port is a listener is the server.

export interface TcpSocket {
  localIp: string;
  localPort: number;
  remoteIp: string;
  remotePort: number;
  /** Kernel state code: 01 ESTABLISHED, 06 TIME_WAIT, 0A LISTEN, … */
  state: number;
}

const LISTEN = 0x0a;
const SYN_SENT = 0x02;
const CLOSE = 0x07;

function ipv4(hex: string): string {
  const n = Number.parseInt(hex, 16);
  return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, n >>> 24].join('.');
}

function ipv6(hex: string): string {
  const words = [0, 8, 16, 24].map((i) => hex.slice(i, i + 8));
  if (
    words[0] === '00000000' &&
    words[1] === '00000000' &&
    words[2]!.toUpperCase() === 'FFFF0000'
  ) {
    return ipv4(words[3]!);
  }
  // Each 32-bit word is little-endian; regroup into eight 16-bit groups.
  const bytes = words.flatMap((w) => [6, 4, 2, 0].map((i) => w.slice(i, i + 2)));
  const groups = [];
  for (let i = 0; i < 16; i += 2)
    groups.push(Number.parseInt(bytes[i]! + bytes[i + 1]!, 16).toString(16));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

function address(text: string): { ip: string; port: number } {
  const [hex, port] = text.split(':') as [string, string];
  return { ip: hex.length === 8 ? ipv4(hex) : ipv6(hex), port: Number.parseInt(port, 16) };
}

/** Parses the concatenated text of /proc/net/tcp and /proc/net/tcp6 (header lines skipped). */
export function parseTcpTable(text: string): TcpSocket[] {
  const sockets: TcpSocket[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4 || !/^\d+:$/.test(f[0]!)) continue;
    const local = address(f[1]!);
    const remote = address(f[2]!);
    sockets.push({
      localIp: local.ip,
      localPort: local.port,
      remoteIp: remote.ip,
      remotePort: remote.port,
      state: Number.parseInt(f[3]!, 16),
    });
  }
  return sockets;
}

const isLoopback = (ip: string) =>
  ip.startsWith('127.') || ip === '::1' || ip === '0.0.0.0' || ip === '::';

export interface ConnectionOwner {
  /** Node key of the container with this IP, if it is one of ours. */
  nodeOfIp(ip: string): string | undefined;
}

export interface ObservedConnection {
  source: string;
  target: string;
  port: number;
  /** `localIp:localPort>remoteIp:remotePort`, to count distinct connections. */
  id: string;
}

/**
 * The outgoing connections of one container: remote end not loopback, local port not one of
 * its own listeners (those are incoming; the caller's table reports them). Remote addresses
 * that belong to no container become external nodes.
 */
export function outgoingConnections(
  ownNode: string,
  sockets: TcpSocket[],
  owner: ConnectionOwner,
): ObservedConnection[] {
  const listening = new Set(sockets.filter((s) => s.state === LISTEN).map((s) => s.localPort));
  const out: ObservedConnection[] = [];
  for (const s of sockets) {
    if (s.state === LISTEN || s.state === CLOSE || s.state === SYN_SENT) continue;
    if (isLoopback(s.remoteIp) || listening.has(s.localPort)) continue;
    const target = owner.nodeOfIp(s.remoteIp) ?? externalKey(s.remoteIp);
    if (target === ownNode) continue;
    out.push({
      source: ownNode,
      target,
      port: s.remotePort,
      id: `${s.localIp}:${s.localPort}>${s.remoteIp}:${s.remotePort}`,
    });
  }
  return out;
}

/** Observed edges of one bucket: calls = distinct connections seen in the reporting period. */
export function observedEdges(
  bucketStartMs: number,
  connections: Iterable<ObservedConnection>,
): {
  edges: EdgeObservation[];
  externals: NodeObservation[];
} {
  const byEdge = new Map<
    string,
    { source: string; target: string; ports: Set<number>; ids: Set<string> }
  >();
  for (const c of connections) {
    const key = `${c.source}\0${c.target}`;
    const entry = byEdge.get(key) ?? {
      source: c.source,
      target: c.target,
      ports: new Set(),
      ids: new Set(),
    };
    entry.ports.add(c.port);
    entry.ids.add(c.id);
    byEdge.set(key, entry);
  }
  const edges: EdgeObservation[] = [];
  const externals = new Map<string, NodeObservation>();
  for (const e of byEdge.values()) {
    const kind = kindOfKey(e.target);
    const connectionType =
      kind === 'database' ? 'database' : kind === 'queue' ? 'messaging' : 'rpc';
    edges.push({
      bucketStartMs,
      source: e.source,
      target: e.target,
      connectionType,
      origin: 'observed',
      inferred: false,
      calls: e.ids.size,
      errors: 0,
      clientErrors: 0,
      writes: 0,
      traces: 0,
      detail: { ports: [...e.ports].sort((a, b) => a - b).join(',') },
    });
    if (kind === 'external') {
      const ip = e.target.slice('external:'.length);
      externals.set(e.target, {
        key: e.target,
        kind: 'external',
        name: ip,
        detail: { address: ip },
      });
    }
  }
  return { edges, externals: [...externals.values()] };
}
