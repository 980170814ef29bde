import { describe, expect, it } from 'vitest';

import { ProducerIndex } from './producer-index';

const ref = (node: string) => ({ node, queue: `queue:${node}`, queueName: node });

describe('ProducerIndex', () => {
  it('keeps at most maxEntries, evicting the oldest', () => {
    const index = new ProducerIndex(2, 60_000);
    index.add('t', '1', ref('a'), 0);
    index.add('t', '2', ref('b'), 1);
    index.add('t', '1', ref('a2'), 2); // an update moves the entry to the back
    index.add('t', '3', ref('c'), 3);
    expect([index.size, index.get('t', '2'), index.get('t', '1')?.node]).toEqual([
      2,
      undefined,
      'a2',
    ]);
  });

  it('forgets producers older than its ttl', () => {
    const index = new ProducerIndex(10, 1_000);
    index.add('t', '1', ref('a'), 0);
    index.add('t', '2', ref('b'), 500);
    index.expire(1_000);
    expect([index.get('t', '1'), index.get('t', '2')?.node]).toEqual([undefined, 'b']);
  });
});
