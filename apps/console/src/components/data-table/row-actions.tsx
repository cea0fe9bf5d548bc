import { useT } from '../../lib/i18n/i18n.tsx';
import { RowAction } from '../ui/button.tsx';
import { Menu, type MenuItem } from '../ui/menu.tsx';

/** Up to this many actions show as buttons in the row; more go into the `[추가기능]` menu. */
const INLINE_ACTIONS = 3;

/**
 * A row's actions, the same on every list: a couple of text buttons (`공개 키 보기`, `삭제`), or the
 * `[추가기능]` menu when there are more.
 */
export function RowActions({ name, actions }: { name: string; actions: readonly MenuItem[] }) {
  const t = useT();
  if (actions.length > INLINE_ACTIONS) return <Menu label={t('common.actions')} ariaLabel={t('table.rowActions', { name })} items={actions} />;
  return (
    <>
      {actions.map((action) => (
        <RowAction key={action.label} danger={action.danger} disabledReason={action.disabledReason} onClick={action.onSelect}>
          {action.label}
        </RowAction>
      ))}
    </>
  );
}
