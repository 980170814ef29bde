import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { ComposeFileError } from './compose-service';
import { loadComposeProject } from './load-compose-project';
import { readComposeProject } from './read-compose-project';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'orrery-compose-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const base = `
name: Shop
include:
  - infra/compose.yml
services:
  api:
    image: shop/api:\${API_TAG:-dev}
    environment:
      DATABASE_URL: postgres://app:\${DB_PASSWORD}@db:5432/\${DB_NAME-orders}
      LOG: debug
    depends_on: [db]
    networks: [back]
    volumes:
      - data:/data
      - ./conf:/conf:ro
  web:
    build: .
    environment:
      - API_URL=http://api:8080
    depends_on:
      api:
        condition: service_healthy
    volumes:
      - data:/srv/data
networks:
  back: {}
volumes:
  data: {}
`;
const override = `
services:
  api:
    environment:
      LOG: info
      AMQP_URL: amqp://mq
    networks:
      back:
        aliases: [orders-api]
  web:
    networks: [back]
`;
const infra = `
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: \${DB_PASSWORD}
      POSTGRES_DB: orders
    networks: [back]
  mq:
    image: rabbitmq:3
    networks: [back]
networks:
  back: {}
`;

describe('loadComposeProject', () => {
  it('merges base + override, include, .env and the caller env', async () => {
    const dir = project({
      'compose.yml': base,
      'compose.override.yml': override,
      'infra/compose.yml': infra,
      '.env': 'DB_PASSWORD=planted-secret-1\nAPI_TAG=from-dotenv\n',
    });
    const batch = await loadComposeProject(
      [path.join(dir, 'compose.yml'), path.join(dir, 'compose.override.yml')],
      {
        env: { API_TAG: '2.1' },
      },
    );
    expect(JSON.stringify(batch)).not.toContain('planted-secret-1');
    expect(batch.docker!.host).toBe('compose:shop');
    expect(batch.nodes.map((n) => [n.key, n.kind, n.group, n.version])).toEqual([
      ['database:postgresql@db', 'database', 'shop', '16'],
      ['queue:rabbitmq/mq', 'queue', 'shop', '3'],
      ['service:api', 'service', 'shop', '2.1'],
      ['service:web', 'service', 'shop', 'latest'],
    ]);
    expect(
      batch.docker!.declared.map((d) => [
        d.containerId,
        d.target,
        d.via,
        d.connectionType,
        d.detail,
      ]),
    ).toEqual([
      [
        'compose:shop/api',
        'database:postgresql@db',
        'env',
        'database',
        {
          variable: 'DATABASE_URL',
          host: 'db',
          port: '5432',
          database: 'orders',
        },
      ],
      [
        'compose:shop/api',
        'queue:rabbitmq/mq',
        'env',
        'messaging',
        { variable: 'AMQP_URL', host: 'mq' },
      ],
      ['compose:shop/api', 'database:postgresql@db', 'depends_on', 'database', { service: 'db' }],
      [
        'compose:shop/web',
        'service:api',
        'env',
        'rpc',
        { variable: 'API_URL', host: 'api', port: '8080' },
      ],
      ['compose:shop/web', 'service:api', 'depends_on', 'rpc', { service: 'api' }],
    ]);
    const api = batch.docker!.containers.find((c) => c.id === 'compose:shop/api')!;
    expect(api.networks).toEqual([{ name: 'shop_back', ips: [], aliases: ['api', 'orders-api'] }]);
    expect(api.mounts).toEqual([
      { type: 'volume', name: 'shop_data', destination: '/data', rw: true },
      {
        type: 'bind',
        name: path.join(dir, 'conf'),
        destination: '/conf',
        rw: false,
      },
    ]);
    expect(api.labels).toEqual({
      'com.docker.compose.project': 'shop',
      'com.docker.compose.service': 'api',
      'com.docker.compose.depends_on': 'db:service_started:false',
    });
  });

  it('keeps later values for scalars and merges maps', async () => {
    const dir = project({
      'compose.yml': base,
      'compose.override.yml': override,
      'infra/compose.yml': infra,
    });
    const p = await readComposeProject([
      path.join(dir, 'compose.yml'),
      path.join(dir, 'compose.override.yml'),
    ]);
    expect(p.services.get('api')!.environment).toEqual({
      DATABASE_URL: 'postgres://app:@db:5432/orders',
      LOG: 'info',
      AMQP_URL: 'amqp://mq',
    });
    expect(p.services.get('api')!.image).toBe('shop/api:dev');
    expect(p.warnings).toEqual([
      'compose.yml: variable DB_PASSWORD is not set, using ""',
      'infra/compose.yml: variable DB_PASSWORD is not set, using ""',
    ]);
  });

  it('refuses a file that is neither v2+ nor v1, and a service defined twice through include', async () => {
    const bad = project({ 'compose.yml': 'version: "3"\nfoo: bar\n' });
    await expect(loadComposeProject([path.join(bad, 'compose.yml')])).rejects.toThrow(
      new ComposeFileError(
        `${path.join(bad, 'compose.yml')}: no "services:" key and not a compose v1 file`,
      ),
    );
    const twice = project({
      'compose.yml': 'include: [other.yml]\nservices:\n  a:\n    image: x\n',
      'other.yml': 'include: [third.yml]\nservices:\n  b:\n    image: y\n',
      'third.yml': 'services:\n  b:\n    image: z\n',
    });
    await expect(loadComposeProject([path.join(twice, 'compose.yml')])).rejects.toThrow(
      /service "b" conflicts/,
    );
  });
});
