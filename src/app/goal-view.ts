// The goal in view, and the events as banners: what the briefing says about the scorecard (each
// part, what it measures, its weight and target, and par, all from the scenario's scoring
// section), the score so far against par on the planning screen, how each score part moved in a
// quarter (from the model's ScoreCard in the quarter records), and the banners of the events that
// fired in a quarter (the scenario's own title and news text, a default sentence for an effect
// that has none; a lost key account as an alert). No Phaser: the scenes lay these out.
import type { AccountLoss, GameState, QuarterRecord, Scenario, ScenarioEvent, ScoreCard } from '../sim/index';
import { SCORE_COMPONENTS, type ScoreComponent } from '../sim/score';
import { formatMoney, formatPoints, formatSignedMoney, formatSignedPoints } from './format';
import { SCORE_COMPONENT_WORDS } from './score-words';

// ---------------------------------------------------------------------------------------
// The briefing's scorecard.

export interface ScorecardRowView {
  key: ScoreComponent;
  /** "Profit". */
  name: string;
  /** What the part measures and what scores 100 points. */
  measure: string;
  /** "× 3 · 38%", or "not counted" for a weight of 0. */
  weight: string;
  counts: boolean;
}

export interface ScorecardView {
  heading: string;
  intro: string;
  rows: ScorecardRowView[];
  /** "Par: 80 points, the total a good game reaches". */
  par: string;
}

const PART_NAME: Record<ScoreComponent, string> = {
  profit: 'Profit',
  revenue: 'Revenue',
  customerEquity: 'Customer equity',
  portfolioHealth: 'Portfolio health',
  collaboration: 'Collaboration',
};

function measure(key: ScoreComponent, scenario: Scenario): string {
  const { targets } = scenario.scoring;
  const q = scenario.quarters;
  switch (key) {
    case 'profit':
      return `profit added up over the ${q} quarters (short run); ${formatMoney(targets.profit)} scores 100`;
    case 'revenue':
      return `revenue added up over the ${q} quarters (short run); ${formatMoney(targets.revenue)} scores 100`;
    case 'customerEquity':
      return `lifetime value of the accounts at the end (long run); ${formatMoney(targets.customerEquity)} scores 100`;
    case 'portfolioHealth':
      return 'share of revenue from lines that make a profit, at the end (long run); all of it scores 100';
    case 'collaboration':
      return 'how well marketing and sales work together, averaged over the game; 100% scores 100';
  }
}

/** The scorecard in words, in the model's order of its parts. */
export function scorecardView(scenario: Scenario): ScorecardView {
  const { weights, par } = scenario.scoring;
  const sum = SCORE_COMPONENTS.reduce((s, c) => s + weights[c.key], 0);
  return {
    heading: 'How the game is scored',
    intro: 'Each part earns points against its target; the score is their weighted average.',
    rows: SCORE_COMPONENTS.map(({ key }) => {
      const w = weights[key];
      return {
        key,
        name: PART_NAME[key],
        measure: measure(key, scenario),
        weight: w > 0 ? `× ${w} · ${Math.round((100 * w) / sum)}%` : 'not counted',
        counts: w > 0,
      };
    }),
    par: `Par: ${par} points, the total a good game reaches`,
  };
}

// ---------------------------------------------------------------------------------------
// The planning screen: the score so far against par.

export interface ScoreSoFarView {
  /** "58.3", or "—" before the first quarter is played. */
  score: string;
  par: string;
  /** "5.2 below par", "0.8 above par", or "no quarter played yet". */
  verdict: string;
  /** Whether the score so far is under par (the verdict is drawn as a shortfall). */
  belowPar: boolean;
  note: string;
  aria: string;
}

