import { describe, expect, it } from 'vitest';
import { formatColumns, formatTable } from './columns.ts';

describe('formatColumns', () => {
  it('puts everything on one line when it fits', () => {
    expect(formatColumns(['anaconda-ks.cfg', 'external', 'index.html'], 80)).toEqual([
      'anaconda-ks.cfg  external  index.html',
    ]);
  });

  it('fills columns top to bottom when it does not fit', () => {
    const items = ['aaaaaaaa', 'bbbbbbbb', 'cccccccc', 'dddddddd', 'eeeeeeee'];
    expect(formatColumns(items, 30)).toEqual(['aaaaaaaa  cccccccc  eeeeeeee', 'bbbbbbbb  dddddddd']);
  });
});

describe('formatTable', () => {
  it('aligns columns with minimum widths', () => {
    expect(formatTable([['Filesystem', 'Size'], ['/dev/vda2', '18G']], ['left', 'right'], [14, 5])).toEqual([
      'Filesystem      Size',
      '/dev/vda2        18G',
    ]);
  });
});
