// The balance report as one self-contained HTML page: inline CSS and SVG charts, no scripts,
// fonts or images from anywhere, so it opens offline and on a projector. Every text from the
// scenario file is escaped: a title with markup in it is shown as written, never run.
import { confirmationText, formatBand, formatValue, verdictText } from '../balance/fidelity';
import { niceTicks, type BalanceReport, type Band, type DisputeOutcome, type Distribution, type IdeaCheck } from '../balance/report';
import { SCORE_COMPONENT_WORDS } from '../app/score-words';
import { IDEA_TITLES } from '../debrief/ideas';
import { DISPUTE_OPTIONS } from '../sim/index';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The ideas the game teaches (DESIGN.md, "What the game teaches"): each one's name (the
 * debrief's) and a one-line definition, as the report and docs/scenarios.md state them.
 */
export const IDEA_DEFINITIONS: Record<number, string> = {
  1: 'Sales works on people — relationships, new accounts, service, referrals — and is rewarded on sales results: the short run.',
  2: 'Marketing works on the product line — long-term market actions, line profitability, the portfolio, dropping weak products — and is rewarded on longer-term goals.',
  3: 'Without marketing there are no sales; without sales, marketing fails: new accounts need leads and conversion together.',
  4: 'Marketing argues to drop an unprofitable product, sales that it anchors a customer relationship; neither side is always right.',
  5: 'Where the two are separate divisions, respect for each other’s knowledge serves the shared goals.',
  6: 'A one-person business still has to do both jobs.',
  7: 'The firm that adjusts to shifting needs wins in the short run and the long run.',
};

/** A check's ideas by name: "Each needs the other (idea 3)". */
function ideaCell(ideas: readonly number[]): string {
  return ideas.map((n) => `<strong>${escapeHtml(IDEA_TITLES[n] ?? `Idea ${n}`)}</strong> <span class="muted">(idea ${n})</span>`).join('<br>');
}

/** The ideas the report checks, each by its name with its one-line definition (idea 4: the dispute section). */
function ideaList(report: BalanceReport): string {
  const numbers = [...new Set([...report.ideas.flatMap((c) => c.ideas), ...(report.dispute ? [4] : [])])].sort((a, b) => a - b);
  return `<dl class="ideas">${numbers
    .map((n) => `<dt>${escapeHtml(IDEA_TITLES[n] ?? `Idea ${n}`)} <span class="muted">(idea ${n}${n === 4 ? ', checked in the dispute section' : ''})</span></dt><dd>${escapeHtml(IDEA_DEFINITIONS[n] ?? '')}</dd>`)
    .join('')}</dl>`;
}

const COLORS = ['#1b6ca8', '#c0392b', '#2e8b57', '#b9770e', '#7d3c98', '#34495e', '#16a085', '#d35400'];
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pct0 = (x: number) => `${Math.round(100 * x)}%`;
/** One decimal, never "-0.0". */
const f1 = (x: number) => (Math.abs(x) < 0.05 ? '0.0' : x.toFixed(1));
const ticksText = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6))));

/** Cents as compact currency units for an axis or a cell: 1,234,500 → "12.3k", 250,000,000 → "2.5M". */
export function compactMoney(cents: number): string {
  const units = cents / 100;
  const abs = Math.abs(units);
  const sign = units < 0 ? '−' : '';
  const trim = (x: number) => String(Number(x.toFixed(abs >= 1e7 || (abs >= 1e4 && abs < 1e6) ? 0 : 1)));
  if (abs >= 1e6) return `${sign}${trim(abs / 1e6)}M`;
  if (abs >= 1e3) return `${sign}${trim(abs / 1e3)}k`;
  return `${sign}${String(Math.round(abs))}`;
}

