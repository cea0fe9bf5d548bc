import type { InstanceDto } from '@sandcloud/api-schemas';
import { AssociateFloatingIpDialog, DisassociateFloatingIpDialog } from '../../floating-ips/index.ts';
import { CreateImageDialog } from '../../images/index.ts';
import type { MenuAction } from './action-availability.ts';
import { ChangeSecurityGroupsDialog } from './change-security-groups-dialog.tsx';
import { DeleteInstanceDialog } from './delete-instance-dialog.tsx';
import { PowerActionDialog } from './power-action-dialog.tsx';
import { RebuildInstanceDialog } from './rebuild-instance-dialog.tsx';
import { RenameInstanceDialog } from './rename-instance-dialog.tsx';
import { ResizeInstanceDialog } from './resize-instance-dialog.tsx';

interface InstanceActionDialogProps {
  projectId: string;
  instance: InstanceDto;
  action: MenuAction;
  onClose: () => void;
  onDeleted?: (() => void) | undefined;
}

/** The dialog of one `[추가기능]` item (its own chunk: loaded when the first one is opened). */
export function InstanceActionDialog({ projectId, instance, action, onClose: close, onDeleted }: InstanceActionDialogProps) {
  switch (action) {
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
      return <PowerActionDialog projectId={projectId} instance={instance} action={action} onClose={close} />;
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
  }
}
