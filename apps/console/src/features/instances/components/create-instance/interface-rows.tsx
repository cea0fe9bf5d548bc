import type { NetworkDto } from '@sandcloud/api-schemas';
import { Button, RowAction } from '../../../../components/ui/button.tsx';
import { FieldSet, inputClass } from '../../../../components/ui/field.tsx';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { MAX_EXTRA_INTERFACES, type WizardInterface } from './wizard-form.ts';

interface InterfaceRowsProps {
  networks: NetworkDto[];
  rows: WizardInterface[];
  /** Fixed IPs are offered only when one instance is launched. */
  single: boolean;
  error: string | undefined;
  onChange: (rows: WizardInterface[]) => void;
}

/**
 * "네트워크 인터페이스 추가": interfaces 2..5 of the instance, each on a subnet of any VPC of the
 * project (`extraNetworks`), with an optional fixed IP when one instance is launched.
 */
export function InterfaceRows({ networks, rows, single, error, onChange }: InterfaceRowsProps) {
  const t = useT();
  const subnets = networks.flatMap((network) => network.subnets.map((subnet) => ({ network, subnet })));
  const update = (at: number, patch: Partial<WizardInterface>) => onChange(rows.map((row, index) => (index === at ? { ...row, ...patch } : row)));
  return (
    <FieldSet legend={t('interfaces.wizardExtra')} error={error}>
      <p className="mb-2 text-xs text-slate-600">{t('interfaces.wizardExtraHint')}</p>
      {rows.length > 0 && (
        <ul className="mb-2 space-y-2">
          {rows.map((row, at) => {
            const n = at + 2;
            return (
              <li key={at} className="flex items-center gap-2" data-wizard-interface={n}>
                <span className="w-6 text-sm text-slate-600">{n}</span>
                <select
                  aria-label={t('interfaces.wizardSubnet', { n })}
                  className={inputClass}
                  value={row.subnetId}
                  onChange={(event) => {
                    const chosen = subnets.find(({ subnet }) => subnet.id === event.target.value);
                    update(at, { subnetId: event.target.value, networkId: chosen?.network.id ?? '' });
                  }}
                >
                  <option value="">{t('interfaces.wizardChooseSubnet')}</option>
                  {subnets.map(({ network, subnet }) => (
                    <option key={subnet.id} value={subnet.id}>
                      {network.name} / {subnet.name} ({subnet.cidr})
                    </option>
                  ))}
                </select>
                {single && (
                  <input
                    aria-label={t('interfaces.wizardFixedIp', { n })}
                    placeholder={t('interfaces.fixedIpHint')}
                    className={`${inputClass} font-mono`}
                    value={row.fixedIp}
                    onChange={(event) => update(at, { fixedIp: event.target.value })}
                  />
                )}
                <RowAction danger aria-label={t('interfaces.wizardRemove', { n })} onClick={() => onChange(rows.filter((_, index) => index !== at))}>
                  {t('common.delete')}
                </RowAction>
              </li>
            );
          })}
        </ul>
      )}
      <Button disabled={rows.length >= MAX_EXTRA_INTERFACES} onClick={() => onChange([...rows, { networkId: '', subnetId: '', fixedIp: '' }])}>
        {t('interfaces.wizardAdd')}
      </Button>
    </FieldSet>
  );
}
