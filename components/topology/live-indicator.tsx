import type { LiveStatus } from '@/lib/realtime/client';
import type { LiveState } from '@/lib/ui/live-state';

interface LiveIndicatorProps {
  state: LiveState;
  /** The socket's own status, kept apart from the combined state for tests and debugging. */
  socket: LiveStatus;
}

// data-status is the combined state (connected = live; degraded; paused; or the socket's
// connecting / reconnecting / offline); the reason of a degraded server is shown next to it,
// cut to one line with the whole text in the title.
export function LiveIndicator({ state, socket }: LiveIndicatorProps) {
  return (
    <span
      className={`live-indicator live-${state.status}`}
      role="status"
      data-testid="live-indicator"
      data-status={state.status}
      data-socket={socket}
      title={state.reason ?? undefined}
    >
      <span className="live-dot" aria-hidden="true" />
      {state.text}
      {state.reason && (
        <span className="live-reason truncate" data-testid="live-reason">
          {state.reason}
        </span>
      )}
    </span>
  );
}
