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