/** One histogram per bot, on the common score range with round bins: counts on the bars, a count axis, par marked. */
function histogram(d: Distribution, report: BalanceReport, color: string): string {
  const W = 440;
  const H = 200;
  const left = 46;
  const right = 10;
  const top = 32;
  const bottom = 34;
  const { min, max, bins, width } = report.histogramRange;
  const peak = Math.max(1, ...d.histogram);
  const yTicks = niceTicks(0, peak, 4);
  const yMax = Math.max(peak, yTicks[yTicks.length - 1]!);
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const bw = plotW / bins;
  const x = (v: number) => left + ((v - min) / (max - min)) * plotW;
  const y = (c: number) => top + plotH - (plotH * c) / yMax;
  const showCounts = bw >= 14;
  const bars = d.histogram
    .map((c, i) => {
      const from = min + i * width;
      const h = top + plotH - y(c);
      const label = showCounts && c > 0 ? `<text x="${(left + (i + 0.5) * bw).toFixed(1)}" y="${(y(c) - 3).toFixed(1)}" class="count" text-anchor="middle">${c}</text>` : '';
      return `<rect x="${(left + i * bw + 0.5).toFixed(1)}" y="${y(c).toFixed(1)}" width="${Math.max(0.5, bw - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${color}"><title>${c} seeds scored ${ticksText(from)} to ${ticksText(from + width)}</title></rect>${label}`;
    })
    .join('');
  const grid = yTicks
    .map((t) => `<line x1="${left}" y1="${y(t).toFixed(1)}" x2="${W - right}" y2="${y(t).toFixed(1)}" stroke="#eee"/><text x="${left - 4}" y="${(y(t) + 4).toFixed(1)}" class="tick" data-axis="y" text-anchor="end">${t}</text>`)
    .join('');
  const xTicks = niceTicks(min, max, 6)
    .map((t) => `<line x1="${x(t).toFixed(1)}" y1="${top + plotH}" x2="${x(t).toFixed(1)}" y2="${top + plotH + 4}" stroke="#888"/><text x="${x(t).toFixed(1)}" y="${top + plotH + 16}" class="tick" data-axis="x" text-anchor="middle">${ticksText(t)}</text>`)
    .join('');
  const parX = x(report.par.value).toFixed(1);
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Score histogram of ${escapeHtml(d.bot)}: seeds per score bin of ${ticksText(width)} points" class="histogram">
${grid}
${bars}
<line x1="${left}" y1="${top + plotH}" x2="${W - right}" y2="${top + plotH}" stroke="#888"/>${xTicks}
<line x1="${parX}" y1="14" x2="${parX}" y2="${top + plotH}" stroke="#000" stroke-dasharray="3 2"/><text x="${parX}" y="11" class="tick" text-anchor="middle">par</text>
<text x="${left + plotW / 2}" y="${H - 4}" class="axis" text-anchor="middle">final score (bins of ${ticksText(width)} points)</text>
<text x="9" y="${top + plotH / 2}" class="axis" text-anchor="middle" transform="rotate(-90 9 ${top + plotH / 2})">seeds</text>
</svg>`;
}

/** All bots' box plots on one axis: whiskers at the 5th and 95th percentiles, round ticks. */
function boxPlots(report: BalanceReport): string {
  const W = 720;
  const row = 34;
  const left = 140;
  const right = 20;
  const H = report.distributions.length * row + 44;
  const { min, max } = report.histogramRange;
  const x = (v: number) => left + ((v - min) / (max - min)) * (W - left - right);
  const rows = report.distributions
    .map((d, i) => {
      const y = 20 + i * row + row / 2;
      const c = COLORS[i % COLORS.length]!;
      return `<text x="${left - 8}" y="${y + 4}" font-size="12" text-anchor="end">${escapeHtml(d.bot)}</text>
<line x1="${x(d.p5).toFixed(1)}" y1="${y}" x2="${x(d.p95).toFixed(1)}" y2="${y}" stroke="${c}"/>
<rect x="${x(d.q1).toFixed(1)}" y="${y - 9}" width="${Math.max(1, x(d.q3) - x(d.q1)).toFixed(1)}" height="18" fill="${c}" fill-opacity="0.25" stroke="${c}"/>
<line x1="${x(d.median).toFixed(1)}" y1="${y - 9}" x2="${x(d.median).toFixed(1)}" y2="${y + 9}" stroke="${c}" stroke-width="2"/>
<circle cx="${x(d.mean).toFixed(1)}" cy="${y}" r="3" fill="#000"><title>mean ${f1(d.mean)}</title></circle>`;
    })
    .join('\n');
  const parX = x(report.par.value).toFixed(1);
  const axisY = H - 22;
  const ticks = niceTicks(min, max, 8)
    .map((v) => `<line x1="${x(v).toFixed(1)}" y1="14" x2="${x(v).toFixed(1)}" y2="${axisY}" stroke="#f0f0f0"/><text x="${x(v).toFixed(1)}" y="${axisY + 14}" class="tick" text-anchor="middle">${ticksText(v)}</text>`)
    .join('');
  return `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="Final scores of every bot" class="boxplots">
${ticks}
${rows}
<line x1="${parX}" y1="12" x2="${parX}" y2="${axisY}" stroke="#000" stroke-dasharray="4 3"/><text x="${parX}" y="10" font-size="10" text-anchor="middle">par ${f1(report.par.value)}</text>
<line x1="${left}" y1="${axisY}" x2="${W - right}" y2="${axisY}" stroke="#888"/>
</svg>`;
}

/** Each bot's score parts: the median points and the 10–90% spread over the seeds, with each part's weight. */
function scoreParts(report: BalanceReport): string {
  const first = report.distributions[0];
  if (!first || first.parts.length === 0) return '<p>No games.</p>';
  const words = (key: string) => SCORE_COMPONENT_WORDS.find((w) => w.key === key)?.label ?? key;
  const head = first.parts.map((p) => `<th>${escapeHtml(words(p.part))}<br><span class="muted">weight ${ticksText(p.weight)}</span></th>`).join('');
  const rows = report.distributions
    .map(
      (d) =>
        `<tr><td title="${escapeHtml(d.description)}">${escapeHtml(d.bot)}</td>${d.parts
          .map((p) => `<td><strong>${f1(p.median)}</strong><br><span class="muted">${f1(p.p10)} – ${f1(p.p90)}</span></td>`)
          .join('')}<td><strong>${f1(d.median)}</strong><br><span class="muted">${f1(d.totalBand.p10)} – ${f1(d.totalBand.p90)}</span></td></tr>`,
    )
    .join('');
  return `<table class="parts"><thead><tr><th>bot</th>${head}<th>total</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** A small chart of one bot's quarter-by-quarter figure: the 10–90% band, the median, and the balanced bot's median for reference. */
function quarterChart(bands: readonly Band[], reference: readonly Band[] | null, range: { min: number; max: number }, color: string, label: string): string {
  const W = 300;
  const H = 170;
  const left = 44;
  const right = 8;
  const top = 10;
  const bottom = 30;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const n = bands.length;
  const x = (q: number) => left + (n <= 1 ? plotW / 2 : (q * plotW) / (n - 1));
  const y = (v: number) => top + plotH - ((v - range.min) / (range.max - range.min)) * plotH;
  const line = (values: readonly number[]) => values.map((v, q) => `${q === 0 ? 'M' : 'L'}${x(q).toFixed(1)} ${y(v).toFixed(1)}`).join(' ');
  const area = `${line(bands.map((b) => b.p90))} ${bands
    .map((b, q) => ({ b, q }))
    .reverse()
    .map(({ b, q }) => `L${x(q).toFixed(1)} ${y(b.p10).toFixed(1)}`)
    .join(' ')} Z`;
  const yTicks = niceTicks(range.min, range.max, 4)
    .map((t) => `<line x1="${left}" y1="${y(t).toFixed(1)}" x2="${W - right}" y2="${y(t).toFixed(1)}" stroke="${t === 0 ? '#999' : '#eee'}"/><text x="${left - 4}" y="${(y(t) + 4).toFixed(1)}" class="tick" text-anchor="end">${compactMoney(t)}</text>`)
    .join('');
  const step = n > 12 ? 2 : 1;
  const xTicks = bands
    .map((_, q) => (q % step === 0 || q === n - 1 ? `<text x="${x(q).toFixed(1)}" y="${top + plotH + 14}" class="tick" text-anchor="middle">${q + 1}</text>` : ''))
    .join('');
  const ref = reference ? `<path d="${line(reference.map((b) => b.median))}" fill="none" stroke="#555" stroke-width="1.2" stroke-dasharray="4 3"/>` : '';
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(label)}" class="quarters">
${yTicks}
<path d="${area}" fill="${color}" fill-opacity="0.2" stroke="none"/>
${ref}
<path d="${line(bands.map((b) => b.median))}" fill="none" stroke="${color}" stroke-width="2"/>
${xTicks}<text x="${left + plotW / 2}" y="${H - 3}" class="axis" text-anchor="middle">quarter</text>
</svg>`;
}

/** Revenue and profit per quarter, per bot, with bands: small multiples on one scale per figure. */
function quarterBands(report: BalanceReport): string {
  const balanced = report.distributions.find((d) => d.bot === 'balanced') ?? null;
  const section = (field: 'revenueByQuarter' | 'profitByQuarter', title: string) => {
    const values = report.distributions.flatMap((d) => d[field].flatMap((b) => [b.p10, b.p90]));
    const lo = Math.min(0, ...values);
    const hi = Math.max(1, ...values);
    // The scale runs from tick to tick: the round steps outside the lowest and highest figure.
    const ticks = niceTicks(lo, hi, 4);
    const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : Math.max(1, hi - lo);
    const range = { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step };
    const charts = report.distributions
      .map((d, i) => {
        const ref = balanced && d.bot !== 'balanced' ? balanced[field] : null;
        return `<figure><figcaption>${escapeHtml(d.bot)}</figcaption>${quarterChart(d[field], ref, range, COLORS[i % COLORS.length]!, `${title} per quarter of ${d.bot}: median and 10–90% band`)}</figure>`;
      })
      .join('');
    return `<h3>${title} per quarter</h3><div class="grid">${charts}</div>`;
  };
  return `${section('revenueByQuarter', 'Revenue')}${section('profitByQuarter', 'Profit')}
<p class="muted">Each chart: the line is the median over the seeds, the shaded band the 10th to 90th percentile; the dashed grey line is the balanced bot's median, for comparison. Currency units (k = thousand, M = million), one scale per figure.</p>`;
}

