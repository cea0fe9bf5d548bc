import { joinPath } from './path.ts';
import type { Vfs } from './vfs.ts';

/** True when the pattern contains unescaped glob metacharacters. */
export function hasGlobMagic(pattern: string): boolean {
  return /(^|[^\\])[*?[]/.test(pattern);
}

/** Converts one path segment of a shell pattern to an anchored RegExp. */
export function globSegmentToRegExp(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i] as string;
    if (ch === '\\' && i + 1 < segment.length) {
      source += escapeRegExp(segment[++i] as string);
    } else if (ch === '*') {
      source += '.*';
    } else if (ch === '?') {
      source += '.';
    } else if (ch === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        source += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      if (body.startsWith('!') || body.startsWith('^')) body = `^${body.slice(1)}`;
      source += `[${body.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else {
      source += escapeRegExp(ch);
    }
  }
  return new RegExp(`^${source}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function unescapePattern(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/**
 * Pathname expansion as bash does it: matches are sorted, hidden files only
 * match a pattern that starts with ".", and no match returns an empty list
 * (the caller then keeps the word literally).
 */
export function expandGlob(pattern: string, cwd: string, vfs: Vfs): string[] {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let candidates: { display: string; path: string }[] = [
    absolute ? { display: '', path: '/' } : { display: '', path: cwd },
  ];
  if (absolute) segments.shift();
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    const next: { display: string; path: string }[] = [];
    for (const candidate of candidates) {
      const prefix = candidate.display === '' ? (absolute ? '/' : '') : `${candidate.display}/`;
      if (!hasGlobMagic(segment)) {
        const literal = unescapePattern(segment);
        const path = joinPath(candidate.path, literal);
        if (last ? vfs.exists(path) : vfs.isDirectory(path)) next.push({ display: prefix + literal, path });
        continue;
      }
      const regexp = globSegmentToRegExp(segment);
      let names: string[];
      try {
        names = vfs.readdir(candidate.path);
      } catch {
        continue;
      }
      for (const name of names) {
        if (name.startsWith('.') && !segment.startsWith('.')) continue;
        if (!regexp.test(name)) continue;
        const path = joinPath(candidate.path, name);
        if (!last && !vfs.isDirectory(path)) continue;
        next.push({ display: prefix + name, path });
      }
    }
    candidates = next;
  });
  return candidates.map((c) => c.display).sort();
}
