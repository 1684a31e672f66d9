// The ghost panel: when the game is played against another group's recorded decisions, a small
// "Ghost: <group>" box beside the quarter's own figures, with the ghost's figures for the same
// quarter. The ghost's figures come from replaying its code (src/app/results.ts), never from
// anything the code claims.
import type Phaser from 'phaser';
import { formatMoney } from '../../src/app/format';
import { ghostFigures } from '../../src/app/results';
import type { Scenario } from '../../src/sim/index';
import { app } from '../context';
import { h, place } from './dom';

/** Places the ghost panel at (x, y) for `quarter`, if this game has a ghost; otherwise nothing. */
export function placeGhostPanel(scene: Phaser.Scene, scenario: Scenario, seed: number, quarter: number, x: number, y: number, w: number, hgt: number): void {
  const ghost = app().session.playAs?.ghost;
  if (!ghost) return;
  const figures = ghostFigures(scenario, seed, ghost.code);
  const name = figures.ok ? figures.group : ghost.group;
  const q = figures.ok ? figures.quarters.find((f) => f.quarter === quarter) : undefined;
  const text = !figures.ok
    ? `Its code does not replay on this game: ${figures.message}.`
    : q
      ? `Quarter ${quarter}: revenue ${formatMoney(q.revenue)} · profit ${formatMoney(q.profit)} · cash ${formatMoney(q.cash)} · customer equity ${formatMoney(q.customerEquity)}`
      : `No figures for quarter ${quarter}.`;
  place(scene, x, y, w, hgt, h('aside', { class: 'ghost-panel', attrs: { 'aria-label': `Ghost: ${name}` } }, [
    h('strong', { class: 'ghost-name', text: `Ghost: ${name}` }),
    h('span', { class: 'ghost-figures', text }),
  ]));
}
