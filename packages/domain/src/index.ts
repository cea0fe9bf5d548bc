// The vocabulary of Sandcloud, written once: every adapter (engine, API schemas, console) imports it.
export {};
