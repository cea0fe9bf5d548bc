import { useVirtualizer } from '@tanstack/react-virtual';
import type { ReactNode, RefObject } from 'react';

interface VirtualRowsProps {
  /** How many rows the page has. */
  count: number;
  /** The table's scrolling box. */
  scroller: RefObject<HTMLDivElement | null>;
  rowHeight: number;
  /** Columns of the table, for the spacer rows. */
  span: number;
  /** Draws the row at this index of the page. */
  renderRow: (index: number) => ReactNode;
}

/**
 * The rows of a long page, drawn around what is scrolled into view, with a spacer row above and
 * below for the rest (`@tanstack/react-virtual`). A module of its own: lists load it with their first
 * page past the data table's threshold.
 */
export function VirtualRows({ count, scroller, rowHeight, span, renderRow }: VirtualRowsProps) {
  // initialRect: the first paint draws a screenful before the scroller is measured.
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render only, never memoized or passed down
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 12, initialRect: { width: 1200, height: 700 } });
  const items = virtualizer.getVirtualItems();
  const padTop = items.length > 0 ? items[0]!.start : 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  return (
    <>
      {padTop > 0 && (
        <tr aria-hidden="true">
          <td colSpan={span} style={{ height: padTop }} />
        </tr>
      )}
      {items.map((item) => renderRow(item.index))}
      {padBottom > 0 && (
        <tr aria-hidden="true">
          <td colSpan={span} style={{ height: padBottom }} />
        </tr>
      )}
    </>
  );
}
