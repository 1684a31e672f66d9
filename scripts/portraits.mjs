// Draws the leads' portraits (assets/portraits/<id>.svg): one flat style, six people, each with
// an expression per mood in the same file (the page shows one by the wrapper's data-mood). Run
// `node scripts/portraits.mjs` after changing a person; the files are committed. The ids and
// moods are the ones src/scenario/portraits.ts lists (tests/app/portraits.test.ts checks both).
import { mkdirSync, writeFileSync } from 'node:fs';

const MOODS = ['neutral', 'pleased', 'worried', 'upset'];

const PEOPLE = {
  'curls-cardigan': { bg: '#cfe8f3', skin: '#a0662f', shade: '#8a5425', hair: '#2b1a10', top: '#009e73', collar: '#e8f5ef', style: 'curls', feature: 'none', label: 'a woman with big dark curls and a green cardigan' },
  'bun-glasses': { bg: '#ece3f5', skin: '#f1c8a0', shade: '#dcae84', hair: '#6b4423', top: '#7a4fa0', collar: '#ffffff', style: 'bun', feature: 'glasses', label: 'a woman with her hair in a bun, round glasses and a purple blouse' },
  'hijab-blazer': { bg: '#f6ead8', skin: '#c68642', shade: '#ad7236', hair: '#2c3e73', top: '#5f6b7a', collar: '#ffffff', style: 'hijab', feature: 'none', label: 'a woman in a navy hijab and a grey blazer' },
  'beard-crop': { bg: '#fbe3d2', skin: '#5c3a21', shade: '#4a2e1a', hair: '#140c07', top: '#d55e00', collar: '#fbe9dc', style: 'crop', feature: 'beard', lip: '#f3cbbd', label: 'a man with close-cropped hair, a beard and an orange shirt' },
  'grey-side-part': { bg: '#e2ecd9', skin: '#ffdbac', shade: '#eec28e', hair: '#b9b9b9', top: '#1f3a5f', collar: '#ffffff', style: 'side-part', feature: 'tie', label: 'an older man with grey side-parted hair and a navy jacket with a tie' },
  'braids-hoops': { bg: '#fdf1c7', skin: '#7a4a2a', shade: '#653c21', hair: '#1d110a', top: '#0072b2', collar: '#dff0fa', style: 'braids', feature: 'hoops', label: 'a woman with long braids, gold hoop earrings and a blue top' },
};

const EYES = (p) => `<circle cx="50" cy="60" r="3.2" fill="#1b1b1b"/><circle cx="70" cy="60" r="3.2" fill="#1b1b1b"/>`;

// Brows and mouth per mood: the face's whole expression.
const FACE = {
  neutral: { brows: 'M43 52 L55 52 M65 52 L77 52', mouth: 'M53 77 Q60 78 67 77' },
  pleased: { brows: 'M43 51 Q49 47 55 50 M65 50 Q71 47 77 51', mouth: 'M50 74 Q60 85 70 74' },
  worried: { brows: 'M43 52 Q49 51 55 48 M65 48 Q71 51 77 52', mouth: 'M52 79 Q56 76 60 78 Q64 80 68 77' },
  upset: { brows: 'M43 48 L55 53 M65 53 L77 48', mouth: 'M51 81 Q60 73 69 81' },
};

function hairBack(p) {
  switch (p.style) {
    case 'curls': {
      let out = '';
      const ring = [[36, 44, 13], [46, 32, 13], [60, 27, 14], [74, 32, 13], [84, 44, 13], [88, 58, 11], [32, 58, 11], [86, 71, 10], [34, 71, 10]];
      for (const [x, y, r] of ring) out += `<circle cx="${x}" cy="${y}" r="${r}" fill="${p.hair}"/>`;
      return out;
    }
    case 'bun':
      return `<circle cx="60" cy="24" r="11" fill="${p.hair}"/><path d="M38 58 Q38 32 60 32 Q82 32 82 58 Z" fill="${p.hair}"/>`;
    case 'hijab':
      return `<path d="M30 110 Q26 66 36 46 Q46 28 60 28 Q74 28 84 46 Q94 66 90 110 Z" fill="${p.hair}"/>`;
    case 'braids': {
      let out = `<path d="M38 58 Q38 32 60 32 Q82 32 82 58 Z" fill="${p.hair}"/>`;
      for (const x of [35, 41, 79, 85]) out += `<rect x="${x - 3}" y="50" width="6" height="50" rx="3" fill="${p.hair}"/>`;
      return out;
    }
    default:
      return '';
  }
}