/** The scorecard after the quarters played (the model's record of the last; short-run targets prorated), against par. */
export function scoreSoFar(scenario: Scenario, game: GameState): ScoreSoFarView {
  const par = scenario.scoring.par;
  const last = game.history[game.history.length - 1];
  if (!last) {
    return {
      score: '—',
      par: String(par),
      verdict: 'no quarter played yet',
      belowPar: false,
      note: `Par is the total a good game reaches by the end of the ${scenario.quarters} quarters.`,
      aria: `Score so far: none yet, no quarter played. Par ${par}.`,
    };
  }
  const total = last.score.total;
  const verdict = total >= par ? `${formatPoints(total - par)} above par` : `${formatPoints(par - total)} below par`;
  const played = game.history.length;
  return {
    score: formatPoints(total),
    par: String(par),
    verdict,
    belowPar: total < par,
    note: `As if the game ended after quarter ${last.quarter} of ${scenario.quarters}.`,
    aria: `Score so far ${formatPoints(total)} after ${played} quarter${played === 1 ? '' : 's'}, as if the game ended now (short-run targets scaled to the quarters played); par ${par}: ${verdict}.`,
  };
}

// ---------------------------------------------------------------------------------------
// The quarter report: how each score part moved.

export interface ScorePartMove {
  key: ScoreComponent | 'total';
  /** "Profit ×3"; the total reads "Score". */
  label: string;
  points: string;
  /** "+3.4" on the quarter before, or null for the first quarter. */
  change: string | null;
  /** Whether the part fell. */
  down: boolean;
}

export interface ScoreMovesView {
  heading: string;
  total: ScorePartMove;
  par: string;
  parts: ScorePartMove[];
  aria: string;
}

/** Each score part after quarter `quarter` of the records, and how much it moved on the quarter before. */
export function scoreMoves(scenario: Scenario, history: readonly QuarterRecord[], quarter: number): ScoreMovesView {
  const now = history.find((r) => r.quarter === quarter)!.score;
  const before: ScoreCard | undefined = history.find((r) => r.quarter === quarter - 1)?.score;
  const { weights, par } = scenario.scoring;
  const move = (key: ScoreComponent | 'total', label: string): ScorePartMove => {
    const delta = before ? now[key] - before[key] : null;
    return { key, label, points: formatPoints(now[key]), change: delta === null ? null : formatSignedPoints(delta), down: delta !== null && Math.round(delta * 10) < 0 };
  };
  const parts = SCORE_COMPONENT_WORDS.filter(({ key }) => weights[key] > 0).map(({ key, column }) => move(key, `${column} ×${weights[key]}`));
  const total = move('total', 'Score');
  const said = (m: ScorePartMove) => `${m.label.replace('×', 'weight ')} ${m.points}${m.change ? ` (${m.change})` : ''}`;
  return {
    heading: before ? `Score after Q${quarter}, and its move on Q${quarter - 1}` : `Score after Q${quarter}`,
    total,
    par: `par ${par}`,
    parts,
    aria: `Score after quarter ${quarter}: ${total.points}${total.change ? `, ${total.change} on the quarter before` : ''}; par ${par}. Parts: ${parts.map(said).join('; ')}.`,
  };
}

// ---------------------------------------------------------------------------------------
// Events as banners.

export interface BannerView {
  /** An alert (a lost key account) is announced and drawn apart from the events. */
  kind: 'event' | 'alert';
  title: string;
  /** What a screen reader calls the banner: "Event in quarter 6: …". */
  label: string;
  /** The scenario's news texts, or a sentence for each effect that has no words of its own. */
  lines: string[];
}

/**
 * The scenario events behind each record's fired titles, quarter by quarter: each event fires at
 * most once, so a title is matched to the first event of that title not yet matched among the
 * fired ones.
 */
function firedEvents(scenario: Scenario, game: GameState): Map<number, ScenarioEvent[]> {
  const used = new Set<string>();
  const out = new Map<number, ScenarioEvent[]>();
  for (const record of game.history) {
    const list: ScenarioEvent[] = [];
    for (const title of record.events) {
      const event = scenario.events.find((e) => e.title === title && !used.has(e.id) && game.firedEvents.includes(e.id));
      if (!event) continue;
      used.add(event.id);
      list.push(event);
    }
    out.set(record.quarter, list);
  }
  return out;
}

