import { describe, expect, it } from 'vitest';
import { normalizePath } from './path.ts';

/** The lexical rule, written the long way: what the fast path for already-normal paths must agree with. */
function slowNormalize(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return `/${out.join('/')}`;
}

describe('normalizePath', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['/root/index.html', '/root/index.html'],
    ['/root/', '/root'],
    ['/root//www', '/root/www'],
    ['/root/./www', '/root/www'],
    ['/root/../etc', '/etc'],
    ['/..', '/'],
    ['/.', '/'],
    ['/root/.', '/root'],
    ['/root/..', '/'],
    ['/.bashrc', '/.bashrc'],
    ['/...', '/...'],
    ['/..a/.b.', '/..a/.b.'],
    ['root/a', '/root/a'],
    ['//root', '/root'],
  ])('%j → %j, as the lexical rule says', (path, normal) => {
    expect(normalizePath(path)).toBe(normal);
    expect(slowNormalize(path)).toBe(normal);
  });
});
