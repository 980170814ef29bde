// ORRERY_SERVICE_MAP: which Docker service name is which traced service, where the two differ.
// Accepts a JSON object (`{"orders-svc":"orders"}`) or `docker=traced` pairs separated by commas.

export class ServiceMapError extends Error {}

export function parseServiceMap(text: string | undefined): Record<string, string> {
  const trimmed = text?.trim();
  if (!trimmed) return {};
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (cause) {
      throw new ServiceMapError('ORRERY_SERVICE_MAP is not valid JSON', { cause });
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new ServiceMapError('ORRERY_SERVICE_MAP must be an object');
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  }
  const out: Record<string, string> = {};
  for (const pair of trimmed.split(',')) {
    const [from, to] = pair.split('=').map((s) => s.trim());
    if (!from || !to)
      throw new ServiceMapError(`ORRERY_SERVICE_MAP entry "${pair}" is not docker=traced`);
    out[from] = to;
  }
  return out;
}