/** The dispute's best option by band of the hidden anchor strength, with options never the most often best flagged. */
function anchorTable(d: DisputeOutcome): string {
  const bands = d.byAnchor;
  if (bands.length === 0) return '';
  const head = DISPUTE_OPTIONS.map((o) => `<th>${escapeHtml(o)}</th>`).join('');
  const rows = bands
    .map(
      (b) =>
        `<tr><td><span class="nowrap">${b.from.toFixed(1)} – ${b.to.toFixed(1)}</span> <span class="muted nowrap">(${b.seeds} seeds)</span></td>${DISPUTE_OPTIONS.map((o) =>
          b.seeds === 0 ? '<td class="muted">–</td>' : `<td${b.tops.includes(o) ? ' class="top"' : ''}>${pct0(b.bestShare[o])}</td>`,
        ).join('')}<td>${b.tops.length > 0 ? b.tops.map((o) => `<span class="nowrap">${escapeHtml(o)}</span>`).join(' / ') : '<span class="muted">none</span>'}</td></tr>`,
    )
    .join('');
  const flags = DISPUTE_OPTIONS.map((o) => (d.neverBest.includes(o) ? '<td class="never">never best</td>' : '<td class="pass">best in a band</td>')).join('');
  const never =
    d.neverBest.length === 0
      ? 'Every option is the most often best in some band of anchor strength.'
      : `<strong class="never">Never the best option in any band:</strong> ${d.neverBest.map((o) => `“${escapeHtml(o)}”`).join(', ')}. Even a player who knew the hidden anchor would find another option better more often, whatever its strength.`;
  return `<table class="anchor"><thead><tr><th>anchor strength</th>${head}<th>best</th></tr></thead><tbody>${rows}<tr class="flags"><td>across the bands</td>${flags}<td></td></tr></tbody></table>
<p>${never}</p>`;
}

