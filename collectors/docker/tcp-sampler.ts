import { readFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';

import type Dockerode from 'dockerode';

// Reads one running container's TCP tables. On the Docker host itself the kernel exposes them
// at /proc/<pid>/net/tcp{,6} of the container's main process (a read, no API call); from
// elsewhere (the collector in its own container without the host's pid namespace) we fall
// back to an exec of `cat` inside the container, which needs `cat` in the image.

async function readProc(pid: number): Promise<string | undefined> {
  try {
    const [v4, v6] = await Promise.all([
      readFile(`/proc/${pid}/net/tcp`, 'utf8'),
      readFile(`/proc/${pid}/net/tcp6`, 'utf8').catch(() => ''),
    ]);
    return `${v4}\n${v6}`;
  } catch {
    return undefined; // not on this host, or no permission: the exec path answers instead
  }
}

async function readByExec(docker: Dockerode, id: string): Promise<string> {
  const exec = await docker.getContainer(id).exec({
    Cmd: ['cat', '/proc/net/tcp', '/proc/net/tcp6'],
    AttachStdout: true,
    AttachStderr: true,
  });
  const stream = await exec.start({ hijack: true, stdin: false });
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c));
  docker.modem.demuxStream(stream, stdout, new PassThrough());
  await new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.on('error', reject);
  });
  return Buffer.concat(chunks).toString('utf8');
}

export async function readTcpTables(
  docker: Dockerode,
  id: string,
  pid: number | undefined,
  useProc: boolean,
): Promise<string> {
  if (useProc && pid && pid > 0) {
    const text = await readProc(pid);
    if (text !== undefined) return text;
  }
  return readByExec(docker, id);
}
