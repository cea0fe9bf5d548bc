export * from './lifecycle.ts';
export * from './instance.ts';
export * from './volume.ts';
export * from './volume-snapshot.ts';
export * from './image.ts';
export * from './load-balancer.ts';
