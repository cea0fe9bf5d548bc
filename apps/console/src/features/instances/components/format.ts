/** "512 MB", "2 GB": RAM as a flavor card or a quota shows it. */
export const formatRam = (megabytes: number): string =>
  megabytes >= 1024 && megabytes % 1024 === 0 ? `${megabytes / 1024} GB` : megabytes >= 1024 ? `${(megabytes / 1024).toFixed(1)} GB` : `${megabytes} MB`;

/** The names a request with `count` creates: name, or name-1, name-2… */
export const instanceNames = (name: string, count: number): string[] =>
  count <= 1 ? [name] : Array.from({ length: count }, (_, index) => `${name}-${index + 1}`);
