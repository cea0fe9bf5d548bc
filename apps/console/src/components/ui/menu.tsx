import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Fragment, useId } from 'react';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  /** When set, the item is disabled: the reason is its accessible description and its tooltip. */
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
 * A button that opens a list of actions, on Radix's dropdown menu: Enter, Space or ↓ opens it with
 * focus on the first item, arrows and typing a letter move, Escape or Tab closes it and focus
 * returns to the button. The list is in a portal, so a table's overflow never clips it, and it
 * flips upwards when there is no room below. Not modal: a dialog opened from an item takes focus.
 */
export function Menu({ label, items, ariaLabel, align = 'right' }: MenuProps) {
  const menuId = useId();
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        aria-label={ariaLabel}
        className="inline-flex items-center gap-1 rounded border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium whitespace-nowrap text-slate-700 hover:bg-slate-50"
      >
        {label} <span aria-hidden="true">▾</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align={align === 'right' ? 'end' : 'start'}
          sideOffset={4}
          collisionPadding={8}
          aria-label={ariaLabel ?? label}
          className="z-50 w-56 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {items.map((item, index) => {
            const disabled = Boolean(item.disabledReason);
            return (
              <Fragment key={item.label}>
                {item.separated && <DropdownMenu.Separator className="my-1 border-t border-slate-100" />}
                {/* A refused action stays reachable by the arrow keys and says why (its description);
                    choosing it does nothing and keeps the menu open. */}
                <DropdownMenu.Item
                  aria-disabled={disabled || undefined}
                  aria-describedby={disabled ? `${menuId}-${index}-reason` : undefined}
                  title={item.disabledReason}
                  textValue={item.label}
                  onSelect={(event) => (disabled ? event.preventDefault() : item.onSelect())}
                  className={`block w-full px-3 py-1.5 text-left outline-none select-none data-[highlighted]:bg-slate-100 ${
                    disabled ? 'cursor-not-allowed text-slate-500' : item.danger ? 'cursor-pointer text-red-700 hover:bg-red-50' : 'cursor-pointer text-slate-700 hover:bg-slate-100'
                  }`}
                >
                  {item.label}
                  {disabled && (
                    <span id={`${menuId}-${index}-reason`} hidden>
                      {item.disabledReason}
                    </span>
                  )}
                </DropdownMenu.Item>
              </Fragment>
            );
          })}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