/** The fidelity figures beside the published ones: one row per figure, the source and what could be confirmed. */
function evidence(report: BalanceReport): string {
  const f = report.fidelity;
  if (f === null) return '<p>Not measured for this report.</p>';
  const rows = f.figures
    .map((x) => {
      const p = x.published;
      const verdict = x.inside === null ? '' : x.inside ? ' class="pass"' : ' class="fail"';
      return `<tr><td>${escapeHtml(x.label)}<br><span class="muted">${escapeHtml(x.method)}</span></td><td>${escapeHtml(formatValue(x))}</td><td>${escapeHtml(p.figure)}${p.band ? `<br><span class="muted">band ${escapeHtml(formatBand(p))}: ${escapeHtml(p.band.from)}</span>` : ''}</td><td${verdict}>${escapeHtml(verdictText(x))}</td><td>${escapeHtml(p.source)}<br><span class="muted">${escapeHtml(confirmationText(p))}. ${escapeHtml(p.found)}</span></td></tr>`;
    })
    .join('');
  return `<p>Measured by playing the reference plan (${escapeHtml(f.plan)}) over ${f.seeds.toLocaleString('en-US')} seeds, each side's effort perturbed in one quarter at a time (quarters ${f.perturbedQuarters[0]}–${f.perturbedQuarters[f.perturbedQuarters.length - 1]}) with the same seeds, so the differences are the effort's, not luck's. The method is stated in <code>src/balance/fidelity.ts</code> and docs/scenarios.md; <code>npm run fidelity -- FILE</code> prints the same figures. “Outside” is a finding, not a failure: a scenario may exaggerate on purpose.</p>
<table><thead><tr><th>figure</th><th>model</th><th>published</th><th>in the band</th><th>source</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function renderHtml(report: BalanceReport): string {
  const s = report.scenario;
  const title = `Balance report: ${escapeHtml(s.title)}`;
  const warnings =
    report.warnings.length === 0
      ? '<p class="ok">No warnings: the ideas hold, no dispute option or fixed strategy dominates, and par is reachable.</p>'
      : `<ul class="warnings">${report.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`;
  const ideas =
    report.ideas.length === 0
      ? '<p>The idea checks need the standard bots; some are missing.</p>'
      : `<table class="ideas"><thead><tr><th>idea</th><th>check</th><th>measured</th><th>result</th></tr></thead><tbody>${report.ideas
          .map(
            (c: IdeaCheck) =>
              `<tr><td>${ideaCell(c.ideas)}</td><td>${escapeHtml(c.claim)}</td><td>${escapeHtml(c.measured)}</td><td class="${c.passed ? 'pass' : 'fail'}">${c.passed ? 'passed' : 'FAILED'}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const stats = `<table><thead><tr><th>bot</th><th>mean</th><th>5%</th><th>median</th><th>95%</th><th>min</th><th>max</th><th>reaches par</th></tr></thead><tbody>${report.distributions
    .map(
      (d) =>
        `<tr><td title="${escapeHtml(d.description)}">${escapeHtml(d.bot)}</td><td>${f1(d.mean)}</td><td>${f1(d.p5)}</td><td>${f1(d.median)}</td><td>${f1(d.p95)}</td><td>${f1(d.min)}</td><td>${f1(d.max)}</td><td>${pct(d.parShare)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
  const histograms = report.distributions
    .map((d, i) => `<figure><figcaption>${escapeHtml(d.bot)} <span class="muted">${d.n.toLocaleString('en-US')} seeds · ${escapeHtml(d.description)}</span></figcaption>${histogram(d, report, COLORS[i % COLORS.length]!)}</figure>`)
    .join('');
  const dispute =
    report.dispute === null
      ? '<p>This scenario has no discontinuation dispute.</p>'
      : report.dispute
          .map(
            (d) => `<h3>Played by ${escapeHtml(d.bot)} <span class="muted">(the dispute opened in ${d.seeds} of ${report.seeds} seeds)</span></h3>
<table><thead><tr><th>option forced</th><th>mean final score</th><th>best option in</th></tr></thead><tbody>${d.options
              .map((o) => `<tr${o.option === d.dominant ? ' class="fail"' : ''}><td>${escapeHtml(o.option)}</td><td>${f1(o.meanScore)}</td><td>${pct(o.bestShare)} of seeds</td></tr>`)
              .join('')}</tbody></table>
<p>${d.dominant ? `<strong>“${escapeHtml(d.dominant)}” dominates</strong>: it is the better choice in more than 70% of seeds.` : 'No option is best in more than 70% of seeds: the right answer depends on the hidden anchor, as it should.'}${d.rarelyBest.length > 0 ? ` <strong class="never">Hardly ever right:</strong> ${d.rarelyBest.map((o) => `“${escapeHtml(o)}”`).join(', ')} (best in under 5% of seeds).` : ''}</p>
<h4>Best option by anchor strength <span class="muted">(${escapeHtml(d.bot)}; the share of the band's seeds in which each option scored highest, the most often best highlighted)</span></h4>
${anchorTable(d)}`,
          )
          .join('');
  const p = report.par;
  const reach = p.reachable
    ? `Par (${f1(p.value)}) is reachable: ${escapeHtml(p.bestBot)} reaches it most often, in ${pct(p.bestShare)} of seeds.`
    : `Par (${f1(p.value)}) is not reachable: no bot reached it in ${report.seeds} seeds.`;
  const band = `${pct0(p.band.low)}–${pct0(p.band.high)}`;
  const balancedPar =
    p.balancedShare === null
      ? ''
      : `<p class="${p.far ? 'par-warning' : 'ok'}">${
          p.far
            ? `<strong>Par is far from about half:</strong> the balanced bot reaches it in <strong>${pct(p.balancedShare)}</strong> of seeds, outside ${band}.`
            : `The balanced bot reaches par in <strong>${pct(p.balancedShare)}</strong> of seeds: about half, as it should (the report accepts ${band}).`
        }${p.suggested !== null ? ` Suggested par: <strong>${p.suggested}</strong>, the balanced bot's median score rounded down, which it reaches in about half the seeds${p.suggested === Math.floor(p.value) ? ' (par is that now)' : ''}.` : ''}</p>`;
  const par = `<p>${reach}</p>${balancedPar}`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d1d1f; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; } h3 { font-size: 1.05rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; font-size: 0.92rem; }
th, td { border: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f6; }
td.pass { color: #1e7b34; font-weight: 600; } td.fail, tr.fail td { color: #b3261e; font-weight: 600; }
.muted { color: #666; font-weight: normal; font-size: 0.85em; }
.warnings li { color: #b3261e; margin: 0.2rem 0; } .ok { color: #1e7b34; }
.grid { display: flex; flex-wrap: wrap; gap: 1rem; } figure { margin: 0; } figcaption { font-weight: 600; font-size: 0.9rem; max-width: 440px; }
svg .tick { font-size: 10px; fill: #444; } svg .axis { font-size: 10px; fill: #666; } svg .count { font-size: 9px; fill: #222; }
dl.ideas dt { font-weight: 600; margin-top: 0.4rem; } dl.ideas dd { margin: 0 0 0 1.2rem; color: #333; }
td.top { background: #e3f1e6; font-weight: 700; } td.never, .never { color: #b3261e; font-weight: 700; } tr.flags td { font-size: 0.85em; }
.par-warning { color: #b3261e; border-left: 4px solid #b3261e; padding-left: 0.6rem; }
table.parts td { white-space: nowrap; } .nowrap { white-space: nowrap; }
footer { margin-top: 2rem; color: #666; font-size: 0.85rem; }
</style>
</head>
<body>
<h1>${title}</h1>
<p class="muted">Scenario <code>${escapeHtml(s.id)}</code> version ${s.version}, ${s.quarters} quarters · ${report.seeds.toLocaleString('en-US')} seeds × ${report.distributions.length} bots · ${report.seconds.toFixed(1)} s on ${report.workers} worker${report.workers === 1 ? '' : 's'}</p>

<h2>Warnings</h2>
${warnings}

<h2>Final scores per bot</h2>
${boxPlots(report)}
<p class="muted">Boxes span the middle half of the seeds, whiskers the 5th to 95th percentile; the line is the median, the dot the mean.</p>
${stats}
<p class="muted">Histograms: seeds per bin of final score, the count above each bar; one score scale for every bot.</p>
<div class="grid">${histograms}</div>

<h2>Score parts per bot</h2>
<p>The scorecard's parts in points (100 = the scenario's target for profit, revenue and customer equity; portfolio health and collaboration are shares of 100), the median over the seeds in bold and the 10th to 90th percentile below. The total is their weighted average. A part where every bot scores alike does not tell strategies apart; a part far below the others pulls every total down.</p>
${scoreParts(report)}

<h2>Quarter by quarter</h2>
${quarterBands(report)}

<h2>The ideas</h2>
<p>The ideas the game must make true (DESIGN.md; docs/scenarios.md, "The ideas the balance report checks"), and what the bots measure of each:</p>
${ideaList(report)}
${ideas}

<h2>The dispute</h2>
${dispute}

<h2>Par</h2>
${par}

<h2>Against the published evidence</h2>
${evidence(report)}

<footer>Generated by <code>npm run balance</code>. The same numbers are printed by <code>npm run balance -- FILE --json</code>.</footer>
</body>
</html>
`;
}
