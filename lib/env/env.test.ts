import { describe, expect, it } from 'vitest';

import { ConfigError, parseEnv } from './index';

describe('parseEnv', () => {
  it('gives the documented defaults with nothing set', () => {
    const env = parseEnv({});
    expect([env.PORT, env.HOST, env.ORRERY_OTLP_PORT, env.ORRERY_DEMO, env.ORRERY_DOCKER]).toEqual([
      3000,
      undefined,
      4318,
      'hailo',
      'auto',
    ]);
    expect([env.ORRERY_PAIRING_IDLE_MS, env.ORRERY_PAIRING_PARTNER_WAIT_MS]).toEqual([1000, 6000]);
  });

  it.each([
    [{ PORT: 'abc' }, /^ {2}PORT: /m],
    [{ ORRERY_DEMO: 'nope' }, /^ {2}ORRERY_DEMO: Invalid option/m],
    [{ LOG_LEVEL: 'loud' }, /^ {2}LOG_LEVEL: Invalid option/m],
    [{ HOST: '999.1.1.1' }, /^ {2}HOST: not a valid IPv4 address$/m],
    [{ ORRERY_SERVICE_MAP: '{bad' }, /^ {2}ORRERY_SERVICE_MAP: is not valid JSON$/m],
    [{ ORRERY_SMELLS: '{"greedyFanOut":"x"}' }, /^ {2}ORRERY_SMELLS: .*greedyFanOut/m],
    [{ ORRERY_SMELLS: '/nonexistent.json' }, /^ {2}ORRERY_SMELLS: file not found/m],
    [{ ORRERY_OTLP_TOKEN: 'short' }, /^ {2}ORRERY_OTLP_TOKEN: /m],
  ])('refuses %o with a message naming the variable', (vars, message) => {
    expect(() => parseEnv(vars)).toThrow(ConfigError);
    expect(() => parseEnv(vars)).toThrow(message);
  });
});
