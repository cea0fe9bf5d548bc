import { joinPath } from '../../filesystem/path.ts';
import type { Vfs } from '../../filesystem/vfs.ts';

/** Sum of allocated bytes under `path` (du semantics: directories count their own block). */
export function diskUsage(vfs: Vfs, path: string): number {
  const stat = vfs.stat(path);
  if (stat.type !== 'dir') return stat.allocated;
  let total = stat.allocated;
  for (const name of vfs.readdir(path)) total += diskUsage(vfs, joinPath(path, name));
  return total;
}

/** Copies a file or a directory tree (across filesystems too). */
export function copyTree(vfs: Vfs, from: string, to: string, preserve: boolean): void {
  const stat = vfs.stat(from);
  if (stat.type === 'dir') {
    if (!vfs.exists(to)) vfs.mkdir(to, stat.mode);
    for (const name of vfs.readdir(from)) copyTree(vfs, joinPath(from, name), joinPath(to, name), preserve);
  } else {
    vfs.writeFile(to, vfs.readFile(from), { mode: stat.mode });
  }
  if (preserve) vfs.setMtime(to, stat.mtimeMs);
}

/** Removes a tree depth-first; reports each failure and keeps going, like rm -r. */
export function removeTree(vfs: Vfs, path: string, onError: (path: string, error: unknown) => void): boolean {
  let ok = true;
  const stat = vfs.stat(path);
  if (stat.type === 'dir') {
    for (const name of vfs.readdir(path)) {
      try {
        ok = removeTree(vfs, joinPath(path, name), onError) && ok;
      } catch (error) {
        onError(joinPath(path, name), error);
        ok = false;
      }
    }
    if (!ok) return false;
    try {
      vfs.rmdir(path);
    } catch (error) {
      onError(path, error);
      return false;
    }
    return true;
  }
  vfs.unlink(path);
  return true;
}
