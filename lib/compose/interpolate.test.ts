import { describe, expect, it } from 'vitest';

import {
  ComposeInterpolationError,
  interpolate,
  interpolateTree,
  parseDotEnv,
} from './interpolate';

const vars = { SET: 'value', EMPTY: '', TAG: '1.2' };

describe('interpolate', () => {
  it.each([
    ['${SET}', 'value'],
    ['$SET-x', 'value-x'],
    ['${UNSET:-fallback}', 'fallback'],
    ['${EMPTY:-fallback}', 'fallback'],
    ['${EMPTY-fallback}', ''],
    ['${UNSET-fallback}', 'fallback'],
    ['${SET:-fallback}', 'value'],
    ['${SET:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${EMPTY+alt}', 'alt'],
    ['${UNSET:-${TAG}}', '1.2'],
    ['${UNSET:-Server=sqldata;Database=x}', 'Server=sqldata;Database=x'],
    ['cost $$5 ${SET}', 'cost $5 value'],
    ['img:${TAG:?tag required}', 'img:1.2'],
    ['trailing $', 'trailing $'],
  ])('%s → %s', (input, expected) => expect(interpolate(input, vars)).toBe(expected));

  it('collects unset names and substitutes ""', () => {
    const unset = new Set<string>();
    expect(interpolate('http://${HOST}:${PORT:-80}/$PATHX', vars, unset)).toBe('http://:80/');
    expect([...unset].sort()).toEqual(['HOST', 'PATHX']);
  });

  it('fails on a required variable with its message', () => {
    expect(() => interpolate('${DB:?set DB first}', vars)).toThrow(
      new ComposeInterpolationError('required variable DB is missing a value: set DB first'),
    );
    expect(() => interpolate('${EMPTY:?no}', vars)).toThrow(ComposeInterpolationError);
    expect(interpolate('${EMPTY?no}', vars)).toBe('');
  });

  it('interpolates values, not keys, through a whole document', () => {
    expect(interpolateTree({ '${SET}': ['${TAG}', 3, { a: '$SET' }] }, vars)).toEqual({
      '${SET}': ['1.2', 3, { a: 'value' }],
    });
  });
});

describe('parseDotEnv', () => {
  it('reads KEY=value lines with quotes, export and comments', () => {
    const text =
      '# comment\nA=1\nexport B = two \nC="quoted # not a comment"\nD=\'single\'\nE=x # trailing\n\nbad line\n';
    expect(parseDotEnv(text)).toEqual({
      A: '1',
      B: 'two',
      C: 'quoted # not a comment',
      D: 'single',
      E: 'x',
    });
  });
});
