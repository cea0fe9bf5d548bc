import type { FloatingIpDto } from '@sandcloud/api-schemas';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { BulkDeleteButton, ConfirmDeleteDialog, createdAtColumn, DataTable, RowActions, useListParams, useRowSelection, type ListColumn } from '../../../components/data-table/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { Panel } from '../../../components/ui/table.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { openstackCli } from '../../../lib/openstack-cli.ts';
import { routes } from '../../../lib/routes.ts';
import { useProjectPermissions } from '../../../lib/projects.ts';
import { useSettings } from '../../settings/index.ts';
import { useAllocateFloatingIp } from '../api/allocate-floating-ip.ts';
import { useFloatingIpPage } from '../api/get-floating-ips.ts';
import { useReleaseFloatingIp } from '../api/release-floating-ip.ts';
import { AssociateFloatingIpDialog } from './associate-floating-ip-dialog.tsx';
import { DisassociateFloatingIpDialog } from './disassociate-floating-ip-dialog.tsx';
import { FloatingIpEndpoint } from './floating-ip-endpoint.tsx';
import { FloatingIpConnectivityDialog } from './floating-ip-connectivity-dialog.tsx';

type Open =
  | { kind: 'associate'; floatingIp: FloatingIpDto }
  | { kind: 'disassociate'; floatingIp: FloatingIpDto }
  | { kind: 'release'; floatingIp: FloatingIpDto }
  | { kind: 'test'; floatingIp: FloatingIpDto }
  | { kind: 'bulk-release' }
  | null;

