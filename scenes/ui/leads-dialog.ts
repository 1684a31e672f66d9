// The leads' dialog on the planning screen: each lead's card in full — what they ask for and why,
// how much of it the plan gives (with a button that gives it), what their bonus is paid on and
// how it paid, their morale and what it does to their side's work, in a modal (modal.ts).
import type Phaser from 'phaser';
import type { LeadCard } from '../../src/app/lead-view';
import type { Move } from '../../src/sim/index';
import { button, h } from './dom';
import { openModal } from './modal';
import { portrait } from './portrait';

/** A bonus meter: a plan's pay-out (0–1.5 of target, or null before any) with target marked at two thirds of the bar. */
export function bonusBar(payout: number | null, label?: string): HTMLElement {
  const share = payout === null ? 0 : Math.min(1.5, payout) / 1.5;
  return h('span', { class: 'bonus-meter', attrs: label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': 'true' } }, [
    h('span', { class: payout !== null && payout < 1 ? 'bonus-fill short' : 'bonus-fill', attrs: { style: `width:${Math.round(share * 100)}%` } }),
    h('span', { class: 'bonus-target', attrs: { 'aria-hidden': 'true' } }),
  ]);
}

/** A lead card's bonus meter: last quarter's pay-out against target. */
export function bonusMeter(card: LeadCard): HTMLElement {
  return bonusBar(card.bonus.last, card.bonus.lastText);
}

export function openLeadsDialog(scene: Phaser.Scene, cards: readonly LeadCard[], give: (move: Move) => void, background: readonly HTMLElement[], focusSide?: string): void {
  openModal(scene, background, (close) => {
    const closeButton = button('Back to the plan', close, 'primary');
    let first: HTMLElement = closeButton;
    const sections = cards.map((card) => {
      const giveButton = card.give
        ? button(`Give ${card.name.split(' ')[0]} the ${card.asked} points`, () => {
            give(card.give!);
            close();
          }, card.side)
        : null;
      if (giveButton && card.side === focusSide) first = giveButton;
      return h('section', { class: `lead-card ${card.side}`, attrs: { 'aria-labelledby': `lead-${card.side}-name` } }, [
        h('div', { class: 'lead-who' }, [
          portrait(card.portrait, card.mood, 88),
          h('div', {}, [h('h3', { text: card.name, attrs: { id: `lead-${card.side}-name` } }), h('p', { class: 'meta', text: card.role })]),
        ]),
        h('p', { class: 'lead-opener', text: `“${card.opener}”` }),
        card.ask ? h('p', { class: 'lead-ask' }, [h('strong', { text: 'Asks for ' }), card.ask]) : h('p', { class: 'lead-ask', text: 'Asks for nothing this quarter.' }),
        card.heardText ? h('p', { class: card.give ? 'lead-heard short' : 'lead-heard', text: card.heardText }) : null,
        giveButton,
        h('p', { class: 'lead-bonus', text: card.bonus.plan }),
        bonusMeter(card),
        h('p', { class: 'meta', text: card.bonus.lastText }),
        h('p', { class: card.costly ? 'lead-morale costly' : 'lead-morale', text: card.moraleText }),
      ]);
    });
    const panel = h('div', { class: 'dialog leads', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'leads-title' } }, [
      h('div', { class: 'dialog-head' }, [h('h2', { text: 'Your leads before this quarter', attrs: { id: 'leads-title' } }), h('div', { class: 'dialog-head-actions' }, [closeButton])]),
      h('p', { text: 'Each lead asks for effort in the terms of their bonus plan. Hear them, and their morale — and their side’s work — rises; overrule them every quarter, and it sinks. Their asks serve their plan: weigh them against the firm’s.' }),
      h('div', { class: 'leads-body' }, sections),
    ]);
    return { panel, focus: first };
  });
}
