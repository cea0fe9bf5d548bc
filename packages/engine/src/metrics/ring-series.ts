/** One sample: its time and a value per field (a field may be missing: a member added later). */
export interface Sample {
  at: number;
  values: Record<string, number>;
}

/** The last `capacity` samples, oldest first, in a fixed array (no allocation per sample once full). */
export class RingSeries {
  private readonly samples: (Sample | undefined)[];
  private next = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    this.samples = new Array<Sample | undefined>(capacity);
  }

  push(sample: Sample): void {
    this.samples[this.next] = sample;
    this.next = (this.next + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
  }

  /** The samples at or after `since`, oldest first. */
  since(since = Number.NEGATIVE_INFINITY): Sample[] {
    const out: Sample[] = [];
    for (let i = 0; i < this.size; i++) {
      const sample = this.samples[(this.next - this.size + i + this.capacity) % this.capacity]!;
      if (sample.at >= since) out.push(sample);
    }
    return out;
  }

  /** Columns for a chart: times and one array per field (null where a sample lacks the field). */
  columns<F extends string>(fields: readonly F[], since?: number): { times: number[]; values: Record<F, (number | null)[]> } {
    const samples = this.since(since);
    const values = {} as Record<F, (number | null)[]>;
    for (const field of fields) values[field] = samples.map((s) => s.values[field] ?? null);
    return { times: samples.map((s) => s.at), values };
  }
}
