// The balance report as one self-contained HTML page: inline CSS and SVG charts, no scripts,
// fonts or images from anywhere, so it opens offline and on a projector. Every text from the
// scenario file is escaped: a title with markup in it is shown as written, never run.
import { confirmationText, formatBand, formatValue, verdictText } from '../balance/fidelity';
import type { BalanceReport, Distribution } from '../balance/report';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const COLORS = ['#1b6ca8', '#c0392b', '#2e8b57', '#b9770e', '#7d3c98', '#34495e', '#16a085', '#d35400'];
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const f1 = (x: number) => x.toFixed(1);

/** One histogram per bot, on the common score range, with par marked. */
function histogram(d: Distribution, report: BalanceReport, color: string): string {
  const W = 320;
  const H = 120;
  const pad = 22;
  const { min, max, bins } = report.histogramRange;
  const top = Math.max(1, ...d.histogram);
  const bw = (W - 2 * pad) / bins;
  const x = (v: number) => pad + ((v - min) / (max - min)) * (W - 2 * pad);
  const bars = d.histogram
    .map((c, i) => {
      const h = ((H - 2 * pad) * c) / top;
      return `<rect x="${(pad + i * bw).toFixed(1)}" y="${(H - pad - h).toFixed(1)}" width="${Math.max(0.5, bw - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${color}"><title>${c} seeds</title></rect>`;
    })
    .join('');
  const parX = x(report.par.value).toFixed(1);
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Score histogram of ${escapeHtml(d.bot)}">
<line x1="${pad}" y1="${H - pad}" x2="${W - pad}" y2="${H - pad}" stroke="#888"/>
${bars}
<line x1="${parX}" y1="${pad / 2}" x2="${parX}" y2="${H - pad}" stroke="#000" stroke-dasharray="3 2"/><text x="${parX}" y="${pad / 2 - 1}" font-size="9" text-anchor="middle">par</text>
<text x="${pad}" y="${H - 6}" font-size="10">${f1(min)}</text><text x="${W - pad}" y="${H - 6}" font-size="10" text-anchor="end">${f1(max)}</text>
</svg>`;
}

/** All bots' box plots on one axis: whiskers at the 5th and 95th percentiles. */
function boxPlots(report: BalanceReport): string {
  const W = 720;
  const row = 34;
  const left = 140;
  const right = 20;
  const H = report.distributions.length * row + 40;
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
  const ticks = Array.from({ length: 6 }, (_, i) => min + ((max - min) * i) / 5)
    .map((v) => `<text x="${x(v).toFixed(1)}" y="${H - 4}" font-size="10" text-anchor="middle">${f1(v)}</text>`)
    .join('');
  return `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="Final scores of every bot">
${rows}
<line x1="${parX}" y1="10" x2="${parX}" y2="${H - 18}" stroke="#000" stroke-dasharray="4 3"/><text x="${parX}" y="9" font-size="10" text-anchor="middle">par ${f1(report.par.value)}</text>
<line x1="${left}" y1="${H - 18}" x2="${W - right}" y2="${H - 18}" stroke="#888"/>${ticks}
</svg>`;
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
      : `<table><thead><tr><th>idea</th><th>check</th><th>measured</th><th>result</th></tr></thead><tbody>${report.ideas
          .map(
            (c) =>
              `<tr><td>${escapeHtml(c.idea)}</td><td>${escapeHtml(c.claim)}</td><td>${escapeHtml(c.measured)}</td><td class="${c.passed ? 'pass' : 'fail'}">${c.passed ? 'passed' : 'FAILED'}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const stats = `<table><thead><tr><th>bot</th><th>mean</th><th>5%</th><th>median</th><th>95%</th><th>min</th><th>max</th><th>reaches par</th></tr></thead><tbody>${report.distributions
    .map(
      (d) =>
        `<tr><td title="${escapeHtml(d.description)}">${escapeHtml(d.bot)}</td><td>${f1(d.mean)}</td><td>${f1(d.p5)}</td><td>${f1(d.median)}</td><td>${f1(d.p95)}</td><td>${f1(d.min)}</td><td>${f1(d.max)}</td><td>${pct(d.parShare)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
  const histograms = report.distributions
    .map((d, i) => `<figure><figcaption>${escapeHtml(d.bot)} <span class="muted">${escapeHtml(d.description)}</span></figcaption>${histogram(d, report, COLORS[i % COLORS.length]!)}</figure>`)
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
<p>${d.dominant ? `<strong>“${escapeHtml(d.dominant)}” dominates</strong>: it is the better choice in more than 70% of seeds.` : 'No option is best in more than 70% of seeds: the right answer depends on the hidden anchor, as it should.'}</p>`,
          )
          .join('');
  const par = report.par.reachable
    ? `Par (${f1(report.par.value)}) is reachable: ${escapeHtml(report.par.bestBot)} reaches it most often, in ${pct(report.par.bestShare)} of seeds.`
    : `Par (${f1(report.par.value)}) is not reachable: no bot reached it in ${report.seeds} seeds.`;

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
.grid { display: flex; flex-wrap: wrap; gap: 1rem; } figure { margin: 0; } figcaption { font-weight: 600; font-size: 0.9rem; }
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
<div class="grid">${histograms}</div>

<h2>The ideas</h2>
${ideas}

<h2>The dispute</h2>
${dispute}

<h2>Par</h2>
<p>${par}</p>

<h2>Against the published evidence</h2>
${evidence(report)}

<footer>Generated by <code>npm run balance</code>. The same numbers are printed by <code>npm run balance -- FILE --json</code>.</footer>
</body>
</html>
`;
}
