/**
 * The three different "human readable" size formats of the real tools; they
 * disagree on rounding and suffixes, and users compare them to the guide.
 */
const UNITS = ['K', 'M', 'G', 'T', 'P', 'E'];

/**
 * coreutils `df -h` / `du -h`: powers of 1024, rounded *up*, one decimal
 * below 10 ("9.9G", "988M", "18G", "0").
 */
export function coreutilsHuman(bytes: number): string {
  if (bytes < 1024) return String(Math.ceil(bytes));
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (value < 10) {
    const tenths = Math.ceil(value * 10 - 1e-9) / 10;
    if (tenths < 10) return `${tenths.toFixed(1)}${UNITS[unit]}`;
    value = tenths;
  }
  let whole = Math.ceil(value - 1e-9);
  if (whole >= 1024 && unit < UNITS.length - 1) return `1.0${UNITS[unit + 1]}`;
  if (whole < 10) whole = 10;
  return `${whole}${UNITS[unit]}`;
}

/** util-linux `lsblk`: powers of 1024, rounded, one decimal unless whole ("20G", "9.5G", "512M"). */
export function lsblkHuman(bytes: number): string {
  const units = ['B', ...UNITS];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = Math.round(value * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return `${text}${units[unit]}`;
}

/**
 * procps `free -h` from a value in KiB. Legacy procps (3.3.10) prints
 * "992M"/"0B"; modern procps (3.3.17+) prints "992Mi"/"0B".
 */
export function procpsHuman(kib: number, modern: boolean): string {
  if (kib === 0) return '0B';
  let value = kib * 1024;
  let unit = -1;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const suffix = `${UNITS[unit] ?? ''}${modern ? 'i' : ''}`;
  if (value < 10) return `${value.toFixed(1)}${suffix}`;
  return `${Math.round(value)}${suffix}`;
}
