import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { DEFAULT_SMELL_CONFIG, SmellConfigError, smellConfigFromEnv } from './config';

describe('smell configuration', () => {
  it('defaults, inline JSON and a file path', () => {
    expect(smellConfigFromEnv({})).toEqual(DEFAULT_SMELL_CONFIG);
    expect(DEFAULT_SMELL_CONFIG.greedyFanOut).toBe(6);
    expect(smellConfigFromEnv({ ORRERY_SMELLS: '{"greedyFanOut":8}' }).greedyFanOut).toBe(8);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'smells-')), 'smells.json');
    writeFileSync(file, JSON.stringify({ includeInfra: true, roles: { auth: 'infra' } }));
    const fromFile = smellConfigFromEnv({ ORRERY_SMELLS: file });
    expect([fromFile.includeInfra, fromFile.roles]).toEqual([true, { auth: 'infra' }]);
  });

  it('rejects unknown keys, bad values and bad JSON with the field named', () => {
    expect(() => smellConfigFromEnv({ ORRERY_SMELLS: '{"greedyFanout":8}' })).toThrow(
      /greedyFanout|Unrecognized/,
    );
    expect(() => smellConfigFromEnv({ ORRERY_SMELLS: '{"greedyFanOut":-1}' })).toThrow(
      /greedyFanOut/,
    );
    expect(() => smellConfigFromEnv({ ORRERY_SMELLS: '{oops' })).toThrow(SmellConfigError);
    expect(() => smellConfigFromEnv({ ORRERY_SMELLS: '/nonexistent/smells.json' })).toThrow(
      /file not found/,
    );
  });
});
