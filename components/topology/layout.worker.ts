import { computeLayout, type LayoutInput } from '@/lib/ui/force-layout';

// Runs the force layout off the main thread: at 1,000+ nodes a layout takes seconds, and
// the page must keep panning, zooming and answering clicks meanwhile.

export interface LayoutRequest {
  requestId: number;
  input: LayoutInput;
}

export interface LayoutReply {
  requestId: number;
  positions: ReturnType<typeof computeLayout>;
  durationMs: number;
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const started = performance.now();
  const positions = computeLayout(event.data.input);
  const reply: LayoutReply = {
    requestId: event.data.requestId,
    positions,
    durationMs: performance.now() - started,
  };
  self.postMessage(reply);
};
