import { z } from 'zod';

// The `from`/`to` query parameters every window-scoped API takes: epoch milliseconds or
// ISO-8601; `to` defaults to now and `from` to 15 minutes before `to`.

const MAX_WINDOW_MS = 31 * 24 * 3_600_000;
const MAX_TIME_MS = 8.64e15; // the largest time a JavaScript Date holds

const instant = z
  .string()
  .transform((raw, ctx) => {
    const ms = /^-?\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
    if (!Number.isFinite(ms)) {
      ctx.addIssue({ code: 'custom', message: 'must be epoch milliseconds or an ISO-8601 time' });
      return z.NEVER;
    }
    if (!realCalendarDate(raw)) {
      ctx.addIssue({ code: 'custom', message: 'is not a real calendar date' });
      return z.NEVER;
    }
    if (ms < 0 || ms > MAX_TIME_MS) {
      ctx.addIssue({ code: 'custom', message: 'is outside the years 1970 to 275760' });
      return z.NEVER;
    }
    return ms;
  })
  .optional();

export type WindowParams =
  { ok: true; fromMs: number; toMs: number } | { ok: false; error: string };

export function parseWindowParams(params: URLSearchParams, now = Date.now()): WindowParams {
  const parsed = z.object({ from: instant, to: instant }).safeParse({
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue.path.join('.')}: ${issue.message}` };
  }
  const toMs = parsed.data.to ?? now;
  const fromMs = parsed.data.from ?? toMs - 15 * 60_000;
  if (fromMs >= toMs) return { ok: false, error: 'from: must be before to' };
  if (toMs - fromMs > MAX_WINDOW_MS)
    return { ok: false, error: 'from: window longer than 31 days' };
  return { ok: true, fromMs, toMs };
}

/** Date.parse rolls 2026-02-30 over to March; a typo'd day must not silently move the window. */
function realCalendarDate(raw: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  if (!match) return true;
  const [year, month, day] = match.slice(1).map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}
