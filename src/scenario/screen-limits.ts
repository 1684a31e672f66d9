// How much text fits each screen a scenario's texts appear on. The scenario layer owns these
// numbers (the generated docs list them); the meaning checks in src/cli warn when a text is longer.
/**
 * How long each text may be and still fit the screen it appears on at the game's type size
 * (1280×720, Atkinson Hyperlegible at 20 px, ~70 characters a line). Past the limit the text
 * wraps into a scroll or is cut with an ellipsis: the game still runs, so it is a warning.
 */
export const SCREEN_LIMITS = [
  { field: 'title', screen: 'scenario list, one line', max: 48 },
  { field: 'briefing', screen: 'briefing screen, about 12 lines', max: 900 },
  { field: 'objectives[]', screen: 'briefing and debrief, two lines each', max: 140 },
  { field: 'firm.name', screen: 'header bar', max: 32 },
  { field: 'segments[].name', screen: 'market panel column', max: 24 },
  { field: 'products[].name', screen: 'product-line table column', max: 24 },
  { field: 'accounts[].name', screen: 'account table column', max: 24 },
  { field: 'segments[].accountNames[]', screen: 'account table column', max: 24 },
  { field: 'events[].title', screen: 'event banner, one line', max: 60 },
  { field: 'events[].effects[].text', screen: 'news card, three lines', max: 210 },
  { field: 'dispute.marketing.argument', screen: 'dispute screen, one half each side', max: 420 },
  { field: 'dispute.sales.argument', screen: 'dispute screen, one half each side', max: 420 },
  { field: 'dispute.*.reactions.*', screen: 'dispute outcome and debrief, three lines each', max: 210 },
  { field: 'debrief[]', screen: 'debrief, four lines each', max: 280 },
  { field: 'people.*.voice.*', screen: 'quarter report header and the leads’ cards, two lines', max: 90 },
  { field: 'people.*.name', screen: 'lead chip and cards', max: 32 },
].map((l) => ({ ...l, severity: 'warning' as 'error' | 'warning' }));

