import type { LiveStatus } from '@/lib/realtime/client';

const TEXT: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline (polling)',
};

export function LiveIndicator({ status }: { status: LiveStatus }) {
  return (
    <span
      className={`live-indicator live-${status}`}
      role="status"
      data-testid="live-indicator"
      data-status={status}
    >
      <span className="live-dot" aria-hidden="true" />
      {TEXT[status]}
    </span>
  );
}
