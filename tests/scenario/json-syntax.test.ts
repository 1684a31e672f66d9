// The strict JSON check used for .json scenario files agrees with JSON.parse on what is
// valid, and says where the first problem is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../../src/scenario/json-syntax';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('jsonSyntaxError', () => {
  it('accepts exactly what JSON.parse accepts', () => {
    const damaged = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', "'", '/', ' ', '\n', '\\', 'x', '0', '-', '.', 'e', '[', '{', ':'))
      .map(([json, at, c]) => {
        const i = json.length === 0 ? 0 : at % json.length;
        return json.slice(0, i) + c + json.slice(i + 1);
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), damaged, fc.string()), (text) => {
        expect(jsonSyntaxError(text) === null).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('points at the first offence', () => {
    expect(jsonSyntaxError('{"a": 1,}')).toMatchObject({ offset: 8 });
    expect(jsonSyntaxError('{"a": 1 "b": 2}')).toMatchObject({ offset: 8, message: expect.stringContaining("',' or '}'") });
    expect(jsonSyntaxError('[1, 2')).toMatchObject({ offset: 5, message: expect.stringContaining('the end of the file') });
    expect(jsonSyntaxError('{"a": "x\ny"}')).toMatchObject({ offset: 8 });
    expect(jsonSyntaxError('{"a": "open')).toMatchObject({ offset: 6, message: expect.stringContaining('never closed') });
    expect(jsonSyntaxError('{} // note')).toMatchObject({ offset: 3 });
  });

  it('handles nesting far deeper than any stack', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(jsonSyntaxError(deep)).toBeNull();
    expect(jsonSyntaxError(`${deep}]`)).toMatchObject({ offset: 400_000 });
  });
});
