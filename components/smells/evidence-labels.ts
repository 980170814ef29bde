import type { EvidenceValue } from '@/lib/smells/types';
import { formatCount, formatPercent, formatRate } from '@/lib/ui/format';

// Evidence comes from the smell rules as camelCase keys and raw numbers (lib/smells/rules).
// The page shows them in words: a label for every key the rules use today, and for a key
// added later a fallback that splits the camelCase, so nothing ever shows as `ratePerSec`.

const LABELS: Record<string, string> = {
  accessorCount: 'Accessors',
  accessors: 'Accessors',
  adaptiveThreshold: 'Adaptive threshold',
  appServices: 'Application services',
  blastRadius: 'Blast radius',
  callsIn: 'Calls in',
  callsOut: 'Calls out',
  callsPerTraceMedian: 'Calls per trace (median)',
  connectionType: 'Connection type',
  containerAddress: 'Container address',
  databaseCount: 'Databases',
  depthHist: 'Traces by depth',
  edgesInside: 'Edges inside',
  entryTraces: 'Entry traces',
  exposedCount: 'Exposed services',
  imageTags: 'Image tags',
  inCycle: 'In a cycle',
  inDegree: 'Callers',
  inOutlierFrom: 'Callers outlier from',
  looksLikeConfig: 'Looks like config',
  maxServices: 'Deepest chain (services)',
  mountPaths: 'Mount paths',
  outDegree: 'Callees',
  outOutlierFrom: 'Callees outlier from',
  p95Services: 'Chain depth p95 (services)',
  producerCount: 'Producers',
  ratePerSec: 'Rate',
  relayRatio: 'Calls out per call in',
  sampleTraceId: 'Sample trace',
  serviceCount: 'Services',
  servicesPerWave: 'Services per wave',
  share: 'Share of services',
  size: 'Services in the loop',
  versionCount: 'Versions',
  versionedServices: 'Versioned services',
  waveStartsMs: 'Wave starts',
  weakestEdge: 'Weakest edge',
  weakestEdgeCalls: 'Calls on the weakest edge',
  weakestEdgeFrom: 'Weakest edge from',
  weakestEdgeTo: 'Weakest edge to',
  writerCount: 'Writers',
  writer: 'Writer',
};

const WORDS: Record<string, string> = { id: 'ID', ms: '(ms)', sec: 's', p95: 'p95', url: 'URL' };

/** `sampleTraceId` → `Sample trace ID`: the fallback for keys without a label. */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((w) => WORDS[w.toLowerCase()] ?? (/^[A-Z0-9]{2,}$/.test(w) ? w : w.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function evidenceLabel(key: string): string {
  return LABELS[key] ?? humanizeKey(key);
}

const RATIO_KEYS = new Set(['share', 'blastRadius']);

function formatNumber(key: string, n: number): string {
  if (key.endsWith('PerSec')) return formatRate(n);
  if (RATIO_KEYS.has(key)) return formatPercent(n);
  if (key.endsWith('Ms') && n > 1e11) return `${new Date(n).toISOString().slice(0, 16)} UTC`;
  return Number.isInteger(n) ? formatCount(n) : String(Number(n.toFixed(2)));
}

/** One evidence value as text; arrays of scalars become a comma-separated list. */
export function formatEvidenceValue(key: string, value: EvidenceValue | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return formatNumber(key, value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value
      .map((v) => (typeof v === 'object' ? '…' : typeof v === 'number' ? formatNumber(key, v) : v))
      .join(', ');
  }
  return value;
}
