import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OUTPUT_BATCH_INTERVAL_MS, OUTPUT_BATCH_LIMIT, OutputBatch } from './output-batch.ts';

// Fake timers: the batch's turns (setImmediate), its interval (setTimeout) and its clock (Date.now)
// move only when the test says, so the intervals are checked exactly and nothing sleeps.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

function recordedBatch() {
  const sent: string[] = [];
  const sentAt: number[] = [];
  const batch = new OutputBatch(
    (text) => {
      sent.push(text);
      sentAt.push(Date.now());
    },
    () => Date.now(),
  );
  return { batch, sent, sentAt };
}

/** Runs what is due now: the next turn of the event loop. */
const nextTurn = () => vi.advanceTimersByTime(0);

describe('OutputBatch', () => {
  it('sends what is written during one turn of the event loop in one write, in order', () => {
    const { batch, sent, sentAt } = recordedBatch();
    for (let line = 0; line < 100; line++) batch.write(`10.0.0.${line} - - "GET / HTTP/1.1" 200 -\r\n`);
    expect(sent).toEqual([]);
    nextTurn();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.split('\r\n')).toHaveLength(101);
    expect(sent[0]!.startsWith('10.0.0.0 - - ')).toBe(true);
    // A stream that keeps writing goes out at most every OUTPUT_BATCH_INTERVAL_MS.
    batch.write('$ ');
    vi.advanceTimersByTime(OUTPUT_BATCH_INTERVAL_MS - 1);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([sent[0], '$ ']);
    expect(sentAt[1]! - sentAt[0]!).toBe(OUTPUT_BATCH_INTERVAL_MS);
  });

  it('after a pause, the next write (a keystroke’s echo) goes out at the next turn', () => {
    const { batch, sent } = recordedBatch();
    batch.write('a');
    nextTurn();
    vi.advanceTimersByTime(OUTPUT_BATCH_INTERVAL_MS + 5); // the pause the test is about
    batch.write('b');
    nextTurn();
    expect(sent).toEqual(['a', 'b']);
  });

  it('flush sends at once (before an exit status), discard drops, and a full batch does not wait', () => {
    const { batch, sent } = recordedBatch();
    batch.write('logout\r\n');
    batch.flush();
    expect(sent).toEqual(['logout\r\n']);
    vi.advanceTimersByTime(OUTPUT_BATCH_INTERVAL_MS);
    batch.write('lost');
    batch.discard();
    nextTurn();
    expect(sent).toEqual(['logout\r\n']);
    batch.write('x'.repeat(OUTPUT_BATCH_LIMIT));
    expect(sent).toHaveLength(2);
    nextTurn();
    expect(sent).toHaveLength(2);
  });
});
