import type { VpcDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, RowAction } from '../../../components/ui/button.tsx';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryList } from '../../../components/ui/query-list.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { ActionsTh, Panel, Table, TBody, Td, Th, THead, TimeTd } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useProjectPermissions } from '../../projects/api/projects.ts';
import { useDeleteVpc, useVpcs } from '../api/vpcs.ts';
import { VpcDialog } from './vpc-dialogs.tsx';

type Open = { kind: 'create' } | { kind: 'edit'; vpc: VpcDto } | { kind: 'delete'; vpc: VpcDto } | null;

/** Network > VPC: create, edit and delete VPCs; each row shows its subnets and routing tables. */
export function VpcsPage() {
  const t = useT();
  const { projectId = '' } = useParams();
  const { readOnlyReason: readOnly } = useProjectPermissions(projectId);
  const vpcs = useVpcs(projectId);
  const remove = useDeleteVpc(projectId);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const create = (
    <Button variant="primary" disabledReason={readOnly} onClick={() => setOpen({ kind: 'create' })}>
      {t('vpcs.create')}
    </Button>
  );

  return (
    <div>
      <PageHeader title={t('menu.vpc')} description={t('vpcs.description')} actions={create} />
      <Panel>
        <QueryList query={vpcs} columns={7} emptyMessage={t('vpcs.empty')} emptyAction={create}>
          {(items) => (
            <Table label={t('menu.vpc')}>
              <THead>
                <Th>{t('common.name')}</Th>
                <Th>{t('common.status')}</Th>
                <Th>{t('vpcs.cidr')}</Th>
                <Th>{t('vpcs.subnets')}</Th>
                <Th>{t('vpcs.routingTables')}</Th>
                <Th>{t('common.createdAt')}</Th>
                <ActionsTh />
              </THead>
              <TBody>
                {items.map((vpc) => (
                  <tr key={vpc.id} className="hover:bg-slate-50">
                    <Td>
                      <div className="font-medium">
                        {vpc.name}
                        {vpc.isDefault && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{t('vpcs.default')}</span>}
                      </div>
                      <div className="font-mono text-xs text-slate-400">{vpc.id}</div>
                    </Td>
                    <Td>
                      <StatusBadge status={vpc.status} />
                    </Td>
                    <Td className="font-mono">{vpc.cidr ?? '—'}</Td>
                    <Td>{vpc.subnets.map((s) => `${s.name} (${s.cidr})`).join(', ') || '—'}</Td>
                    <Td>{vpc.routingTables.map((r) => r.name).join(', ') || '—'}</Td>
                    <TimeTd value={vpc.createdAt} />
                    <Td className="text-right whitespace-nowrap">
                      <RowAction disabledReason={readOnly} onClick={() => setOpen({ kind: 'edit', vpc })} aria-label={`${t('vpcs.edit')} ${vpc.name}`}>
                        {t('vpcs.edit')}
                      </RowAction>
                      <RowAction danger disabledReason={readOnly} onClick={() => setOpen({ kind: 'delete', vpc })} aria-label={`${t('common.delete')} ${vpc.name}`}>
                        {t('common.delete')}
                      </RowAction>
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          )}
        </QueryList>
      </Panel>
      {open?.kind === 'create' && <VpcDialog projectId={projectId} onClose={close} />}
      {open?.kind === 'edit' && <VpcDialog projectId={projectId} vpc={open.vpc} onClose={close} />}
      {open?.kind === 'delete' && (
        <ConfirmMutationDialog
          title={t('vpcs.delete')}
          confirmLabel={t('common.delete')}
          mutation={remove}
          variables={open.vpc.id}
          successMessage={t('vpcs.deleted', { name: open.vpc.name })}
          onSuccess={close}
          onCancel={close}
          cliCommand={`openstack network delete ${open.vpc.name}`}
        >
          <p>{t('vpcs.deleteQuestion', { name: open.vpc.name })}</p>
        </ConfirmMutationDialog>
      )}
    </div>
  );
}
