import { useDeferredValue, useEffect, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { ChoiceRow, Field, inputClass } from '../../../components/ui/field.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useKeyPairs } from '../api/get-key-pairs.ts';
import { CreateKeyPairDialog } from './create-key-pair-dialog.tsx';
import { PickerSearch } from '../../../components/ui/picker-search.tsx';

interface KeyPairSelectProps {
  projectId: string;
  /** The key pair's name (what an instance records as keyName). */
  value: string;
  onChange: (name: string) => void;
  error?: string | undefined;
  /** Why `[+ 생성]` is unavailable, if it is. */
  createDisabledReason?: string | undefined;
}

/** `[Key Pair]` of the instance wizard: pick one, or `[+ 생성]` one (which is then selected). */
export function KeyPairSelect({ projectId, value, onChange, error, createDisabledReason }: KeyPairSelectProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const keyPairs = useKeyPairs(projectId, q);
  const [creating, setCreating] = useState(false);
  const items = keyPairs.data?.items ?? [];
  const onlyName = !q && items.length === 1 ? items[0]?.name : undefined;

  // As Horizon does: with exactly one key pair there is nothing to choose.
  useEffect(() => {
    if (!value && onlyName) onChange(onlyName);
  }, [value, onlyName, onChange]);
  // A freshly created key pair may not be in the refetched list yet: keep it selectable meanwhile.
  const names = value && !items.some((keyPair) => keyPair.name === value) ? [value, ...items.map((k) => k.name)] : items.map((k) => k.name);

  return (
    <>
      <PickerSearch of={t('keyPairs.field')} value={search} onChange={setSearch} className="mb-2 max-w-xs" />
      <Field label={t('keyPairs.field')} error={error} hint={t('keyPairs.fieldHint')}>
        {(id, describedBy) => (
          <ChoiceRow
            id={id}
            loading={keyPairs.isPending}
            empty={names.length === 0}
            emptyMessage={q ? t('table.noMatch') : t('keyPairs.noneAvailable')}
            action={
              <Button className="shrink-0" disabledReason={createDisabledReason} onClick={() => setCreating(true)}>
                {t('keyPairs.createShort')}
              </Button>
            }
          >
            <select
              id={id}
              className={inputClass}
              aria-describedby={describedBy}
              aria-invalid={Boolean(error)}
              value={value}
              onChange={(event) => onChange(event.target.value)}
            >
              <option value="">{t('keyPairs.choose')}</option>
              {names.map((name) => {
                const keyPair = items.find((candidate) => candidate.name === name);
                return (
                  <option key={name} value={name}>
                    {keyPair ? `${name} (${keyPair.algorithm})` : name}
                  </option>
                );
              })}
            </select>
          </ChoiceRow>
        )}
      </Field>
      {creating && <CreateKeyPairDialog projectId={projectId} onClose={() => setCreating(false)} onCreated={(keyPair) => onChange(keyPair.name)} />}
    </>
  );
}
