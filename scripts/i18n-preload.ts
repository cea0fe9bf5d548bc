// A Vite plugin of the console's build (apps/console/vite.config.ts), beside precompress.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** Every quoted key of a feature's Korean table (`'instances.create': …`). */
const TABLE_KEY = /^\s*'([A-Za-z][\w-]*)\.([^']+)':/gm;
/** A quoted string: a key used in code. (A key built at run time, `` `tutorial.hint.${code}` ``, is not.) */
const LITERAL = /(['"])([A-Za-z][\w-]*)\.([\w.-]+)\1/g;

/**
 * Makes a module that uses a feature's message keys ask for that feature's table when it is
 * evaluated: `preloadMessages(['instances'])` is added at its end (`lib/i18n/messages-store.ts`), so a
 * screen's messages download in the selected language beside the screen's chunk, not after its first
 * render (which would then suspend and wait). Keys are matched against the features' tables
 * (`src/features/<feature>/messages/ko.ts`); a key built at run time is still found when the screen
 * renders, a little later.
 */
export function i18nPreload(): Plugin {
  let root = '';
  let keys = new Set<string>();
  const read = () => {
    keys = new Set();
    const features = join(root, 'src/features');
    for (const feature of readdirSync(features)) {
      let text: string;
      try {
        text = readFileSync(join(features, feature, 'messages/ko.ts'), 'utf8');
      } catch {
        continue;
      }
      for (const match of text.matchAll(TABLE_KEY)) {
        keys.add(`${match[1]}.${match[2]}`);
      }
    }
  };
  return {
    name: 'sandcloud:i18n-preload',
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      read();
    },
    transform(code, id) {
      if (!/\/src\/(features|components|app)\/.*\.tsx?$/.test(id) || /\/messages\/(ko|en)\.ts$/.test(id) || id.includes('.test.')) return null;
      if (id.endsWith('/src/app/messages.ts')) return null;
      const wanted = new Set<string>();
      for (const match of code.matchAll(LITERAL)) {
        if (keys.has(`${match[2]}.${match[3]}`)) wanted.add(match[2]!);
      }
      if (wanted.size === 0) return null;
      const store = JSON.stringify(join(root, 'src/lib/i18n/messages-store.ts'));
      // Appended (imports are hoisted), so the module's own lines keep their numbers.
      return { code: `${code}\nimport { preloadMessages as __preloadMessages } from ${store};\n__preloadMessages(${JSON.stringify([...wanted].sort())});\n`, map: null };
    },
  };
}
