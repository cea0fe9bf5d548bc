/**
 * Lexical path handling for guest paths (always POSIX, never the host's).
 * There are no symlinks in the simulated filesystem, so `..` can be resolved
 * lexically, exactly like `cd -L` does in bash.
 */

/** Resolves `path` against `cwd` and normalises `.`/`..`/duplicate slashes. */
export function resolvePath(cwd: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${cwd}/${path}`;
  return normalizePath(joined);
}

/** An absolute path with no empty, `.` or `..` segment and no trailing slash: already normal. */
const NORMAL_PATH = /^(?:\/(?!\.{1,2}(?:\/|$))[^/]+)+$/;

export function normalizePath(path: string): string {
  // Every file access normalizes its path, and almost every path is already normal (a web server's
  // requests: stat, then read): answer those without splitting and joining.
  if (NORMAL_PATH.test(path)) return path;
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return `/${out.join('/')}`;
}

export function splitPath(absolute: string): string[] {
  return absolute.split('/').filter((s) => s !== '');
}

export function dirname(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const index = trimmed.lastIndexOf('/');
  if (index < 0) return '.';
  if (index === 0) return '/';
  return trimmed.slice(0, index);
}

export function basename(path: string): string {
  if (path === '/') return '/';
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

/** True when `path` equals `ancestor` or lies below it. */
export function isWithin(path: string, ancestor: string): boolean {
  if (ancestor === '/') return true;
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

/** `path` relative to `base` when inside it ("" for base itself), else undefined. */
export function relativeTo(path: string, base: string): string | undefined {
  if (!isWithin(path, base)) return undefined;
  if (base === '/') return path.slice(1);
  return path === base ? '' : path.slice(base.length + 1);
}
