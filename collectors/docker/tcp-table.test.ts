import { describe, expect, it } from 'vitest';

import { observedEdges, outgoingConnections, parseTcpTable } from './tcp-table';

// Lines captured from a busybox container on a private engine (client 10.213.0.3 → httpd on
// 10.213.0.2:80), trimmed of trailing columns.
const TABLE = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0B00007F:9F97 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 37483 1
   1: 0300D50A:B168 0200D50A:0050 01 00000000:00000000 00:00000000 00000000     0        0 37490 1
   2: 0300D50A:B16A 0200D50A:0050 06 00000000:00000000 03:00001754 00000000     0        0 0 3
   3: 0300D50A:C000 0900D50A:1538 01 00000000:00000000 00:00000000 00000000     0        0 0 3
  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 37561 1
   1: 0000000000000000FFFF00000300D50A:1F90 0000000000000000FFFF00000400D50A:B168 01 00000000:00000000 03:00001754 00000000     0        0 0 3
   2: 0000000000000000FFFF00000300D50A:D000 0000000000000000FFFF00000100007F:0050 01 00000000:00000000 00:00000000 00000000     0        0 0 3
   3: B80D0120000000000000000001000000:D001 B80D0120000000000000000002000000:01BB 01 00000000:00000000 00:00000000 00000000     0        0 0 3
`;

describe('parseTcpTable', () => {
  it('decodes IPv4, IPv4-mapped IPv6 and IPv6 addresses and states', () => {
    expect(parseTcpTable(TABLE)).toEqual([
      { localIp: '127.0.0.11', localPort: 40855, remoteIp: '0.0.0.0', remotePort: 0, state: 0x0a },
      { localIp: '10.213.0.3', localPort: 45416, remoteIp: '10.213.0.2', remotePort: 80, state: 1 },
      { localIp: '10.213.0.3', localPort: 45418, remoteIp: '10.213.0.2', remotePort: 80, state: 6 },
      {
        localIp: '10.213.0.3',
        localPort: 49152,
        remoteIp: '10.213.0.9',
        remotePort: 5432,
        state: 1,
      },
      { localIp: '::', localPort: 8080, remoteIp: '::', remotePort: 0, state: 0x0a },
      {
        localIp: '10.213.0.3',
        localPort: 8080,
        remoteIp: '10.213.0.4',
        remotePort: 45416,
        state: 1,
      },
      { localIp: '10.213.0.3', localPort: 53248, remoteIp: '127.0.0.1', remotePort: 80, state: 1 },
      {
        localIp: '2001:db8::1',
        localPort: 53249,
        remoteIp: '2001:db8::2',
        remotePort: 443,
        state: 1,
      },
    ]);
  });
});

describe('outgoingConnections + observedEdges', () => {
  it('keeps outgoing connections (TIME_WAIT too), maps IPs to nodes, unknown IPs to externals', () => {
    const nodes: Record<string, string> = {
      '10.213.0.2': 'service:web',
      '10.213.0.4': 'service:loadgen',
    };
    const conns = outgoingConnections('service:client', parseTcpTable(TABLE), {
      nodeOfIp: (ip) => nodes[ip],
    });
    expect(conns.map((c) => `${c.target}:${c.port}`)).toEqual([
      'service:web:80',
      'service:web:80',
      'external:10.213.0.9:5432',
      'external:2001:db8::2:443',
    ]);
    const { edges, externals } = observedEdges(1_700_000_040_000, conns);
    expect(edges).toEqual([
      {
        bucketStartMs: 1_700_000_040_000,
        source: 'service:client',
        target: 'service:web',
        connectionType: 'rpc',
        origin: 'observed',
        inferred: false,
        calls: 2,
        errors: 0,
        clientErrors: 0,
        writes: 0,
        traces: 0,
        detail: { ports: '80' },
      },
      {
        bucketStartMs: 1_700_000_040_000,
        source: 'service:client',
        target: 'external:10.213.0.9',
        connectionType: 'rpc',
        origin: 'observed',
        inferred: false,
        calls: 1,
        errors: 0,
        clientErrors: 0,
        writes: 0,
        traces: 0,
        detail: { ports: '5432' },
      },
      {
        bucketStartMs: 1_700_000_040_000,
        source: 'service:client',
        target: 'external:2001:db8::2',
        connectionType: 'rpc',
        origin: 'observed',
        inferred: false,
        calls: 1,
        errors: 0,
        clientErrors: 0,
        writes: 0,
        traces: 0,
        detail: { ports: '443' },
      },
    ]);
    expect(externals.map((n) => n.key)).toEqual(['external:10.213.0.9', 'external:2001:db8::2']);
  });
});
