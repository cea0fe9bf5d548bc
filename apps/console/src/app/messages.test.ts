import { describe, expect, it } from 'vitest';
import { coreCatalog } from '../lib/i18n/catalog.ts';
import { featureNamespaces } from './messages.ts';

// `t(key)` finds a feature's table by the key's first segment: each feature's keys must start with
// the prefixes it declares, no prefix may belong to two features, and a key must not be both a
// shared (core) one and a feature's (the core table would hide the feature's text).

const prefixOf = (key: string) => key.slice(0, key.indexOf('.'));

describe('the features\' messages', () => {
  it('hold every key under a prefix of their own, in Korean and English alike', async () => {
    const owner = new Map<string, number>();
    for (const [index, namespace] of featureNamespaces.entries()) {
      for (const prefix of namespace.prefixes) {
        expect(owner.get(prefix), `prefix ${prefix}`).toBeUndefined();
        owner.set(prefix, index);
      }
      const [{ messages: ko }, { messages: en }] = await Promise.all([namespace.load.ko(), namespace.load.en()]);
      expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
      const prefixes: readonly string[] = namespace.prefixes;
      for (const key of Object.keys(ko)) {
        expect(prefixes, `the prefix of ${key}`).toContain(prefixOf(key));
        expect(coreCatalog.ko[key], `${key} is also a shared message`).toBeUndefined();
      }
      // No declared prefix without keys (it would send other keys to this table).
      for (const prefix of prefixes) expect(Object.keys(ko).some((key) => prefixOf(key) === prefix), `keys of ${prefix}`).toBe(true);
    }
  });

  it('leave the shared table in both languages with the same keys', () => {
    expect(Object.keys(coreCatalog.en).sort()).toEqual(Object.keys(coreCatalog.ko).sort());
  });
});
