import { describe, expect, it } from 'vitest';

import { countsByService, deathStarHref, smellsHref } from './smell-links';

describe('smell links', () => {
  it('keeps the window and names the finding', () => {
    expect(
      deathStarHref(
        { id: 'cyclic-dependency-abc', services: ['n1', 'n2'] },
        'w=custom&from=1&to=2',
      ),
    ).toBe('/?w=custom&from=1&to=2&highlight=cyclic-dependency-abc&focus=n1');
    expect(smellsHref('x', 'w=1h')).toBe('/smells?w=1h&finding=x');
    expect(smellsHref(null, 'w=1h&finding=x')).toBe('/smells?w=1h');
    expect(smellsHref(null, '')).toBe('/smells');
  });

  it('counts findings per service', () => {
    expect([...countsByService([{ services: ['a', 'b'] }, { services: ['a'] }])]).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });
});
