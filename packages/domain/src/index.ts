// The vocabulary of Sandcloud, written once: every adapter (engine, API schemas, console) imports it.
export * from './compute.ts';
export * from './catalog.ts';
export * from './block-storage.ts';
export * from './images.ts';
export * from './networking.ts';
export * from './load-balancing.ts';
export * from './names.ts';
export * from './network/cidr.ts';
export * from './network/security-rules.ts';
export * from './network/rule-templates.ts';
export * from './statuses.ts';
export * from './projects.ts';
export * from './key-pairs.ts';
export * from './lifecycles/index.ts';
export * from './sandbox.ts';
export * from './server-groups.ts';
