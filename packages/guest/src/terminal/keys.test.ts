import { describe, expect, it } from 'vitest';
import { KeyDecoder } from './keys.ts';

describe('KeyDecoder', () => {
  it('decodes printable text, Enter and Backspace', () => {
    const keys = new KeyDecoder().decode('ls\x7f\r');
    expect(keys).toEqual([
      { type: 'char', char: 'l' },
      { type: 'char', char: 's' },
      { type: 'backspace' },
      { type: 'enter' },
    ]);
  });

  it('treats CR LF as a single Enter', () => {
    expect(new KeyDecoder().decode('a\r\nb')).toHaveLength(3);
  });

  it('decodes arrows in normal and application mode', () => {
    expect(new KeyDecoder().decode('\x1b[A\x1bOB\x1b[3~')).toEqual([{ type: 'up' }, { type: 'down' }, { type: 'delete' }]);
  });

  it('keeps an escape sequence split across chunks', () => {
    const decoder = new KeyDecoder();
    expect(decoder.decode('\x1b[')).toEqual([]);
    expect(decoder.decode('A')).toEqual([{ type: 'up' }]);
  });

  it('maps control characters to ctrl keys', () => {
    expect(new KeyDecoder().decode('\x03\x04')).toEqual([
      { type: 'ctrl', key: 'c' },
      { type: 'ctrl', key: 'd' },
    ]);
  });

  it('keeps non-ASCII characters whole', () => {
    expect(new KeyDecoder().decode('한😀')).toEqual([
      { type: 'char', char: '한' },
      { type: 'char', char: '😀' },
    ]);
  });
});
