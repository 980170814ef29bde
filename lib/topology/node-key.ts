import { createHash } from 'node:crypto';

import type { NodeKind } from './types';

// A node's key is its identity across sources and collectors: the same service seen in a
// trace, a container label or a compose file gets the same key, so their facts join. The
// key is human-readable for debugging; the id stored and used in URLs is a hash of it, so
// names with '/', ':', spaces or HTML never reach a URL or a DOM id unescaped.

export function serviceKey(name: string): string {
  return `service:${name.trim() || 'unknown'}`;
}

/** A database is its system plus its address; the database name is detail, not identity. */
export function databaseKey(system: string, address: string): string {
  return `database:${system.toLowerCase()}@${address.toLowerCase()}`;
}

/** A queue or topic is its destination, scoped by the messaging system when known. */
export function queueKey(destination: string, system?: string): string {
  return `queue:${system ? `${system.toLowerCase()}/` : ''}${destination}`;
}

export function externalKey(name: string): string {
  return `external:${name.toLowerCase()}`;
}

export const UNKNOWN_CALLER_KEY = 'unknown-caller';

export function nodeId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function kindOfKey(key: string): NodeKind {
  const prefix = key.split(':', 1)[0];
  if (key === UNKNOWN_CALLER_KEY) return 'unknown-caller';
  if (prefix === 'database' || prefix === 'queue' || prefix === 'external') return prefix;
  return 'service';
}
