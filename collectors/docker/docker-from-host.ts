import Dockerode from 'dockerode';

/** Dockerode for `DOCKER_HOST` (unix://, tcp://, http(s)://) or the default socket. */
export function dockerFromHost(
  dockerHost: string | undefined = process.env.DOCKER_HOST,
): Dockerode {
  if (!dockerHost) return new Dockerode({ socketPath: '/var/run/docker.sock' });
  if (dockerHost.startsWith('unix://'))
    return new Dockerode({ socketPath: dockerHost.slice('unix://'.length) });
  const url = new URL(dockerHost.replace(/^tcp:/, 'http:'));
  return new Dockerode({
    host: url.hostname,
    port: Number(url.port) || 2375,
    protocol: url.protocol === 'https:' ? 'https' : 'http',
  });
}
