import type { InstanceDto } from '@sandcloud/api-schemas';
import { lazy, Suspense, useState } from 'react';
import { createPortal } from 'react-dom';
import { Menu, type MenuItem } from '../../../components/ui/menu.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { actionDisabledReason, type MenuAction } from './action-availability.ts';

// The dialogs (and what they need: forms, validation schemas, other features' pickers) load when one is
// first opened, not with every list that shows the menu.
const InstanceActionDialog = lazy(() => import('./instance-action-dialog.tsx').then((module) => ({ default: module.InstanceActionDialog })));

interface InstanceActionMenuProps {
  projectId: string;
  instance: InstanceDto;
  canWrite: boolean;
  onDeleted?: () => void;
}

/** `[추가기능]` of one instance: rename, floating IP, power, resize, rebuild, image, security groups, delete, each with its dialog. */
export function InstanceActionMenu({ projectId, instance, canWrite, onDeleted }: InstanceActionMenuProps) {
  const t = useT();
  const [open, setOpen] = useState<MenuAction | null>(null);
  const item = (action: MenuAction, label: string, extra: Partial<MenuItem> = {}): MenuItem => ({
    label,
    onSelect: () => setOpen(action),
    disabledReason: actionDisabledReason(instance, action, canWrite, t),
    ...extra,
  });
  const close = () => setOpen(null);

  return (
    <>
      <Menu
        label={t('common.actions')}
        ariaLabel={t('instances.actionsFor', { name: instance.name })}
        items={[
          item('rename', t('instances.action.rename')),
          item('associate', t('instances.action.associateFloatingIp'), { separated: true }),
          item('disassociate', t('instances.action.disassociateFloatingIp')),
          item('stop', t('instances.action.stop'), { separated: true }),
          item('start', t('instances.action.start')),
          item('reboot', t('instances.action.reboot')),
          item('hard-reboot', t('instances.action.hardReboot')),
          item('resize', t('instances.action.resize'), { separated: true }),
          item('rebuild', t('instances.action.rebuild')),
          item('create-image', t('instances.action.createImage'), { separated: true }),
          item('change-security-groups', t('instances.action.changeSecurityGroups'), { separated: true }),
          item('delete', t('instances.action.delete'), { separated: true, danger: true }),
        ]}
      />
      {/* The menu sits in a table cell: its dialogs render at the top so they inherit nothing from the row. */}
      {open &&
        createPortal(
          <Suspense fallback={null}>
            <InstanceActionDialog projectId={projectId} instance={instance} action={open} onClose={close} onDeleted={onDeleted} />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
