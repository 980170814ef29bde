import { z } from 'zod';

// socket.io events between the server and the browser, each with a schema so that neither
// side trusts the other's payloads blindly. The browser reacts to `graph:changed` by
// refetching /api/graph for its window: the event is a nudge, not the data.

export const GRAPH_CHANGED = 'graph:changed';

export const graphChangedSchema = z.object({
  /** When the stored batch was committed. */
  atMs: z.number().int(),
  /** Earliest and latest bucket the batch touched. */
  fromMs: z.number().int(),
  toMs: z.number().int(),
  /** Ids of nodes and edges that did not exist before this batch. */
  newNodeIds: z.array(z.string()).max(10_000),
  newEdgeIds: z.array(z.string()).max(10_000),
});

export type GraphChanged = z.infer<typeof graphChangedSchema>;

/** Path of the socket.io endpoint on the app's own HTTP server. */
export const SOCKET_PATH = '/socket.io';
