import type { InstanceDto } from '@sandcloud/api-schemas';
import { INSTANCE_METADATA_MAX_ITEMS, INSTANCE_METADATA_VALUE_MAX_LENGTH, instanceMetadataKeyProblem } from '@sandcloud/domain';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, RowAction } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { ActionsTh, Panel, PanelHeader, Table, TBody, Td, Th, THead } from '../../../components/ui/table.tsx';
import { ApiRequestError, errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useUpdateInstance } from '../api/update-instance.ts';

/** The instance's metadata (key/value tags): listed, added one at a time, removed per row. */
export function InstanceMetadataSection({ projectId, instance, disabledReason }: { projectId: string; instance: InstanceDto; disabledReason: string | undefined }) {
  const t = useT();
  const update = useUpdateInstance(projectId);
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [problems, setProblems] = useState<{ key?: string; value?: string }>({});
  const entries = Object.entries(instance.metadata);

  const save = (metadata: Record<string, string>, onSuccess?: () => void) =>
    update.mutate({ instanceId: instance.id, metadata }, { onSuccess: () => onSuccess?.() });

  const add = (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = key.trim();
    const found: { key?: string; value?: string } = {};
    if (!trimmed) found.key = t('instanceDetail.metadataKeyRequired');
    else if (instanceMetadataKeyProblem(trimmed)) found.key = t('instanceDetail.metadataKeyInvalid');
    else if (!(trimmed in instance.metadata) && entries.length >= INSTANCE_METADATA_MAX_ITEMS) found.key = t('instanceDetail.metadataTooMany', { max: INSTANCE_METADATA_MAX_ITEMS });
    if (value.length > INSTANCE_METADATA_VALUE_MAX_LENGTH) found.value = t('instanceDetail.metadataValueTooLong');
    setProblems(found);
    if (found.key || found.value) return;
    save({ ...instance.metadata, [trimmed]: value }, () => {
      setKey('');
      setValue('');
    });
  };

  const remove = (removed: string) => save(Object.fromEntries(entries.filter(([k]) => k !== removed)));

  // The API names `metadata` or `metadata.<key>`: a server-side refusal goes beside the key field.
  const serverProblem = update.error instanceof ApiRequestError && update.error.field?.startsWith('metadata') ? update.error.message : undefined;

  return (
    <Panel>
      <PanelHeader title={t('instanceDetail.metadata')} />
      {entries.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">{t('instanceDetail.metadataEmpty')}</p>
      ) : (
        <Table label={t('instanceDetail.metadata')}>
          <THead>
            <Th>{t('instanceDetail.metadataKey')}</Th>
            <Th>{t('instanceDetail.metadataValue')}</Th>
            <ActionsTh />
          </THead>
          <TBody>
            {entries.map(([k, v]) => (
              <tr key={k}>
                <Td className="font-mono text-xs">{k}</Td>
                <Td className="font-mono text-xs break-all">{v}</Td>
                <Td className="text-right">
                  <RowAction danger disabledReason={disabledReason} disabled={update.isPending} onClick={() => remove(k)} aria-label={t('instanceDetail.metadataRemove', { key: k })}>
                    {t('common.delete')}
                  </RowAction>
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      <form className="grid grid-cols-[1fr_1fr_auto] items-start gap-3 border-t border-slate-200 px-5 py-4" onSubmit={add} noValidate>
        <TextField label={t('instanceDetail.metadataKey')} error={problems.key ?? serverProblem} maxLength={255} value={key} onChange={setKey} disabled={disabledReason !== undefined} />
        <TextField label={t('instanceDetail.metadataValue')} error={problems.value} value={value} onChange={setValue} disabled={disabledReason !== undefined} />
        <Button type="submit" variant="primary" className="mt-6" disabledReason={disabledReason} disabled={update.isPending}>
          {t('instanceDetail.metadataAdd')}
        </Button>
        <p className="col-span-3 text-xs text-slate-500">{t('instanceDetail.metadataLimit', { max: INSTANCE_METADATA_MAX_ITEMS })}</p>
        {update.error && !serverProblem && (
          <div className="col-span-3">
            <Alert tone="error">{errorMessage(update.error)}</Alert>
          </div>
        )}
      </form>
    </Panel>
  );
}
