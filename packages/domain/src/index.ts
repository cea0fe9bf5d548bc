// The vocabulary of Sandcloud, written once: every adapter (engine, API schemas, console) imports it.
export * from './lifecycles/index.ts';
