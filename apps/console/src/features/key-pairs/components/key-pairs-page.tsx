import type { KeyPairDto } from '@sandcloud/api-schemas';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { BulkDeleteButton, ConfirmDeleteDialog, createdAtColumn, DataTable, RowActions, useListParams, useRowSelection, type ListColumn } from '../../../components/data-table/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Panel } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { openstackCli } from '../../../lib/openstack-cli.ts';
import { useProjectPermissions } from '../../../lib/projects.ts';
import { useDeleteKeyPair } from '../api/delete-key-pair.ts';
import { useKeyPairPage } from '../api/get-key-pairs.ts';
import { CreateKeyPairDialog } from './create-key-pair-dialog.tsx';
import { ImportKeyPairDialog } from './import-key-pair-dialog.tsx';
import { PublicKeyDialog } from './public-key-dialog.tsx';

type Open = { kind: 'create' } | { kind: 'import' } | { kind: 'bulk-delete' } | { kind: 'view'; keyPair: KeyPairDto } | { kind: 'delete'; keyPair: KeyPairDto } | null;

/** Key Pairs: the keys instances can be created with. */
export function KeyPairsPage() {
  const t = useT();
  const { projectId = '' } = useParams();
  const { readOnlyReason: readOnly } = useProjectPermissions(projectId);
  const list = useListParams();
  const keyPairs = useKeyPairPage(projectId, list.params);
  const selection = useRowSelection<KeyPairDto>();
  const remove = useDeleteKeyPair(projectId);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);

  const createButtons = (
    <>
      <Button variant="primary" disabledReason={readOnly} onClick={() => setOpen({ kind: 'create' })}>
        {t('keyPairs.create')}
      </Button>
      <Button disabledReason={readOnly} onClick={() => setOpen({ kind: 'import' })}>
        {t('keyPairs.import')}
      </Button>
    </>
  );

  const columns = useMemo(
    (): ListColumn<KeyPairDto, 'key-pairs'>[] => [
      { id: 'name', header: t('keyPairs.name'), sortField: 'name', hideable: false, className: 'font-medium', cell: (keyPair) => keyPair.name },
      {
        id: 'algorithm',
        header: t('keyPairs.algorithm'),
        sortField: 'algorithm',
        cell: (keyPair) => <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{keyPair.algorithm}</span>,
      },
      {
        id: 'fingerprint',
        header: t('keyPairs.fingerprint'),
        cell: (keyPair) => (
          <span className="inline-flex max-w-[22rem] items-center font-mono text-xs text-slate-700">
            <span className="truncate" title={keyPair.fingerprint}>
              {keyPair.fingerprint}
            </span>
            <CopyButton value={keyPair.fingerprint} />
          </span>
        ),
      },
      {
        id: 'source',
        header: t('keyPairs.source'),
        className: 'text-slate-600',
        cell: (keyPair) => t(keyPair.source === 'generated' ? 'keyPairs.source.generated' : 'keyPairs.source.imported'),
      },
      { id: 'instanceCount', header: t('keyPairs.instanceCount'), sortField: 'instanceCount', className: 'text-right tabular-nums', headerClassName: 'text-right', cell: (keyPair) => keyPair.instanceCount },
      createdAtColumn(t),
    ],
    [t],
  );

  return (
    <div>
      <PageHeader title={t('menu.keyPairs')} description={t('keyPairs.description')} actions={createButtons} />
      <Panel>
        <DataTable
          id="key-pairs"
          label={t('menu.keyPairs')}
          columns={columns}
          query={keyPairs}
          list={list}
          searchLabel={t('table.search')}
          selection={selection}
          toolbar={
            <BulkDeleteButton count={selection.rows.length} readOnly={readOnly} onClick={() => setOpen({ kind: 'bulk-delete' })} />
          }
          actions={(keyPair) => (
            <RowActions
              name={keyPair.name}
              actions={[
                { label: t('keyPairs.viewPublicKey'), onSelect: () => setOpen({ kind: 'view', keyPair }) },
                { label: t('common.delete'), danger: true, disabledReason: readOnly, onSelect: () => setOpen({ kind: 'delete', keyPair }) },
              ]}
            />
          )}
          emptyMessage={t('keyPairs.empty')}
          emptyAction={<div className="flex gap-2">{createButtons}</div>}
        />
      </Panel>

      {open?.kind === 'bulk-delete' && (
        <ConfirmDeleteDialog
          items={selection.rows}
          remove={(id) => remove.mutateAsync(id)}
          onClose={close}
          onDone={() => selection.clear()}
        />
      )}
      {open?.kind === 'create' && <CreateKeyPairDialog projectId={projectId} onClose={close} />}
      {open?.kind === 'import' && <ImportKeyPairDialog projectId={projectId} onClose={close} />}
      {open?.kind === 'view' && <PublicKeyDialog keyPair={open.keyPair} onClose={close} />}
      {open?.kind === 'delete' && (
        <ConfirmMutationDialog
          title={t('keyPairs.deleteTitle')}
          confirmLabel={t('common.delete')}
          mutation={remove}
          variables={open.keyPair.id}
          successMessage={t('keyPairs.deleted', { name: open.keyPair.name })}
          onSuccess={close}
          onCancel={close}
          cliCommand={openstackCli.keypairDelete(open.keyPair.name)}
        >
          <p>{t('keyPairs.deleteConfirm', { name: open.keyPair.name })}</p>
          {open.keyPair.instanceCount > 0 && <p className="mt-2 text-amber-700">{t('keyPairs.deleteInUse', { count: open.keyPair.instanceCount })}</p>}
        </ConfirmMutationDialog>
      )}
    </div>
  );
}
