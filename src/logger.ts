// The one logger: JSON lines on stdout (pino). Request handlers log through a
// child carrying the request id (server.ts); nothing secret is ever logged:
// credentials are redacted wherever they appear in a logged object.
import pino, { type Logger } from "pino";

export type { Logger };

const REDACTED_PATHS = [
  "authorization",
  "*.authorization",
  "*.headers.authorization",
  'headers["router-authorization"]',
  '*.headers["router-authorization"]',
  "*.headers.cookie",
  "apiKey",
  "*.apiKey",
  "password",
  "*.password",
];

/** Level from LOG_LEVEL (config.ts): trace, debug, info, warn, error, fatal or silent. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "crisis-graph" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? pino.destination({ fd: 1, sync: false }),
  );
}

/** Identical error lines kept per window: the first of each is written, later ones are counted. */
export const LOG_REPEAT_WINDOW_MS = 10_000;
const MAX_TRACKED_LINES = 1000;

/**
 * Repeated identical lines (same level, message and error) in a burst: an outage
 * made every request log the same error (384 lines in 12 s). The first line of
 * each kind per LOG_REPEAT_WINDOW_MS is written; the repeats are counted, and the
 * next line of that kind written after the window says how many were left out
 * (`repeatsLeftOut`). Returns whether to write this one, and that count.
 */
export function createRepeatFilter(windowMs = LOG_REPEAT_WINDOW_MS, now: () => number = Date.now) {
  const seen = new Map<string, { until: number; leftOut: number }>();
  return (key: string): { write: boolean; repeatsLeftOut: number } => {
    const at = now();
    const entry = seen.get(key);
    if (entry && at < entry.until) {
      entry.leftOut++;
      return { write: false, repeatsLeftOut: 0 };
    }
    if (!entry && seen.size >= MAX_TRACKED_LINES) {
      for (const [k, e] of seen) if (at >= e.until) seen.delete(k);
      if (seen.size >= MAX_TRACKED_LINES) seen.clear();
    }
    seen.set(key, { until: at + windowMs, leftOut: 0 });
    return { write: true, repeatsLeftOut: entry?.leftOut ?? 0 };
  };
}
