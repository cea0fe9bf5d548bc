import { describe, expect, it } from 'vitest';
import { Filesystem, utf8Length } from './filesystem.ts';
import { isFsError } from './errors.ts';

function sample(): Filesystem {
  let now = 1_000;
  const fs = Filesystem.blank({ fsType: 'ext4', uuid: 'u-1', label: 'data', now: () => now++ });
  fs.mkdirp('/var/www');
  fs.writeFile('/var/www/index.html', 'hello world!\n');
  fs.writeFile('/한글.txt', '안녕\n', { mode: 0o600 });
  return fs;
}

function errorCode(action: () => void): string | undefined {
  try {
    action();
  } catch (error) {
    if (isFsError(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe('Filesystem', () => {
  it('round-trips through a JSON snapshot', () => {
    const fs = sample();
    const json = JSON.stringify(fs.toSnapshot());
    const restored = Filesystem.fromSnapshot(JSON.parse(json));
    expect(restored.readFile('/var/www/index.html')).toBe('hello world!\n');
    expect(restored.stat('/한글.txt')).toMatchObject({ mode: 0o600, size: 7 });
    expect(restored.toSnapshot()).toEqual(fs.toSnapshot());
    expect(restored.label).toBe('data');
  });

  it('lists parents before children in snapshots', () => {
    const paths = sample().toSnapshot().entries.map((e) => e.path);
    expect(paths.indexOf('/var')).toBeLessThan(paths.indexOf('/var/www'));
    expect(paths.indexOf('/var/www')).toBeLessThan(paths.indexOf('/var/www/index.html'));
  });

  it('rejects foreign snapshot formats', () => {
    expect(() => Filesystem.fromSnapshot({ format: 'other' } as never)).toThrow(/unsupported format/);
  });

  it('returns errno codes like the kernel', () => {
    const fs = sample();
    expect(errorCode(() => fs.readFile('/nope'))).toBe('ENOENT');
    expect(errorCode(() => fs.readFile('/var'))).toBe('EISDIR');
    expect(errorCode(() => fs.mkdir('/var'))).toBe('EEXIST');
    expect(errorCode(() => fs.rmdir('/var'))).toBe('ENOTEMPTY');
    expect(errorCode(() => fs.writeFile('/var/www/index.html/x', ''))).toBe('ENOTDIR');
    expect(errorCode(() => fs.mkdir('/a/b'))).toBe('ENOENT');
    expect(errorCode(() => fs.rename('/var', '/var/www/inner'))).toBe('EINVAL');
  });

  it('tracks unflushed changes for the write cache', () => {
    const fs = sample();
    expect(fs.isDirty).toBe(true);
    fs.markClean();
    expect(fs.isDirty).toBe(false);
    fs.writeFile('/new', 'x');
    expect(fs.dirtySinceMs).not.toBeNull();
  });

  it('counts allocated blocks and refuses writes beyond the size', () => {
    const fs = sample();
    const used = fs.usedBytes();
    fs.setSpaceModel({ sizeBytes: used + 8192, metadataUsedBytes: 0, reservedBytes: 0 });
    fs.writeFile('/small', 'x');
    expect(fs.statfs().usedBytes).toBe(used + 4096);
    expect(errorCode(() => fs.writeFile('/big', 'x'.repeat(10_000)))).toBe('ENOSPC');
  });
});

describe('appending', () => {
  it('keeps the size right part after part, and refuses a part past the disk size (ENOSPC)', () => {
    const fs = sample();
    fs.writeFile('/upload', '');
    for (let i = 0; i < 100; i++) fs.writeFile('/upload', `한글 part ${i}\n`, { append: true });
    const text = fs.readFile('/upload');
    expect(fs.stat('/upload').size).toBe(new TextEncoder().encode(text).length);
    fs.setSpaceModel({ sizeBytes: fs.usedBytes() + 4096, metadataUsedBytes: 0, reservedBytes: 0 });
    expect(errorCode(() => fs.writeFile('/upload', 'x'.repeat(8192), { append: true }))).toBe('ENOSPC');
    expect(fs.readFile('/upload')).toBe(text);
  });
});

describe('utf8Length', () => {
  it('counts the bytes TextEncoder would write, for every width and broken surrogates', () => {
    const samples = ['', 'hello world!\n', '한국어 텍스트', 'é', '\u07ff\u0800\uffff', '😀x', 'ab\ud83d\ude00c', '\ud800', 'a\udc00b', '\ud83d'];
    for (const text of samples) expect(utf8Length(text), JSON.stringify(text)).toBe(new TextEncoder().encode(text).length);
  });
});
