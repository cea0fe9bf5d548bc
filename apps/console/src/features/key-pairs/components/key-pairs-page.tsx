import type { KeyPairDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, RowAction } from '../../../components/ui/button.tsx';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryList } from '../../../components/ui/query-list.tsx';
import { ActionsTh, Panel, Table, TBody, Td, Th, THead, TimeTd } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { openstackCli } from '../../../lib/openstack-cli.ts';
import { useProjectPermissions } from '../../projects/api/projects.ts';
import { useDeleteKeyPair } from '../api/delete-key-pair.ts';
import { useKeyPairs } from '../api/get-key-pairs.ts';
import { CreateKeyPairDialog } from './create-key-pair-dialog.tsx';
import { ImportKeyPairDialog } from './import-key-pair-dialog.tsx';
import { PublicKeyDialog } from './public-key-dialog.tsx';

type Open = { kind: 'create' } | { kind: 'import' } | { kind: 'view'; keyPair: KeyPairDto } | { kind: 'delete'; keyPair: KeyPairDto } | null;

/** Key Pairs: the keys instances can be created with. */
export function KeyPairsPage() {
  const t = useT();
  const { projectId = '' } = useParams();
  const { readOnlyReason: readOnly } = useProjectPermissions(projectId);
  const keyPairs = useKeyPairs(projectId);
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

  return (
    <div>
      <PageHeader title={t('menu.keyPairs')} description={t('keyPairs.description')} actions={createButtons} />
      <Panel>
        <QueryList query={keyPairs} columns={5} emptyMessage={t('keyPairs.empty')} emptyAction={<div className="flex gap-2">{createButtons}</div>}>
          {(items) => (
            <Table label={t('menu.keyPairs')}>
              <THead>
                <Th>{t('keyPairs.name')}</Th>
                <Th>{t('keyPairs.algorithm')}</Th>
                <Th>{t('keyPairs.fingerprint')}</Th>
                <Th>{t('keyPairs.source')}</Th>
                <Th className="text-right">{t('keyPairs.instanceCount')}</Th>
                <Th>{t('common.createdAt')}</Th>
                <ActionsTh />
              </THead>
              <TBody>
                {items.map((keyPair) => (
                  <tr key={keyPair.id} className="hover:bg-slate-50">
                    <Td className="font-medium">{keyPair.name}</Td>
                    <Td>
                      <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{keyPair.algorithm}</span>
                    </Td>
                    <Td>
                      <span className="inline-flex max-w-[22rem] items-center font-mono text-xs text-slate-700">
                        <span className="truncate" title={keyPair.fingerprint}>
                          {keyPair.fingerprint}
                        </span>
                        <CopyButton value={keyPair.fingerprint} />
                      </span>
                    </Td>
                    <Td className="text-slate-600">{t(keyPair.source === 'generated' ? 'keyPairs.source.generated' : 'keyPairs.source.imported')}</Td>
                    <Td className="text-right tabular-nums">{keyPair.instanceCount}</Td>
                    <TimeTd value={keyPair.createdAt} />
                    <Td className="text-right whitespace-nowrap">
                      <RowAction onClick={() => setOpen({ kind: 'view', keyPair })}>{t('keyPairs.viewPublicKey')}</RowAction>
                      <RowAction danger disabledReason={readOnly} onClick={() => setOpen({ kind: 'delete', keyPair })}>
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
