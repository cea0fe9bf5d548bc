import { describe, expect, it } from 'vitest';
import { OUTPUT_BATCH_LIMIT, OutputBatch } from './output-batch.ts';

const nextTurn = () => new Promise<void>((done) => setImmediate(done));

describe('OutputBatch', () => {
  it('sends what is written during one turn of the event loop in one write, in order', async () => {
    const sent: string[] = [];
    const batch = new OutputBatch((text) => sent.push(text));
    for (let line = 0; line < 100; line++) batch.write(`10.0.0.${line} - - "GET / HTTP/1.1" 200 -\r\n`);
    expect(sent).toEqual([]);
    await nextTurn();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.split('\r\n')).toHaveLength(101);
    expect(sent[0]!.startsWith('10.0.0.0 - - ')).toBe(true);
    batch.write('$ ');
    await nextTurn();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toBe('$ ');
  });

  it('flush sends at once (before an exit status), discard drops, and a full batch does not wait', async () => {
    const sent: string[] = [];
    const batch = new OutputBatch((text) => sent.push(text));
    batch.write('logout\r\n');
    batch.flush();
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
