import type { InstanceDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { Menu, type MenuItem } from '../../../components/ui/menu.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { AssociateFloatingIpDialog, DisassociateFloatingIpDialog } from '../../floating-ips/index.ts';
import { CreateImageDialog } from '../../images/index.ts';
import { actionDisabledReason, type MenuAction } from './action-availability.ts';
import { ChangeSecurityGroupsDialog } from './change-security-groups-dialog.tsx';
import { DeleteInstanceDialog } from './delete-instance-dialog.tsx';
import { PowerActionDialog } from './power-action-dialog.tsx';
import { RebuildInstanceDialog } from './rebuild-instance-dialog.tsx';
import { RenameInstanceDialog } from './rename-instance-dialog.tsx';
import { ResizeInstanceDialog } from './resize-instance-dialog.tsx';

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

  const dialog = (() => {
    switch (open) {
      case 'associate':
        return instance.portId && instance.privateIp ? (
          <AssociateFloatingIpDialog
            projectId={projectId}
            port={{ id: instance.portId, fixedIp: instance.privateIp, deviceType: 'instance', deviceName: instance.name }}
            onClose={close}
          />
        ) : null;
      case 'disassociate':
        return instance.floatingIpId && instance.floatingIp ? (
          <DisassociateFloatingIpDialog projectId={projectId} floatingIp={{ id: instance.floatingIpId, address: instance.floatingIp }} targetName={instance.name} onClose={close} />
        ) : null;
      case 'stop':
      case 'start':
      case 'reboot':
      case 'hard-reboot':
        return <PowerActionDialog projectId={projectId} instance={instance} action={open} onClose={close} />;
      case 'resize':
        return <ResizeInstanceDialog projectId={projectId} instance={instance} onClose={close} />;
      case 'rebuild':
        return <RebuildInstanceDialog projectId={projectId} instance={instance} onClose={close} />;
      case 'rename':
        return <RenameInstanceDialog projectId={projectId} instance={instance} onClose={close} />;
      case 'change-security-groups':
        return <ChangeSecurityGroupsDialog projectId={projectId} instance={instance} onClose={close} />;
      case 'create-image':
        return <CreateImageDialog projectId={projectId} instance={instance} onClose={close} />;
      case 'delete':
        return <DeleteInstanceDialog projectId={projectId} instance={instance} onClose={close} onDeleted={onDeleted} />;
      case null:
        return null;
    }
  })();

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
      {dialog && createPortal(dialog, document.body)}
    </>
  );
}
