import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, OpenFile, resolveRemotePath, TransferError, type FileAccess } from './file-access.ts';
import { parseScpCommand } from './scp-server.ts';

// The pieces the SFTP and scp servers share, on a tiny in-memory text filesystem.

function textFiles(limitBytes = Infinity) {
  const texts = new Map<string, string>();
  let writes = 0;
  let written = 0;
  const files = {
    readFile: (path: string) => {
      const text = texts.get(path);
      if (text === undefined) throw new TransferError('ENOENT', 'No such file or directory');
      return text;
    },
    writeFile: (path: string, data: string, options?: { append?: boolean }) => {
      const text = options?.append ? (texts.get(path) ?? '') + data : data;
      if (Buffer.byteLength(text) > limitBytes) throw new TransferError('ENOSPC', 'No space left on device');
      writes++;
      written += data.length;
      texts.set(path, text);
    },
  } as Partial<FileAccess> as FileAccess;
  return { texts, files: () => files, writes: () => writes, written: () => written };
}

describe('a file open for transfer', () => {
  it('stores UTF-8 text, whole again when a character is split between writes', () => {
    const { texts, files } = textFiles();
    texts.set('/root/a.txt', '');
    const file = new OpenFile(files, '/root/a.txt', { read: true, write: true, append: false });
    const bytes = Buffer.from('한글 ok\n');
    file.write(0, bytes.subarray(0, 2));
    file.commit();
    expect(texts.get('/root/a.txt')).toBe('\uFFFD');
    file.write(2, bytes.subarray(2));
    file.commit();
    expect(texts.get('/root/a.txt')).toBe('한글 ok\n');
    expect(file.read(0, 100)).toEqual(bytes);
    expect(file.read(bytes.length, 100)).toBeNull();
  });

  it('commits a long upload every 256 KiB and at the end, not at every write', () => {
    const { texts, files, writes } = textFiles();
    texts.set('/big.txt', '');
    const file = new OpenFile(files, '/big.txt', { read: false, write: true, append: false });
    const chunk = Buffer.alloc(32 * 1024, 'a');
    for (let i = 0; i < 64; i++) file.write(i * chunk.length, chunk);
    expect(writes()).toBe(8);
    file.commit();
    expect(texts.get('/big.txt')).toHaveLength(2 * 1024 * 1024);
    expect(() => file.read(0, 1)).toThrow(/not opened for reading/);
  });

  it('appends only the new part at each commit of an upload, so a large upload stays linear', () => {
    const { texts, files, written } = textFiles();
    texts.set('/big.txt', '');
    const file = new OpenFile(files, '/big.txt', { read: false, write: true, append: false });
    // 한 is 3 bytes: 32 KiB chunks cut characters at most chunk boundaries.
    const whole = Buffer.from('한'.repeat(700_000));
    for (let at = 0; at < whole.length; at += 32 * 1024) file.write(at, whole.subarray(at, at + 32 * 1024));
    file.commit();
    expect(texts.get('/big.txt')).toBe(whole.toString('utf8'));
    // sftp ends an upload with "truncate to the size written": nothing to rewrite.
    file.truncate(whole.length);
    // Rewriting the file at every commit would hand the guest 4.5 times the upload.
    expect(written()).toBe(whole.toString('utf8').length);
    file.truncate(3);
    expect(texts.get('/big.txt')).toBe('한');
  });

  it('refuses to grow a file past the per-file limit with a clear error, keeping what was written', () => {
    const { texts, files } = textFiles();
    texts.set('/huge.bin', '');
    const file = new OpenFile(files, '/huge.bin', { read: false, write: true, append: false });
    file.write(0, Buffer.alloc(1024, 'a'));
    const refused = (() => {
      try {
        file.write(MAX_FILE_BYTES - 10, Buffer.alloc(11, 'b'));
      } catch (error) {
        return error as TransferError;
      }
    })();
    expect([refused?.code, refused?.message]).toEqual(['EFBIG', 'File too large: a file in the guest holds at most 64 MiB']);
    file.commit();
    expect(texts.get('/huge.bin')).toBe('a'.repeat(1024));
  });

  it('sees what another writer changed, and reports a full disk at the committing write and again at close', () => {
    const { texts, files } = textFiles(300 * 1024);
    texts.set('/notes.txt', 'old\n');
    const reader = new OpenFile(files, '/notes.txt', { read: true, write: false, append: false });
    expect(reader.read(0, 10)?.toString()).toBe('old\n');
    texts.set('/notes.txt', 'changed in the guest\n');
    expect(reader.read(0, 10)?.toString()).toBe('changed in');

    const writer = new OpenFile(files, '/notes.txt', { read: false, write: true, append: true });
    writer.write(0, Buffer.from('appended\n'));
    writer.commit();
    expect(texts.get('/notes.txt')).toBe('changed in the guest\nappended\n');
    expect(() => writer.write(0, Buffer.alloc(400 * 1024, 'x'))).toThrow(/No space left on device/);
    expect(writer.isDirty).toBe(true);
    expect(() => writer.commit()).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(texts.get('/notes.txt')).toBe('changed in the guest\nappended\n');
  });

  it('resolves paths from the home directory', () => {
    expect(resolveRemotePath('/root', '')).toBe('/root');
    expect(resolveRemotePath('/root', '.')).toBe('/root');
    expect(resolveRemotePath('/root', 'site/../index.html')).toBe('/root/index.html');
    expect(resolveRemotePath('/root', '~/a')).toBe('/root/a');
    expect(resolveRemotePath('/root', '/mnt/volume/')).toBe('/mnt/volume');
  });
});

describe('the legacy scp command', () => {
  it('is recognised as OpenSSH runs it, with shell quoting', () => {
    expect(parseScpCommand('scp -t .')).toEqual({ direction: 'sink', recursive: false, preserve: false, targetIsDirectory: false, paths: ['.'] });
    expect(parseScpCommand('scp -r -p -d -t -- /mnt/volume')).toMatchObject({ direction: 'sink', recursive: true, preserve: true, targetIsDirectory: true, paths: ['/mnt/volume'] });
    expect(parseScpCommand(`scp -v -f 'my file.txt' b\\ c.txt "d.txt"`)).toMatchObject({ direction: 'source', paths: ['my file.txt', 'b c.txt', 'd.txt'] });
    expect(parseScpCommand('scp a.txt b.txt')).toBeNull();
    expect(parseScpCommand('cat index.html')).toBeNull();
  });
});
