// Turning a failed API answer into words for the page. The routes answer `{ "error": "…" }`
// (app/api/*); a proxy or the framework may answer plain text or an HTML page instead. The
// user sees the API's own sentence and the HTTP status spelled out, never raw JSON or markup.

const MAX_DETAIL_CHARS = 300;

const STATUS_WORDS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** `503` → `503 Service Unavailable`; unknown codes are named by their class. */
export function statusInWords(status: number): string {
  const words =
    STATUS_WORDS[status] ??
    (status >= 500 ? 'Server Error' : status >= 400 ? 'Client Error' : 'Unexpected Status');
  return `${status} ${words}`;
}

/**
 * The message inside an error body: `error` (or `message`) of a JSON object, else the
 * text itself when it is short plain text; null for empty bodies and HTML pages.
 */
export function apiErrorText(body: string): string | null {
  const text = body.trim();
  if (!text) return null;
  if (text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') {
        const { error, message } = parsed as { error?: unknown; message?: unknown };
        if (typeof error === 'string' && error.trim()) return clip(error);
        if (typeof message === 'string' && message.trim()) return clip(message);
        return null;
      }
    } catch {
      // Not JSON after all (a truncated body, say): fall through and show it as text.
    }
  }
  if (text.startsWith('<')) return null;
  return clip(text);
}

function clip(text: string): string {
  const one = text.trim().replace(/\s+/g, ' ');
  return one.length > MAX_DETAIL_CHARS ? `${one.slice(0, MAX_DETAIL_CHARS - 1)}…` : one;
}

const ANSWERED = /^(The [\w ]+ API answered \d+)(?:: ([\s\S]*))?$/;

/**
 * An error from one of the page's fetchers, as the page shows it. Fetchers that put the raw
 * body into their message (`The smells API answered 500: {"error":"…"}`) are read back
 * through apiErrorText, so every error box reads the same.
 */
export function errorForDisplay(err: Error & { status?: number | null }): {
  message: string;
  status: string | null;
} {
  const status = typeof err.status === 'number' ? statusInWords(err.status) : null;
  const m = ANSWERED.exec(err.message);
  if (!m) return { message: err.message, status };
  const detail = m[2] === undefined ? null : apiErrorText(m[2]);
  return { message: detail ? `${m[1]}: ${detail}` : m[1], status };
}
