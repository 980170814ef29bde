import type pg from 'pg';

import { nodeId } from '@/lib/topology/node-key';
import type { DockerSnapshot } from '@/lib/topology/types';

// Container state is a snapshot, not a rollup: the latest listing from a host replaces what
// was known about it. Removed containers are kept with `removed_at` so a past window still
// knows what ran then. Declared edges of a listed container are replaced wholesale.

export async function storeDocker(client: pg.PoolClient, snapshot: DockerSnapshot) {
  const containers = [...snapshot.containers].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (containers.length > 0) {
    const rows = containers.map((c) => ({
      id: c.id,
      host: snapshot.host,
      node_id: nodeId(c.node),
      name: c.name,
      image: c.image,
      tag: c.tag,
      state: c.state,
      health: c.health ?? null,
      networks: c.networks,
      mounts: c.mounts,
      labels: c.labels ?? null,
    }));
    await client.query(
      `INSERT INTO container (id, host, node_id, name, image, tag, state, health, networks, mounts, labels)
       SELECT id, host, node_id, name, image, tag, state, health, networks, mounts, labels
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, host text, node_id text, name text,
         image text, tag text, state text, health text, networks jsonb, mounts jsonb, labels jsonb)
       ON CONFLICT (id) DO UPDATE SET host = EXCLUDED.host, node_id = EXCLUDED.node_id,
         name = EXCLUDED.name, image = EXCLUDED.image, tag = EXCLUDED.tag, state = EXCLUDED.state,
         health = EXCLUDED.health, networks = EXCLUDED.networks, mounts = EXCLUDED.mounts,
         labels = EXCLUDED.labels, updated_at = now(), removed_at = NULL`,
      [JSON.stringify(rows)],
    );
  }

  const listed = containers.map((c) => c.id);
  if (snapshot.full) {
    await client.query(
      `UPDATE container SET removed_at = now(), updated_at = now()
       WHERE host = $1 AND removed_at IS NULL AND NOT (id = ANY($2::text[]))`,
      [snapshot.host, listed],
    );
  }
  if (snapshot.removed.length > 0) {
    await client.query(
      'UPDATE container SET removed_at = now(), updated_at = now() WHERE id = ANY($1::text[])',
      [snapshot.removed],
    );
  }

  const replaced = [...new Set([...listed, ...snapshot.removed])];
  if (snapshot.full) {
    await client.query(
      `DELETE FROM declared_edge d USING container c
       WHERE d.container_id = c.id AND c.host = $1 AND c.removed_at IS NOT NULL`,
      [snapshot.host],
    );
  }
  await client.query('DELETE FROM declared_edge WHERE container_id = ANY($1::text[])', [replaced]);
  const declared = snapshot.declared.map((d) => ({
    container_id: d.containerId,
    source_id: nodeId(d.source),
    target_id: nodeId(d.target),
    connection_type: d.connectionType,
    via: d.via,
    detail: d.detail ?? null,
  }));
  if (declared.length > 0) {
    await client.query(
      `INSERT INTO declared_edge (container_id, source_id, target_id, connection_type, via, detail)
       SELECT container_id, source_id, target_id, connection_type::connection_type, via, detail
       FROM jsonb_to_recordset($1::jsonb) AS x(container_id text, source_id text, target_id text,
         connection_type text, via text, detail jsonb)
       ON CONFLICT (container_id, source_id, target_id, via) DO UPDATE SET
         connection_type = EXCLUDED.connection_type, detail = EXCLUDED.detail, updated_at = now()`,
      [JSON.stringify(declared)],
    );
  }
}
