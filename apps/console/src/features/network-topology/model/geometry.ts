/** Sizes of the drawn nodes (px at zoom 1). The layout and the node components share them. */
export const SIZES = {
  publicNetwork: { width: 280, height: 64 },
  router: { width: 220, height: 60 },
  loadBalancer: { width: 232, height: 84 },
  instance: { width: 212, height: 80 },
  volume: { width: 102, height: 30 },
  network: { header: 72, padding: 16, gap: 16, minWidth: 300, emptyBody: 52, collapsedBody: 76 },
  /** Between a network's header and its first row of instances. */
  gridTop: 14,
  volumeGap: 8,
} as const;

/** Networks with more instances than this offer to fold them into one group node. */
export const COLLAPSIBLE_FROM = 12;

/**
 * Columns of a network's instance grid. Stepped, so that adding an instance rarely changes the
 * column count (which would move the instances after the first row).
 */
export function columnsFor(count: number): number {
  if (count <= 4) return Math.max(1, count);
  if (count <= 16) return 4;
  if (count <= 60) return 6;
  return 8;
}

export interface GridGeometry {
  columns: number;
  rows: number;
  cellWidth: number;
  cellHeight: number;
  width: number;
  height: number;
}

/**
 * The network box around `cells` grid cells (the highest cell taken + 1, gaps included), each an
 * instance with up to `volumeRows` rows of volumes under it.
 */
export function networkGeometry(cells: number, volumeRows: number): GridGeometry {
  const { header, padding, gap, minWidth, emptyBody } = SIZES.network;
  const columns = columnsFor(cells);
  const rows = Math.ceil(cells / columns);
  const cellWidth = SIZES.instance.width + gap;
  const volumes = volumeRows > 0 ? SIZES.volumeGap + volumeRows * (SIZES.volume.height + SIZES.volumeGap) - SIZES.volumeGap : 0;
  const cellHeight = SIZES.instance.height + volumes + gap;
  const width = Math.max(minWidth, padding * 2 + columns * cellWidth - gap);
  const height = rows === 0 ? header + emptyBody : header + SIZES.gridTop + rows * cellHeight - gap + padding;
  return { columns, rows, cellWidth, cellHeight, width, height };
}

export function cellPosition(slot: number, grid: GridGeometry): { x: number; y: number } {
  return {
    x: SIZES.network.padding + (slot % grid.columns) * grid.cellWidth,
    y: SIZES.network.header + SIZES.gridTop + Math.floor(slot / grid.columns) * grid.cellHeight,
  };
}

/** Volumes sit two by two under their instance. */
export function volumePosition(instance: { x: number; y: number }, index: number): { x: number; y: number } {
  const { volume, instance: box, volumeGap } = SIZES;
  return {
    x: instance.x + (index % 2) * (box.width - volume.width),
    y: instance.y + box.height + volumeGap + Math.floor(index / 2) * (volume.height + volumeGap),
  };
}
