/** One line of /etc/fstab. */
export interface FstabEntry {
  /** "/dev/vdb", "UUID=...", "LABEL=..." */
  spec: string;
  target: string;
  fsType: string;
  options: string[];
  line: number;
}

export function parseFstab(text: string): FstabEntry[] {
  const entries: FstabEntry[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    if (fields.length < 3) return;
    entries.push({
      spec: fields[0] as string,
      target: fields[1] as string,
      fsType: fields[2] as string,
      options: (fields[3] ?? 'defaults').split(','),
      line: index + 1,
    });
  });
  return entries;
}

/** Entries `mount -a` and boot mount: not swap, not the root, not noauto. */
export function autoMountEntries(entries: FstabEntry[]): FstabEntry[] {
  return entries.filter(
    (e) => e.fsType !== 'swap' && e.target !== '/' && e.target !== 'none' && !e.options.includes('noauto'),
  );
}
