import type { FloatingIpDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, RowAction } from '../../../components/ui/button.tsx';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryList } from '../../../components/ui/query-list.tsx';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import { ActionsTh, Panel, Table, TBody, Td, Th, THead, TimeTd } from '../../../components/ui/table.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { openstackCli } from '../../../lib/openstack-cli.ts';
import { paths } from '../../../lib/paths.ts';
import { useProjectPermissions } from '../../projects/api/projects.ts';
import { useSettings } from '../../settings/api/get-settings.ts';
import { useAllocateFloatingIp } from '../api/allocate-floating-ip.ts';
import { useFloatingIps } from '../api/get-floating-ips.ts';
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
  | null;

/** Floating IPs: public addresses of the project, and what each one forwards to. */
export function FloatingIpsPage() {
  const t = useT();
  const toast = useToast();
  const { projectId = '' } = useParams();
  const { readOnlyReason: readOnly } = useProjectPermissions(projectId);
  const floatingIps = useFloatingIps(projectId);
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

  return (
    <div>
      <PageHeader title={t('menu.floatingIps')} description={t('floatingIps.description')} actions={allocateButton} />
      {myIp && <p className="mb-3 text-xs text-slate-500">{t('floatingIps.myAddress', { ip: myIp })}</p>}
      <Panel>
        <QueryList query={floatingIps} columns={5} emptyMessage={t('floatingIps.empty')} emptyAction={allocateButton}>
          {(items) => (
            <Table label={t('menu.floatingIps')}>
              <THead>
                <Th>{t('floatingIps.ipAddress')}</Th>
                <Th>{t('floatingIps.localEndpoint')}</Th>
                <Th>{t('common.status')}</Th>
                <Th>{t('floatingIps.connectedTo')}</Th>
                <Th>{t('floatingIps.fixedIp')}</Th>
                <Th>{t('common.createdAt')}</Th>
                <ActionsTh />
              </THead>
              <TBody>
                {items.map((floatingIp) => (
                  <tr key={floatingIp.id} className="hover:bg-slate-50">
                    <Td>
                      <span className="inline-flex items-center font-mono">
                        {floatingIp.address}
                        <CopyButton value={floatingIp.address} />
                      </span>
                    </Td>
                    <Td>
                      <FloatingIpEndpoint projectId={projectId} floatingIp={floatingIp} />
                    </Td>
                    <Td>
                      <StatusBadge status={floatingIp.status} label={t(floatingIp.status === 'ACTIVE' ? 'floatingIps.status.active' : 'floatingIps.status.down')} />
                    </Td>
                    <Td>
                      {floatingIp.target ? (
                        floatingIp.target.type === 'instance' ? (
                          <Link className="text-brand-600 hover:underline" to={paths.computeSection(projectId, `instances/${floatingIp.target.id}`)}>
                            {floatingIp.target.name}
                          </Link>
                        ) : (
                          <span>
                            {floatingIp.target.name} <span className="text-xs text-slate-500">({t('floatingIps.deviceType.loadBalancer')})</span>
                          </span>
                        )
                      ) : (
                        <span className="text-slate-400">{t('floatingIps.notConnected')}</span>
                      )}
                    </Td>
                    <Td className="font-mono text-xs">{floatingIp.fixedIp ?? <span className="text-slate-300">—</span>}</Td>
                    <TimeTd value={floatingIp.createdAt} />
                    <Td className="text-right whitespace-nowrap">
                      {floatingIp.portId ? (
                        <RowAction disabledReason={readOnly} onClick={() => setOpen({ kind: 'disassociate', floatingIp })}>
                          {t('floatingIps.disassociate')}
                        </RowAction>
                      ) : (
                        <RowAction disabledReason={readOnly} onClick={() => setOpen({ kind: 'associate', floatingIp })}>
                          {t('floatingIps.associate')}
                        </RowAction>
                      )}
                      <RowAction disabledReason={floatingIp.portId ? undefined : t('floatingIps.reason.notConnected')} onClick={() => setOpen({ kind: 'test', floatingIp })}>
                        {t('connectivity.title')}
                      </RowAction>
                      <RowAction danger disabledReason={readOnly} onClick={() => setOpen({ kind: 'release', floatingIp })}>
                        {t('floatingIps.release')}
                      </RowAction>
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          )}
        </QueryList>
      </Panel>

      {open?.kind === 'associate' && <AssociateFloatingIpDialog projectId={projectId} floatingIp={open.floatingIp} onClose={close} />}
      {open?.kind === 'test' && <FloatingIpConnectivityDialog projectId={projectId} floatingIp={open.floatingIp} onClose={close} />}
      {open?.kind === 'disassociate' && (
        <DisassociateFloatingIpDialog projectId={projectId} floatingIp={open.floatingIp} targetName={open.floatingIp.target?.name ?? ''} onClose={close} />
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
