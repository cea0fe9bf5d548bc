/** errno values the simulated kernel can return, with glibc's strerror text. */
export const ERRNO_MESSAGES = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EBUSY: 'Device or resource busy',
  EXDEV: 'Invalid cross-device link',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EINVAL: 'Invalid argument',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
  EIO: 'Input/output error',
} as const;

export type Errno = keyof typeof ERRNO_MESSAGES;

/**
 * A failed filesystem call. `message` is only strerror(errno); commands add
 * their own prefix the way the real tools do (`cat: x: No such file or directory`).
 */
export class FsError extends Error {
  constructor(
    readonly code: Errno,
    readonly path: string,
  ) {
    super(ERRNO_MESSAGES[code]);
    this.name = 'FsError';
  }
}

export function isFsError(error: unknown, code?: Errno): error is FsError {
  return error instanceof FsError && (code === undefined || error.code === code);
}
