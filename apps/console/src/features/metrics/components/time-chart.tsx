import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
}

const HEIGHT = 160;

/** A time-series line chart (uPlot): one line per series over `times` (ms), redrawn as new samples come. */
export function TimeChart({ title, unit, times, series, format = (v) => String(v) }: { title: string; unit: string; times: number[]; series: ChartSeries[]; format?: (value: number) => string }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const shape = series.map((s) => s.label).join('\u0000');
  const data = [times.map((ms) => ms / 1000), ...series.map((s) => s.values)] as uPlot.AlignedData;

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const options: uPlot.Options = {
      width: Math.max(200, element.clientWidth),
      height: HEIGHT,
      scales: { x: { time: true }, y: { range: (_u, min, max) => [0, Math.max(max, min + 1) * 1.1] } },
      axes: [{ stroke: '#64748b' }, { stroke: '#64748b', size: 60, values: (_u, ticks) => ticks.map((tick) => format(tick)) }],
      series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 1.5, spanGaps: false }))],
      legend: { show: true },
    };
    const created = new uPlot(options, data, element);
    chart.current = created;
    const resize = new ResizeObserver(() => created.setSize({ width: Math.max(200, element.clientWidth), height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      created.destroy();
      chart.current = null;
    };
    // The chart is rebuilt only when its lines change; new samples go through setData below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape]);

  useEffect(() => {
    chart.current?.setData(data);
  });

  const latest: (number | null)[] = series.map((s) => s.values[s.values.length - 1] ?? null);
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3">
      <figcaption className="mb-1 flex items-baseline justify-between text-sm">
        <span className="font-medium">{title}</span>
        <span className="text-xs text-slate-500">{unit}</span>
      </figcaption>
      <div ref={host} />
      <dl className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-600">
        {series.map((s, index) => (
          <div key={s.label} className="flex gap-1">
            <dt>{s.label}</dt>
            <dd className="font-medium tabular-nums" data-latest={latest[index] ?? ''}>
              {formatLatest(latest[index], format)}
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}

const formatLatest = (value: number | null | undefined, format: (value: number) => string) => (value === null || value === undefined ? '—' : format(value));
