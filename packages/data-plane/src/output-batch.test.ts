import { describe, expect, it } from 'vitest';
import { OUTPUT_BATCH_INTERVAL_MS, OUTPUT_BATCH_LIMIT, OutputBatch } from './output-batch.ts';

const nextTurn = () => new Promise<void>((done) => setImmediate(done));

async function until(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await nextTurn();
  }
}

describe('OutputBatch', () => {
  it('sends what is written during one turn of the event loop in one write, in order', async () => {
    const sent: string[] = [];
    const sentAt: number[] = [];
    const batch = new OutputBatch((text) => {
      sent.push(text);
      sentAt.push(performance.now());
    });
    for (let line = 0; line < 100; line++) batch.write(`10.0.0.${line} - - "GET / HTTP/1.1" 200 -\r\n`);
    expect(sent).toEqual([]);
    await nextTurn();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.split('\r\n')).toHaveLength(101);
    expect(sent[0]!.startsWith('10.0.0.0 - - ')).toBe(true);
    // A stream that keeps writing goes out at most every OUTPUT_BATCH_INTERVAL_MS.
    batch.write('$ ');
    await until(() => sent.length === 2);
    expect(sentAt[1]! - sentAt[0]!).toBeGreaterThanOrEqual(OUTPUT_BATCH_INTERVAL_MS - 1);
    expect(sent[1]).toBe('$ ');
  });

  it('after a pause, the next write (a keystroke’s echo) goes out at the next turn', async () => {
    const sent: string[] = [];
    const batch = new OutputBatch((text) => sent.push(text));
    batch.write('a');
    await nextTurn();
    await new Promise((done) => setTimeout(done, OUTPUT_BATCH_INTERVAL_MS + 5)); // the pause the test is about
    batch.write('b');
    await nextTurn();
    expect(sent).toEqual(['a', 'b']);
  });

  it('flush sends at once (before an exit status), discard drops, and a full batch does not wait', async () => {
    const sent: string[] = [];
    const batch = new OutputBatch((text) => sent.push(text));
    batch.write('logout\r\n');
    batch.flush();
    await new Promise((done) => setTimeout(done, OUTPUT_BATCH_INTERVAL_MS)); // the interval since that send
    expect(sent).toEqual(['logout\r\n']);
    batch.write('lost');
    batch.discard();
    await nextTurn();
    expect(sent).toEqual(['logout\r\n']);
    batch.write('x'.repeat(OUTPUT_BATCH_LIMIT));
    expect(sent).toHaveLength(2);
    await nextTurn();
    expect(sent).toHaveLength(2);
  });
});
