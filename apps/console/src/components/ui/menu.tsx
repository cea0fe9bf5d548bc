import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  /** When set, the item is disabled and the reason shows as its tooltip. */
  disabledReason?: string | undefined;
  danger?: boolean;
  /** Draws a separator above the item. */
  separated?: boolean;
}

interface MenuProps {
  label: string;
  items: readonly MenuItem[];
  /** Names the button for screen readers when the visible label is not enough (e.g. "More actions for web-1"). */
  ariaLabel?: string;
  align?: 'left' | 'right';
}

/**
 * A button that opens a list of actions. The list is rendered in a portal with fixed position, so a
 * table's overflow never clips it; it follows its button on scroll; Escape or a click outside closes it.
 */
export function Menu({ label, items, ariaLabel, align = 'right' }: MenuProps) {
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const menuId = useId();

  /** Places the list beside its button; called again on scroll and resize so it follows the button. */
  const place = useCallback(() => {
    if (!button.current) return;
    const rect = button.current.getBoundingClientRect();
    const width = 224;
    const left = align === 'right' ? Math.max(8, rect.right - width) : rect.left;
    const height = list.current?.offsetHeight ?? 0;
    // Open upwards when there is no room below.
    const top = rect.bottom + 4 + height > window.innerHeight && rect.top - 4 - height > 0 ? rect.top - 4 - height : rect.bottom + 4;
    setPosition({ top, left });
  }, [align]);

  useLayoutEffect(() => {
    if (open) place();
  }, [open, place]);

  // Once the list is placed (rendered), keyboard focus moves to its first enabled item.
  const placed = position !== null;
  useEffect(() => {
    if (open && placed) list.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [open, placed]);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event.target instanceof Node && (list.current?.contains(event.target) || button.current?.contains(event.target))) return;
      setOpen(false);
    };
    // Scrolling (a table scrolled sideways to reveal the button) must not close the menu: it follows.
    document.addEventListener('mousedown', close);
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      document.removeEventListener('mousedown', close);
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [open, place]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' || event.key === 'Tab') {
      setOpen(false);
      button.current?.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const entries = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = entries.indexOf(document.activeElement as HTMLElement);
    const next = entries[(index + (event.key === 'ArrowDown' ? 1 : entries.length - 1)) % entries.length];
    next?.focus();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={ariaLabel}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex items-center gap-1 rounded border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium whitespace-nowrap text-slate-700 hover:bg-slate-50"
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open &&
        createPortal(
          <div
            ref={list}
            id={menuId}
            role="menu"
            aria-label={ariaLabel ?? label}
            onKeyDown={onKeyDown}
            style={{ top: position?.top ?? -9999, left: position?.left ?? -9999 }}
            className="fixed z-50 w-56 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
          >
            {items.map((item) => {
              const disabled = Boolean(item.disabledReason);
              return (
                <div key={item.label}>
                  {item.separated && <div className="my-1 border-t border-slate-100" />}
                  <button
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    aria-disabled={disabled}
                    title={item.disabledReason}
                    onClick={() => {
                      if (disabled) return;
                      setOpen(false);
                      item.onSelect();
                    }}
                    className={`block w-full px-3 py-1.5 text-left focus:bg-slate-100 focus:outline-none ${
                      disabled
                        ? 'cursor-not-allowed text-slate-400'
                        : item.danger
                          ? 'text-red-600 hover:bg-red-50'
                          : 'text-slate-700 hover:bg-slate-100'
                    }`}
                  >
                    {item.label}
                  </button>
                </div>
              );
            })}
          </div>,
          document.body,
        )}
    </>
  );
}
