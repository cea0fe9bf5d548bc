// The users feature's public surface for other features: nothing yet (its screens reach the router
// through pages.ts). Export here what another feature needs; lint refuses deep imports.
export {};
