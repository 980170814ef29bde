import { describe, expect, it } from 'vitest';

import { degradedReason, liveState } from './live-state';
import type { Health } from './use-health';

const ok: Health = { status: 'ok', database: { ok: true } };
const dbDown: Health = {
  status: 'degraded',
  database: { ok: false, error: 'connect ECONNREFUSED 127.0.0.1:5432' },
};
const stalled: Health = {
  status: 'degraded',
  database: { ok: true },
  ingest: { failing: true },
  collectors: { otlp: { state: 'degraded', detail: 'backlog full' }, app: { state: 'running' } },
};
const healthy = { data: ok, error: null };

describe('live state', () => {
  it('is live only with the socket up, a healthy server and a window that moves', () => {
    expect(liveState('connected', healthy, false)).toEqual({
      status: 'connected',
      text: 'Live',
      reason: null,
    });
  });

  it('pauses on a custom window that has ended', () => {
    expect(liveState('connected', healthy, true)).toEqual({
      status: 'paused',
      text: 'Paused — past window',
      reason: null,
    });
  });

  it('shows degraded with the reason from the health document, even on a past window', () => {
    expect(liveState('connected', { data: dbDown, error: null }, true)).toEqual({
      status: 'degraded',
      text: 'Degraded',
      reason: 'database: connect ECONNREFUSED 127.0.0.1:5432',
    });
    expect(liveState('reconnecting', { data: stalled, error: null }, false).reason).toBe(
      'ingest: batches are failing to store; otlp: backlog full',
    );
  });

  it('says a failed health check is degraded while the socket is up', () => {
    const error = new Error('503 Service Unavailable');
    expect(liveState('connected', { data: ok, error }, false)).toEqual({
      status: 'degraded',
      text: 'Degraded',
      reason: 'health check failed: 503 Service Unavailable',
    });
  });

  it('lets the socket speak when it is down', () => {
    const error = new Error('the server could not be reached');
    expect(liveState('reconnecting', { data: ok, error }, false)).toEqual({
      status: 'reconnecting',
      text: 'Reconnecting…',
      reason: null,
    });
    expect(liveState('offline', healthy, true).status).toBe('offline');
    expect(liveState('connecting', { data: undefined, error: null }, false).text).toBe(
      'Connecting…',
    );
  });
});

describe('degraded reason', () => {
  it('is null for a healthy server and generic for a bare degraded status', () => {
    expect(degradedReason(ok)).toBeNull();
    const noDocker: Health = {
      status: 'ok',
      collectors: { docker: { state: 'degraded', detail: 'no socket' } },
    };
    expect(degradedReason(noDocker)).toBeNull();
    expect(degradedReason({ status: 'degraded' })).toBe('the server reports degraded');
    expect(degradedReason({ status: 'degraded', database: { ok: false } })).toBe(
      'database: not answering',
    );
  });
});
