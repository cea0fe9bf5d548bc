/**
 * GNU ls-style vertical column layout ("ls" on a terminal, bash's completion
 * list): fill columns top to bottom, use as many columns as fit in `width`,
 * two spaces between columns.
 */
export function formatColumns(items: string[], width: number): string[] {
  if (items.length === 0) return [];
  const lengths = items.map((item) => displayWidth(item));
  for (let columns = Math.min(items.length, Math.max(1, Math.floor(width / 3))); columns >= 1; columns--) {
    const rows = Math.ceil(items.length / columns);
    const usedColumns = Math.ceil(items.length / rows);
    const widths: number[] = [];
    for (let c = 0; c < usedColumns; c++) {
      widths.push(Math.max(...lengths.slice(c * rows, (c + 1) * rows)));
    }
    const total = widths.reduce((sum, w) => sum + w, 0) + 2 * (usedColumns - 1);
    if (total > width && columns > 1) continue;
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      let line = '';
      for (let c = 0; c < usedColumns; c++) {
        const index = c * rows + r;
        const item = items[index];
        if (item === undefined) continue;
        const isLast = c === usedColumns - 1 || (c + 1) * rows + r >= items.length;
        line += isLast ? item : item + ' '.repeat((widths[c] ?? 0) - (lengths[index] ?? 0) + 2);
      }
      lines.push(line);
    }
    return lines;
  }
  return items;
}

function displayWidth(text: string): number {
  return [...text].length;
}

/** Pads to a fixed width, aligned left or right (never truncates). */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - text.length));
  return align === 'left' ? text + fill : fill + text;
}

/** Formats rows as a table whose columns are as wide as their widest cell. */
export function formatTable(rows: string[][], aligns: ('left' | 'right')[], minWidths: number[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? minWidths[i] ?? 0, cell.length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 && aligns[i] !== 'right' ? cell : pad(cell, widths[i] ?? 0, aligns[i] ?? 'left')))
      .join(' '),
  );
}
