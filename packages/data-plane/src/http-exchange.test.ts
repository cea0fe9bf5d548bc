import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterReads } from './http-exchange.ts';

// Answers that become ready in one turn of the event loop are written together once the turn's
// reads are done (the check phase), in the order they became ready.

afterEach(() => vi.restoreAllMocks());

describe('afterReads', () => {
  it('writes the answers of one turn together, after the turn, in their order', async () => {
    const written: string[] = [];
    afterReads(() => written.push('first'));
    afterReads(() => written.push('second'));
    expect(written).toEqual([]);
    // A promise's reaction (the guest's answer) still comes before the batch goes out.
    await Promise.resolve();
    afterReads(() => written.push('third'));
    expect(written).toEqual([]);
    await new Promise<void>((done) => setImmediate(done));
    expect(written).toEqual(['first', 'second', 'third']);
    afterReads(() => written.push('next turn'));
    await new Promise<void>((done) => setImmediate(done));
    expect(written).toEqual(['first', 'second', 'third', 'next turn']);
  });

  it('writes the other answers when one of them throws', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const written: string[] = [];
    afterReads(() => written.push('before'));
    afterReads(() => {
      throw new Error('socket gone');
    });
    afterReads(() => written.push('after'));
    await new Promise<void>((done) => setImmediate(done));
    expect(written).toEqual(['before', 'after']);
    expect(logged).toHaveBeenCalledTimes(1);
  });
});