function hairFront(p) {
  switch (p.style) {
    case 'curls':
      return `<circle cx="48" cy="40" r="8" fill="${p.hair}"/><circle cx="60" cy="37" r="8" fill="${p.hair}"/><circle cx="72" cy="40" r="8" fill="${p.hair}"/>`;
    case 'bun':
      return `<path d="M40 52 Q44 36 60 36 Q76 36 80 52 Q70 42 60 42 Q50 42 40 52 Z" fill="${p.hair}"/>`;
    case 'hijab':
      return `<path d="M40 56 Q42 38 60 37 Q78 38 80 56 Q80 44 60 42 Q40 44 40 56 Z" fill="${p.hair}" opacity="0.9"/>`;
    case 'crop':
      return `<path d="M40 54 Q40 34 60 34 Q80 34 80 54 Q77 42 60 41 Q43 42 40 54 Z" fill="${p.hair}"/>`;
    case 'side-part':
      return `<path d="M39 56 Q38 33 62 33 Q82 34 81 54 Q78 41 66 40 L52 40 Q44 44 39 56 Z" fill="${p.hair}"/><path d="M52 40 Q60 36 70 37" stroke="#9a9a9a" stroke-width="1.5" fill="none"/>`;
    case 'braids':
      return `<path d="M40 52 Q44 36 60 36 Q76 36 80 52 Q70 42 60 42 Q50 42 40 52 Z" fill="${p.hair}"/>`;
    default:
      return '';
  }
}

function features(p) {
  switch (p.feature) {
    case 'glasses':
      return `<g fill="none" stroke="#3a2a1a" stroke-width="2"><circle cx="50" cy="60" r="7"/><circle cx="70" cy="60" r="7"/><path d="M57 60 L63 60"/></g>`;
    case 'beard':
      return `<path d="M41 64 Q42 90 60 92 Q78 90 79 64 Q76 80 60 82 Q44 80 41 64 Z" fill="${p.hair}"/>`;
    case 'hoops':
      return `<circle cx="39" cy="72" r="4" fill="none" stroke="#e6a700" stroke-width="2"/><circle cx="81" cy="72" r="4" fill="none" stroke="#e6a700" stroke-width="2"/>`;
    case 'tie':
      return `<path d="M40 66 Q44 68 48 66 M72 66 Q76 68 80 66" stroke="${p.shade}" stroke-width="1.2" fill="none"/>`;
    default:
      return '';
  }
}

function clothes(p) {
  const neck = `<rect x="53" y="80" width="14" height="14" fill="${p.shade}"/>`;
  const body = `<path d="M22 120 Q24 96 44 92 L60 100 L76 92 Q96 96 98 120 Z" fill="${p.top}"/>`;
  const collar = p.style === 'hijab' ? '' : `<path d="M46 92 L60 104 L74 92 L68 90 L60 97 L52 90 Z" fill="${p.collar}"/>`;
  const tie = p.feature === 'tie' ? `<path d="M58 97 L62 97 L64 116 L60 120 L56 116 Z" fill="#d55e00"/>` : '';
  return neck + body + collar + tie;
}

function portrait(id, p) {
  const faces = MOODS.map((mood) => {
    const f = FACE[mood];
    return `<g class="mood mood-${mood}"><path d="${f.brows}" stroke="${p.style === 'side-part' ? '#8a8a8a' : p.hair === '#2c3e73' ? '#1b1b1b' : p.hair}" stroke-width="3.4" stroke-linecap="round" fill="none"/><path d="${f.mouth}" stroke="${p.lip ?? '#5a1f1f'}" stroke-width="2.6" stroke-linecap="round" fill="none"/></g>`;
  }).join('\n  ');
  // A hijab covers the ears.
  const ears = p.style === 'hijab' ? '' : `<ellipse cx="40" cy="63" rx="3.5" ry="5" fill="${p.shade}"/><ellipse cx="80" cy="63" rx="3.5" ry="5" fill="${p.shade}"/>`;
  const head = `<ellipse cx="60" cy="62" rx="20" ry="23" fill="${p.skin}"/>${ears}`;
  const nose = `<path d="M60 63 Q58 70 61 71" stroke="${p.shade}" stroke-width="2" fill="none" stroke-linecap="round"/>`;
  return `<!-- Portrait "${id}": ${p.label}. Drawn for Marketing & Sales by scripts/portraits.mjs; the project's own art. -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" role="img">
  <style>.mood{display:none}[data-mood=neutral] .mood-neutral,[data-mood=pleased] .mood-pleased,[data-mood=worried] .mood-worried,[data-mood=upset] .mood-upset,svg:root:not([data-mood]) .mood-neutral{display:inline}</style>
  <clipPath id="frame-${id}"><circle cx="60" cy="60" r="60"/></clipPath>
  <g clip-path="url(#frame-${id})">
  <rect width="120" height="120" fill="${p.bg}"/>
  ${hairBack(p)}
  ${clothes(p)}
  ${head}
  ${hairFront(p)}
  ${EYES(p)}
  ${nose}
  ${features(p)}
  ${faces}
  </g>
</svg>
`;
}

const dir = new URL('../assets/portraits/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [id, p] of Object.entries(PEOPLE)) writeFileSync(new URL(`${id}.svg`, dir), portrait(id, p));
console.log(`wrote ${Object.keys(PEOPLE).length} portraits to assets/portraits/`);
