import { BenchCanvas } from '@/components/topology/bench-canvas';

// Render benchmark (scripts/bench-render.ts): /bench?n=1000&frames=120&mode=graph|baseline.
export default async function BenchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const int = (v: unknown, fallback: number, max: number) => {
    const n = Number(v);
    return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
  };
  return (
    <BenchCanvas
      n={int(params.n, 1000, 20_000)}
      frames={int(params.frames, 120, 2_000)}
      mode={params.mode === 'baseline' ? 'baseline' : 'graph'}
    />
  );
}
