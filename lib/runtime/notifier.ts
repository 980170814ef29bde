import type { StoreResult } from '@/lib/ingest/store';

// Tells the live UI that a batch landed. The server registers the socket.io broadcaster;
// writers in route handlers (remote collectors, imports) reach it through globalThis.

type Listener = (result: StoreResult) => void;

const listeners = ((globalThis as { __orreryStored?: Set<Listener> }).__orreryStored ??= new Set());

export function onStored(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyStored(result: StoreResult) {
  if (result.duplicate) return;
  for (const listener of listeners) listener(result);
}
