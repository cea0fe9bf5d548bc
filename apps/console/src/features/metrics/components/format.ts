/** Bytes per second as people read them (B/s, KB/s, MB/s). */
export function formatRate(value: number): string {
  if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(1)} MB/s`;
  if (value >= 1024) return `${(value / 1024).toFixed(1)} KB/s`;
  return `${Math.round(value)} B/s`;
}

export const formatPercent = (value: number) => `${Math.round(value)} %`;
export const formatPerSecond = (value: number) => `${Math.round(value * 10) / 10}/s`;
