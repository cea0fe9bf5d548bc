// Nova key pairs' vocabulary, written once for the API schemas and the console.

/** Algorithms a generated key pair can use. */
export const KEY_PAIR_ALGORITHMS = ['rsa', 'ed25519'] as const;
export type KeyPairAlgorithm = (typeof KEY_PAIR_ALGORITHMS)[number];

/** Whether Sandcloud generated the key (and handed out the private half once) or the user imported it. */
export const KEY_PAIR_SOURCES = ['generated', 'imported'] as const;
export type KeyPairSource = (typeof KEY_PAIR_SOURCES)[number];
