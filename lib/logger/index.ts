import pino from 'pino';

// One root logger for the whole process; every module takes a child with a dotted name
// (`collectors.otlp`, `ingest`, …). Anything that could carry a secret is redacted here so a
// careless field never reaches the log.
// An unknown LOG_LEVEL falls back here; lib/env then stops the process naming the variable.
const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];
const requested = process.env.LOG_LEVEL;

export const logger = pino({
  level:
    requested && LEVELS.includes(requested)
      ? requested
      : process.env.NODE_ENV === 'test'
        ? 'warn'
        : 'info',
  base: { app: 'orrery' },
  redact: {
    paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization'],
    censor: '[redacted]',
  },
});

export function childLogger(module: string): pino.Logger {
  return logger.child({ module });
}

export type Logger = pino.Logger;
