// What Commit asks when effort is left unspent: nothing when every point is planned.
import { describe, expect, it } from 'vitest';
import { unspentQuestion } from '../../src/app/planning-view';

describe('the question Commit asks', () => {
  it('asks with the points left, says when nothing at all is planned, and is silent when all are spent', () => {
    expect(unspentQuestion(9, 20)).toBe('9 points of 20 left unspent: unused effort is lost when the quarter ends. Commit anyway?');
    expect(unspentQuestion(1, 20)).toMatch(/^1 point of 20 left unspent/);
    expect(unspentQuestion(20, 20)).toBe('Nothing is planned: all 20 effort points would go unused this quarter. Commit anyway?');
    expect(unspentQuestion(0, 20)).toBeNull();
  });
});
