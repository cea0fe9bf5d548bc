import type { InstanceDto } from '@sandcloud/api-schemas';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '../../../components/ui/button.tsx';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { DescriptionList } from '../../../components/ui/description-list.tsx';
import { Panel } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useFormat } from '../../../lib/i18n/use-format.ts';
import { routes } from '../../../lib/routes.ts';
import { AssociateFloatingIpDialog, DisassociateFloatingIpDialog } from '../../floating-ips/index.ts';
import { useFlavors } from '../api/get-flavors.ts';
import { actionDisabledReason } from './action-availability.ts';
import { ChangeSecurityGroupsDialog } from './change-security-groups-dialog.tsx';
import { formatRam } from './format.ts';
import { InstanceAddress } from './instance-address.tsx';
import { InstanceMetadataSection } from './instance-metadata-section.tsx';
import { InstanceStatus } from './instance-status.tsx';

type Open = 'associate' | 'disassociate' | 'security-groups' | null;

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Panel>
      <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
        <h2 className="font-semibold">{title}</h2>
        {action}
      </div>
      <div className="px-5 py-4">{children}</div>
    </Panel>
  );
}

const mono = (value: string) => (
  <span className="inline-flex items-center font-mono text-xs">
    {value}
    <CopyButton value={value} />
  </span>
);

/** Every attribute of the instance, its port and addresses, its security groups and its metadata. */
export function InstanceDetailsTab({ projectId, instance, canWrite }: { projectId: string; instance: InstanceDto; canWrite: boolean }) {
  const t = useT();
  const format = useFormat();
  const flavors = useFlavors(projectId);
  const [open, setOpen] = useState<Open>(null);
  const flavorName = flavors.data?.items.find((flavor) => flavor.id === instance.flavorId)?.name ?? instance.flavorId;
  const close = () => setOpen(null);

  return (
    <div className="space-y-4">
      <Section title={t('instanceDetail.basic')}>
        <DescriptionList
          items={[
            { label: 'ID', value: mono(instance.id) },
            { label: t('common.name'), value: instance.name },
            { label: t('common.description'), value: instance.description || '—' },
            { label: t('common.status'), value: <InstanceStatus instance={instance} /> },
            { label: t('instanceDetail.powerState'), value: instance.powerState },
            { label: t('instances.image'), value: instance.imageName },
            { label: t('instances.flavor'), value: `${flavorName} (${t('instances.flavorSpec', { vcpus: instance.vcpus, ram: formatRam(instance.ramMb) })})` },
            { label: t('instanceDetail.rootDisk'), value: `${instance.rootDiskGb} GB` },
            { label: t('instances.zone'), value: instance.zone },
            { label: t('instances.keyPair'), value: instance.keyName || '—' },
            { label: t('common.createdAt'), value: format.dateTime(instance.createdAt) },
            { label: t('instanceDetail.updatedAt'), value: format.dateTime(instance.updatedAt) },
          ]}
        />
      </Section>

      <Section
        title={t('instanceDetail.network')}
        action={
          instance.floatingIpId ? (
            <Button disabledReason={actionDisabledReason(instance, 'disassociate', canWrite, t)} onClick={() => setOpen('disassociate')}>
              {t('instances.action.disassociateFloatingIp')}
            </Button>
          ) : (
            <Button variant="primary" disabledReason={actionDisabledReason(instance, 'associate', canWrite, t)} onClick={() => setOpen('associate')}>
              {t('instances.action.associateFloatingIp')}
            </Button>
          )
        }
      >
        <DescriptionList
          items={[
            { label: t('instanceDetail.networkName'), value: instance.networkName },
            { label: t('instanceDetail.portId'), value: instance.portId ? mono(instance.portId) : '—' },
            { label: t('instances.privateIp'), value: <InstanceAddress ip={instance.privateIp} label={t('instances.privateIp')} /> },
            {
              label: t('instances.floatingIp'),
              value: instance.floatingIp ? (
                <InstanceAddress ip={instance.floatingIp} label={t('instances.floatingIp')} />
              ) : (
                <span className="text-slate-500">{t('instanceDetail.noFloatingIp')}</span>
              ),
            },
          ]}
        />
      </Section>

      <Section
        title={t('instanceWizard.securityGroups')}
        action={
          <Button disabledReason={actionDisabledReason(instance, 'change-security-groups', canWrite, t)} onClick={() => setOpen('security-groups')}>
            {t('instances.action.changeSecurityGroups')}
          </Button>
        }
      >
        <ul className="flex flex-wrap gap-2">
          {instance.securityGroups.map((group) => (
            <li key={group.id}>
              <Link
                to={routes.securityGroup({ projectId, groupId: group.id })}
                className="inline-block rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-700 hover:bg-brand-50 hover:text-brand-700"
              >
                {group.name}
              </Link>
            </li>
          ))}
        </ul>
      </Section>

      <InstanceMetadataSection projectId={projectId} instance={instance} disabledReason={actionDisabledReason(instance, 'rename', canWrite, t)} />

      {open === 'associate' && instance.portId && instance.privateIp && (
        <AssociateFloatingIpDialog
          projectId={projectId}
          port={{ id: instance.portId, fixedIp: instance.privateIp, deviceType: 'instance', deviceName: instance.name }}
          onClose={close}
        />
      )}
      {open === 'disassociate' && instance.floatingIpId && instance.floatingIp && (
        <DisassociateFloatingIpDialog projectId={projectId} floatingIp={{ id: instance.floatingIpId, address: instance.floatingIp }} targetName={instance.name} onClose={close} />
      )}
      {open === 'security-groups' && <ChangeSecurityGroupsDialog projectId={projectId} instance={instance} onClose={close} />}
    </div>
  );
}
