import { byName, nameOf, type SmellContext } from '../context';
import { makeFinding } from '../finding';
import type { SmellRule } from '../rule';
import type { Finding } from '../types';

// MS-04: a volume (or bind-mounted directory) mounted read-write by several containers is a
// shared persistence channel no tracer sees. The Docker socket and anonymous volumes are
// not data sharing. Medium when several services share it; low when only replicas of one do.

const EXEMPT = /(^|\/)docker\.sock$/;
// Configuration directories bind-mounted into many containers are writable only by default;
// shown as info so they stay visible without drowning real data sharing.
const CONFIG_PATH =
  /(^|\/)(etc|conf|config|configs|configuration)(\/|$)|\.(conf|ya?ml|json|ini|toml)$/i;

function evaluate(ctx: SmellContext): Finding[] {
  const volumes = new Map<
    string,
    { containers: Set<string>; services: Set<string>; paths: Set<string> }
  >();
  for (const node of ctx.input.nodes) {
    const role = ctx.roles.get(node.id);
    if (!ctx.config.includeInfra && (role === 'infra' || role === 'loadgen')) continue;
    for (const container of node.containers) {
      for (const mount of container.mounts) {
        if (!mount.rw || !mount.name || EXEMPT.test(mount.name) || mount.type === 'tmpfs') continue;
        const key = `${mount.type}:${mount.name}`;
        const v = volumes.get(key) ?? {
          containers: new Set(),
          services: new Set(),
          paths: new Set(),
        };
        v.containers.add(container.id);
        v.services.add(node.id);
        v.paths.add(mount.destination);
        volumes.set(key, v);
      }
    }
  }

  const findings: Finding[] = [];
  for (const [key, v] of volumes) {
    if (v.containers.size < ctx.config.sharedVolumeMinContainers) continue;
    const name = key.slice(key.indexOf(':') + 1);
    const services = [...v.services].sort(byName(ctx));
    const looksLikeConfig = [...v.paths].every((p) => CONFIG_PATH.test(p));
    findings.push(
      makeFinding({
        code: 'shared-writable-volume',
        title: `Shared writable volume: ${name}`,
        severity: looksLikeConfig ? 'info' : services.length >= 2 ? 'medium' : 'low',
        services,
        resources: [`volume:${name}`],
        evidence: {
          volume: name,
          type: key.slice(0, key.indexOf(':')),
          containers: v.containers.size,
          services: services.map((id) => nameOf(ctx, id)),
          mountPaths: [...v.paths].sort(),
          looksLikeConfig,
        },
        why: `${v.containers.size} containers write to ${name}, a shared data channel no trace shows.`,
        fix: 'Give the files one owning service with an API, or use object storage with per-service buckets.',
      }),
    );
  }
  return findings;
}

export const sharedWritableVolume: SmellRule = {
  code: 'shared-writable-volume',
  evaluate,
};
