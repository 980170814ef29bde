import { timingSafeEqual } from 'node:crypto';

// Remote collectors authenticate with `Authorization: Bearer <ORRERY_INGEST_TOKEN>`. With
// no token configured the ingest API only answers loopback callers, so a fresh install is
// not an open write endpoint on the network.

/** Set by server.ts from the socket's remote address; overwritten on every request. */
export const REMOTE_HEADER = 'x-orrery-remote-address';

export type AuthResult = { ok: true } | { ok: false; status: 401 | 403; message: string };

export function checkIngestAuth(
  authorization: string | null,
  token: string | undefined,
  remoteIsLoopback: boolean,
): AuthResult {
  if (!token) {
    return remoteIsLoopback
      ? { ok: true }
      : { ok: false, status: 403, message: 'set ORRERY_INGEST_TOKEN to accept remote collectors' };
  }
  const given = authorization?.match(/^Bearer (.+)$/i)?.[1] ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    return { ok: false, status: 401, message: 'missing or wrong bearer token' };
  }
  return { ok: true };
}

export function isLoopback(address: string | null | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
