// The words for the dispute's options and refusals, for the app and the scenes. The one table is
// src/debrief/dispute-text.ts (the debrief's sentences need it, and the debrief may not import
// src/app); this module is where the app and the scenes take it from.
export { DISPUTE_OPTION_TEXT, disputeRefusalText } from '../debrief/dispute-text';
