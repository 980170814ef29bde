import { describe, expect, it } from 'vitest';

import { findingHighlight } from './highlight';

describe('findingHighlight', () => {
  it('lights services, node resources and edges, skipping non-node resources', () => {
    expect(
      findingHighlight({
        services: ['aaaa', 'bbbb'],
        resources: ['dddd', 'volume:uploads', 'aaaa'],
        edges: ['aaaa>dddd>database', 'aaaa>dddd>database'],
      }),
    ).toEqual({ nodeIds: ['aaaa', 'bbbb', 'dddd'], edgeIds: ['aaaa>dddd>database'] });
  });
});
