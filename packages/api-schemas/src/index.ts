export * from './common.ts';
export * from './auth.ts';
export * from './projects.ts';
export * from './events.ts';
export * from './networks.ts';