/** A default sentence for an effect the scenario gives no words (the news text is its own). */
function effectLines(scenario: Scenario, event: ScenarioEvent): string[] {
  const news = event.effects.flatMap((e) => (e.type === 'news' ? [e.text] : []));
  if (news.length > 0) return news;
  return event.effects.flatMap((effect): string[] => {
    switch (effect.type) {
      case 'shift-demand': {
        const name = scenario.segments.find((s) => s.id === effect.segment)?.name ?? effect.segment;
        return [`Demand from ${name} moves to ${Math.round(effect.demand * 100)}% of normal.`];
      }
      case 'collaboration':
        return [`Collaboration between marketing and sales ${effect.change >= 0 ? 'rises' : 'falls'} by ${Math.round(Math.abs(effect.change) * 100)} points.`];
      case 'cash':
        return [`Cash ${formatSignedMoney(effect.change)}.`];
      case 'dispute': {
        const product = scenario.dispute ? (scenario.products.find((p) => p.id === scenario.dispute!.product)?.name ?? scenario.dispute.product) : 'a product line';
        return [`Marketing and sales disagree over ${product}: the dispute comes before the next plan.`];
      }
      case 'news':
        return [];
    }
  });
}

/** The banners of quarter `quarter`: each key account lost (an alert) and each event that fired, in the model's order. */
export function quarterBanners(scenario: Scenario, game: GameState, quarter: number): BannerView[] {
  const record = game.history.find((r) => r.quarter === quarter);
  if (!record) return [];
  const banners: BannerView[] = [];
  for (const id of record.lostAccounts) {
    const account = game.accounts.find((a) => a.id === id);
    if (!account?.key) continue;
    const loss = record.losses.find((l) => l.account === id);
    const lines: string[] = [];
    if (loss) {
      const bought = loss.products.map((p) => scenario.products.find((s) => s.id === p)?.name ?? p);
      // The first quarter has no quarter before it to say what the account was worth.
      const worth = quarter > 1 ? `: ${formatMoney(loss.revenueBefore)} the quarter before` : '';
      lines.push(`It bought ${bought.join(' and ') || 'from you'}${worth}.`);
    }
    const reaction = salesLeadReaction(scenario, account.name, loss);
    if (reaction) lines.push(reaction);
    const title = `Key account lost: ${account.name}`;
    banners.push({ kind: 'alert', title, label: `In quarter ${quarter}: ${title}`, lines });
  }
  for (const event of firedEvents(scenario, game).get(quarter) ?? []) banners.push({ kind: 'event', title: event.title, label: `Event in quarter ${quarter}: ${event.title}`, lines: effectLines(scenario, event) });
  return banners;
}

/**
 * The sales lead's word on a key account lost, by the model's own split of why it was at risk: a
 * line it relied on gone, or the relationship and satisfaction it was left with. None in a firm
 * without a sales lead (no dispute, no leaders named).
 */
export function salesLeadReaction(scenario: Scenario, accountName: string, loss: AccountLoss | undefined): string | null {
  const lead = scenario.dispute?.sales;
  if (!lead || !loss) return null;
  const anchored = loss.anchorProduct !== null && loss.anchorChurn > loss.ordinaryChurn;
  const line = anchored ? scenario.products.find((p) => p.id === loss.anchorProduct)?.name ?? loss.anchorProduct : null;
  const words = line
    ? `${accountName} bought from us for ${line}. Once it went, so did they.`
    : `We lost touch with ${accountName}: too few calls, not enough service.`;
  return `${lead.name}, ${lead.role}: “${words}”`;
}

/** The banners the next planning screen shows: those of the quarter just played, or none before the first. */
export function planningBanners(scenario: Scenario, game: GameState): BannerView[] {
  const last = game.history[game.history.length - 1];
  return last ? quarterBanners(scenario, game, last.quarter) : [];
}

/** Lost accounts that are not key accounts: they stay a line of "What happened". */
export function ordinaryLosses(game: GameState, record: QuarterRecord): string[] {
  return record.lostAccounts.filter((id) => !game.accounts.find((a) => a.id === id)?.key);
}
