// What an id looks like in a scenario (products, accounts, segments, events, the scenario
// itself). Its own module so that code reading ids — result codes — does not pull in the
// whole schema.
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
