import type { LiveStatus } from '@/lib/realtime/client';

import type { Health } from './use-health';

// What the "Live" badge in the toolbar says. Three things decide it: whether the socket
// that nudges the page is connected, whether the server says it is healthy (/api/health),
// and whether the window can change at all (a custom window that ended is a still picture).
// A failing backend wins over everything: a green dot over a database that is down would
// claim fresh data the page cannot get. Then a socket that is not connected, then a past
// window ("paused"); only with all three well is it "Live".

export type LiveState =
  | { status: 'connected'; text: 'Live'; reason: null }
  | { status: 'paused'; text: 'Paused — past window'; reason: null }
  | { status: 'degraded'; text: 'Degraded'; reason: string }
  | { status: Exclude<LiveStatus, 'connected'>; text: string; reason: null };

export interface HealthReading {
  data: Health | undefined;
  /** The last health check failed (no answer, or an answer that is not a health document). */
  error: Error | null;
}

const SOCKET_TEXT: Record<Exclude<LiveStatus, 'connected'>, string> = {
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline (polling)',
};

// Only the server's own verdict turns the badge: a collector that is degraded on a server
// that says `ok` (no Docker socket on this machine, say) is not a failing backend.
/** Why the server says it is degraded, in words: database first, then ingest, collectors. */
export function degradedReason(health: Health): string | null {
  if (health.status !== 'degraded') return null;
  const reasons: string[] = [];
  const { database, ingest, collectors } = health;
  if (database && database.ok === false) {
    reasons.push(
      `database: ${typeof database.error === 'string' ? database.error : 'not answering'}`,
    );
  }
  if (ingest?.failing === true) reasons.push('ingest: batches are failing to store');
  for (const [name, c] of Object.entries(collectors ?? {})) {
    if (c.state !== 'degraded') continue;
    reasons.push(c.detail ? `${name}: ${c.detail}` : `${name} degraded`);
  }
  return reasons.length ? reasons.join('; ') : 'the server reports degraded';
}

export function liveState(
  socket: LiveStatus,
  health: HealthReading,
  pastWindow: boolean,
): LiveState {
  // A failed health check while the socket is up means the server answers but not well;
  // with the socket down too, the socket's own words ("Reconnecting…") say it better.
  if (health.error && socket === 'connected') {
    return {
      status: 'degraded',
      text: 'Degraded',
      reason: `health check failed: ${health.error.message}`,
    };
  }
  const reason = health.data && !health.error ? degradedReason(health.data) : null;
  if (reason) return { status: 'degraded', text: 'Degraded', reason };
  if (socket !== 'connected') return { status: socket, text: SOCKET_TEXT[socket], reason: null };
  if (pastWindow) return { status: 'paused', text: 'Paused — past window', reason: null };
  return { status: 'connected', text: 'Live', reason: null };
}
