import pino from 'pino';

// One root logger for the whole process; every module takes a child with a dotted name
// (`collectors.otlp`, `ingest`, …). Anything that could carry a secret is redacted here so a
// careless field never reaches the log.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
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
