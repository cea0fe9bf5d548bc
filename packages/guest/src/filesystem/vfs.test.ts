import { describe, expect, it } from 'vitest';
import { Filesystem } from './filesystem.ts';
import { expandGlob } from './glob.ts';
import { Vfs } from './vfs.ts';
import { isFsError } from './errors.ts';

function setup(): { vfs: Vfs; root: Filesystem; volume: Filesystem } {
  const root = Filesystem.blank({ fsType: 'ext4', uuid: 'root' });
  root.mkdirp('/root/external');
  root.writeFile('/root/external/hidden-by-mount', 'x');
  root.writeFile('/root/a.txt', 'a');
  root.writeFile('/root/.secret', 's');
  const volume = Filesystem.blank({ fsType: 'ext4', uuid: 'vol' });
  volume.writeFile('/on-volume.txt', 'v');
  const vfs = new Vfs();
  vfs.mount({ source: '/dev/vda2', target: '/', fs: root, fsType: 'ext4', options: 'rw' });
  vfs.mount({ source: '/dev/vdb', target: '/root/external', fs: volume, fsType: 'ext4', options: 'rw' });
  return { vfs, root, volume };
}

describe('Vfs', () => {
  it('routes paths to the filesystem mounted at the longest prefix', () => {
    const { vfs, volume } = setup();
    expect(vfs.readdir('/root/external')).toEqual(['on-volume.txt']);
    vfs.writeFile('/root/external/new.txt', 'n');
    expect(volume.readFile('/new.txt')).toBe('n');
  });

  it('shows the hidden directory again after unmount', () => {
    const { vfs } = setup();
    vfs.unmount('/root/external');
    expect(vfs.readdir('/root/external')).toEqual(['hidden-by-mount']);
  });

  it('refuses to rename across filesystems and to remove mount points', () => {
    const { vfs } = setup();
    const code = (action: () => void): string | undefined => {
      try {
        action();
      } catch (error) {
        return isFsError(error) ? error.code : 'other';
      }
      return undefined;
    };
    expect(code(() => vfs.rename('/root/a.txt', '/root/external/a.txt'))).toBe('EXDEV');
    expect(code(() => vfs.rmdir('/root/external'))).toBe('EBUSY');
  });

  it('requires an existing directory as mount point', () => {
    const { vfs } = setup();
    expect(() => vfs.mount({ source: 'x', target: '/nope', fs: Filesystem.blank({ fsType: 'tmpfs', uuid: 't' }), fsType: 'tmpfs', options: 'rw' })).toThrow();
  });
});

describe('expandGlob', () => {
  it('matches like bash: sorted, hidden files excluded unless asked', () => {
    const { vfs } = setup();
    expect(expandGlob('*', '/root', vfs)).toEqual(['a.txt', 'external']);
    expect(expandGlob('.*', '/root', vfs)).toEqual(['.secret']);
    expect(expandGlob('/root/e*/*.txt', '/', vfs)).toEqual(['/root/external/on-volume.txt']);
    expect(expandGlob('?.txt', '/root', vfs)).toEqual(['a.txt']);
    expect(expandGlob('[ab].txt', '/root', vfs)).toEqual(['a.txt']);
    expect(expandGlob('*.none', '/root', vfs)).toEqual([]);
  });
});
