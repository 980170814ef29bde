import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import type { Finding } from '@/lib/smells/types';

import { FindingEvidence } from './finding-evidence';
import { FindingList } from './finding-list';

const evil = '<img src=x onerror=alert(1)>';

const cycle: Finding = {
  id: 'cyclic-dependency-000000000001',
  code: 'cyclic-dependency',
  title: `Cyclic dependency among 3 services`,
  severity: 'medium',
  services: ['n1', 'n2', 'n3'],
  edges: ['n1>n2>rpc', 'n2>n3>rpc', 'n3>n1>rpc'],
  resources: [],
  evidence: { size: 3, loop: ['a', evil, 'c'], loopNodes: ['n1', 'n2', 'n3'], weakestEdgeCalls: 3 },
  why: 'loop',
  fix: 'break it',
};

const shared: Finding = {
  ...cycle,
  id: 'shared-persistence-000000000002',
  code: 'shared-persistence',
  title: `Shared persistence: ${evil}`,
  severity: 'high',
  resources: ['db'],
  evidence: {
    server: 'pg',
    accessors: [
      {
        service: 'orders',
        calls: 10,
        ratePerSec: 0.5,
        writes: 3,
        writer: true,
        sampleTraceId: 'abc',
      },
      {
        service: 'billing',
        calls: 4,
        ratePerSec: 0.25,
        writes: 0,
        writer: false,
        sampleTraceId: null,
      },
    ],
  },
};

describe('smell components', () => {
  it('draws a cycle in order, closing the loop, with names as text', () => {
    const html = renderToStaticMarkup(
      <FindingEvidence finding={cycle} names={new Map()} windowQuery="w=1h" onClose={() => {}} />,
    );
    expect(html).not.toContain('<img');
    const loop = html.match(/<ol[^>]*data-testid="loop"[^>]*>(.*?)<\/ol>/)![1];
    expect(loop.match(/<li[^>]*>(.*?)<\/li>/g)).toEqual([
      '<li title="a">a</li>',
      '<li title="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt;</li>',
      '<li title="c">c</li>',
      '<li title="a">a</li>',
    ]);
    expect(html).toContain(
      'href="/?w=1h&amp;highlight=cyclic-dependency-000000000001&amp;focus=n1"',
    );
  });

  it('lists accessors of a shared database with call rate and whether they write', () => {
    const html = renderToStaticMarkup(
      <FindingEvidence finding={shared} names={new Map()} windowQuery="" onClose={() => {}} />,
    );
    const headers = [...html.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) => m[1]);
    expect(headers).toEqual(['Service', 'Calls', 'Rate', 'Writes', 'Writer', 'Sample trace']);
    const rows = html.match(/<tbody>(.*?)<\/tbody>/)![1].match(/<tr>(.*?)<\/tr>/g);
    const cells = rows!.map((r) => [...r.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]));
    const text = (c: string) => c.replace(/<[^>]+>/g, '');
    expect(cells.map((r) => r.map(text))).toEqual([
      ['orders', '10', '30.0/min', '3', 'yes', 'abc'],
      ['billing', '4', '15.0/min', '0', 'no', '—'],
    ]);
    // Names carry their whole text in a title, for when the cell cuts them short.
    expect(cells[0][0]).toMatch(/title="orders"/);
    expect(html).toContain('<dt>Server</dt>');
  });

  it('groups findings by severity, most severe first', () => {
    const html = renderToStaticMarkup(
      <FindingList findings={[shared, cycle]} selectedId={cycle.id} onSelect={() => {}} />,
    );
    expect([...html.matchAll(/aria-label="(\w+) severity"/g)].map((m) => m[1])).toEqual([
      'High',
      'Medium',
    ]);
    expect(html).not.toContain('<img');
    expect(
      html.match(
        /aria-pressed="true"[^>]*data-finding-id|data-finding-id="([^"]+)"[^>]*aria-pressed="true"/,
      ),
    ).not.toBeNull();
  });
});

describe('FindingEvidence edge ids', () => {
  it('shows an edge id in the evidence as the names of its ends', () => {
    const a = '0123456789abcdef';
    const b = 'fedcba9876543210';
    const finding: Finding = { ...cycle, evidence: { weakestEdge: `${a}>${b}>rpc` } };
    const names = new Map([
      [a, 'checkout'],
      [b, 'payments'],
    ]);
    const html = renderToStaticMarkup(
      <FindingEvidence finding={finding} names={names} windowQuery="" onClose={() => {}} />,
    );
    expect(html).toContain('checkout → payments (rpc)');
    expect(html).not.toContain(`${a}&gt;${b}`);
  });
});
