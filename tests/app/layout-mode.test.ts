// Which layout a window gets: the fixed design where it reads at 80% or more and is not squarer
// than 3:2 while narrower than the design; the flowing one on phones (either way up), upright
// tablets and 4:3 screens, and any touch screen.
import { describe, expect, it } from 'vitest';
import { layoutModeFor } from '../../scenes/layout-mode';

describe('layout mode', () => {
  it.each([
    [1280, 720, 'fixed'],
    [1920, 1080, 'fixed'],
    [1366, 650, 'fixed'],
    [1280, 800, 'fixed'],
    [1024, 600, 'fixed'],
    [390, 844, 'flow'],
    [844, 390, 'flow'],
    [768, 1024, 'flow'],
    [1024, 768, 'flow'],
    [1000, 560, 'flow'],
  ] as const)('%i × %i: %s', (width, height, mode) => {
    expect(layoutModeFor(width, height)).toBe(mode);
  });

  it('a touch screen flows at any size', () => {
    expect(layoutModeFor(1920, 1080, true)).toBe('flow');
    expect(layoutModeFor(1280, 720, true)).toBe('flow');
  });
});