/** Floating IPs: public addresses of the project, and what each one forwards to. */
export function FloatingIpsPage() {
  const t = useT();
  const toast = useToast();
  const { projectId = '' } = useParams();
  const { readOnlyReason: readOnly } = useProjectPermissions(projectId);
  const list = useListParams(['attached']);
  const floatingIps = useFloatingIpPage(projectId, list.params);
  const selection = useRowSelection<FloatingIpDto>();
  const allocate = useAllocateFloatingIp(projectId);
  const release = useReleaseFloatingIp(projectId);
  const myIp = useSettings().data?.clientPublicIp;
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);

  const allocateButton = (
    <Button
      variant="primary"
      disabledReason={readOnly}
      disabled={allocate.isPending}
      onClick={() =>
        allocate.mutate(undefined, {
          onSuccess: (created) => toast.success(t('floatingIps.allocated', { ip: created.address })),
          onError: (error) => toast.error(errorMessage(error)),
        })
      }
    >
      {t('floatingIps.allocate')}
    </Button>
  );

  const columns = useMemo(
    (): ListColumn<FloatingIpDto, 'floating-ips'>[] => [
      {
        id: 'address',
        header: t('floatingIps.ipAddress'),
        sortField: 'address',
        hideable: false,
        cell: (floatingIp) => (
          <span className="inline-flex items-center font-mono">
            {floatingIp.address}
            <CopyButton value={floatingIp.address} />
          </span>
        ),
      },
      { id: 'endpoint', header: t('floatingIps.localEndpoint'), cell: (floatingIp) => <FloatingIpEndpoint projectId={projectId} floatingIp={floatingIp} /> },
      {
        id: 'status',
        header: t('common.status'),
        sortField: 'status',
        cell: (floatingIp) => <StatusBadge status={floatingIp.status} label={t(floatingIp.status === 'ACTIVE' ? 'floatingIps.status.active' : 'floatingIps.status.down')} />,
      },
      {
        id: 'target',
        header: t('floatingIps.connectedTo'),
        cell: (floatingIp) =>
          floatingIp.target ? (
            floatingIp.target.type === 'instance' ? (
              <Link className="text-brand-600 hover:underline" to={routes.instance({ projectId, instanceId: floatingIp.target.id })}>
                {floatingIp.target.name}
              </Link>
            ) : (
              <span>
                {floatingIp.target.name} <span className="text-xs text-slate-500">({t('floatingIps.deviceType.loadBalancer')})</span>
              </span>
            )
          ) : (
            <span className="text-slate-400">{t('floatingIps.notConnected')}</span>
          ),
      },
      { id: 'fixedIp', header: t('floatingIps.fixedIp'), sortField: 'fixedIp', className: 'font-mono text-xs', cell: (floatingIp) => floatingIp.fixedIp ?? <span className="text-slate-300">—</span> },
      createdAtColumn(t),
    ],
    [t, projectId],
  );

  return (
    <div>
      <PageHeader title={t('menu.floatingIps')} description={t('floatingIps.description')} actions={allocateButton} />
      {myIp && <p className="mb-3 text-xs text-slate-500">{t('floatingIps.myAddress', { ip: myIp })}</p>}
      <Panel>
        <DataTable
          id="floating-ips"
          label={t('menu.floatingIps')}
          columns={columns}
          query={floatingIps}
          list={list}
          rowName={(floatingIp) => floatingIp.address}
          searchLabel={t('table.search')}
          filters={[
            {
              key: 'attached',
              label: t('floatingIps.connectedTo'),
              options: [
                { value: 'true', label: t('floatingIps.status.active') },
                { value: 'false', label: t('floatingIps.notConnected') },
              ],
            },
          ]}
          selection={selection}
          toolbar={
            <BulkDeleteButton count={selection.rows.length} readOnly={readOnly} onClick={() => setOpen({ kind: 'bulk-release' })} />
          }
          actions={(floatingIp) => (
            <RowActions
              name={floatingIp.address}
              actions={[
                floatingIp.portId
                  ? { label: t('floatingIps.disassociate'), disabledReason: readOnly, onSelect: () => setOpen({ kind: 'disassociate', floatingIp }) }
                  : { label: t('floatingIps.associate'), disabledReason: readOnly, onSelect: () => setOpen({ kind: 'associate', floatingIp }) },
                { label: t('connectivity.title'), disabledReason: floatingIp.portId ? undefined : t('floatingIps.reason.notConnected'), onSelect: () => setOpen({ kind: 'test', floatingIp }) },
                { label: t('floatingIps.release'), danger: true, disabledReason: readOnly, onSelect: () => setOpen({ kind: 'release', floatingIp }) },
              ]}
            />
          )}
          emptyMessage={t('floatingIps.empty')}
          emptyAction={allocateButton}
        />
      </Panel>

      {open?.kind === 'associate' && <AssociateFloatingIpDialog projectId={projectId} floatingIp={open.floatingIp} onClose={close} />}
      {open?.kind === 'test' && <FloatingIpConnectivityDialog projectId={projectId} floatingIp={open.floatingIp} onClose={close} />}
      {open?.kind === 'disassociate' && (
        <DisassociateFloatingIpDialog projectId={projectId} floatingIp={open.floatingIp} targetName={open.floatingIp.target?.name ?? ''} onClose={close} />
      )}
      {open?.kind === 'bulk-release' && (
        <ConfirmDeleteDialog
          title={t('floatingIps.releaseTitle')}
          items={selection.rows.map((floatingIp) => ({ id: floatingIp.id, name: floatingIp.address }))}
          remove={(id) => release.mutateAsync(id)}
          onClose={close}
          onDone={() => selection.clear()}
        />
      )}
      {open?.kind === 'release' && (
        <ConfirmMutationDialog
          title={t('floatingIps.releaseTitle')}
          confirmLabel={t('floatingIps.release')}
          mutation={release}
          variables={open.floatingIp.id}
          successMessage={t('floatingIps.released', { ip: open.floatingIp.address })}
          onSuccess={close}
          onCancel={close}
          cliCommand={openstackCli.floatingIpDelete(open.floatingIp.address)}
        >
          <p>{t('floatingIps.releaseConfirm', { ip: open.floatingIp.address })}</p>
          {open.floatingIp.target && <p className="mt-2 text-amber-700">{t('floatingIps.releaseConnected', { target: open.floatingIp.target.name })}</p>}
        </ConfirmMutationDialog>
      )}
    </div>
  );
}
