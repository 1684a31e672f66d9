// The flow layer's public surface: the game machine, its event and context types, and the
// read-only helpers a scene uses to draw from a snapshot.
export * from './game-machine';
export { cleanMove, sameSlot, withMove, withoutMove, type MoveSlot } from './draft';
export * from './dispute-machine';
