import type { FlavorDto, QuotasDto } from '@sandcloud/api-schemas';
import type { MessageKey } from '../../../../lib/i18n/catalog.ts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { formatRam } from '../format.ts';

const ROWS: { key: 'instances' | 'vcpus' | 'ramMb'; label: MessageKey }[] = [
  { key: 'instances', label: 'instanceWizard.quota.instances' },
  { key: 'vcpus', label: 'instanceWizard.quota.vcpus' },
  { key: 'ramMb', label: 'instanceWizard.quota.ram' },
];

/** Remaining quota for instances, vCPUs and RAM, with what this request adds on top of what is used. */
export function QuotaPanel({ quotas, flavor, count }: { quotas: QuotasDto | undefined; flavor: FlavorDto | undefined; count: number }) {
  const t = useT();
  const safeCount = Number.isInteger(count) && count > 0 ? count : 0;
  const request = { instances: safeCount, vcpus: safeCount * (flavor?.vcpus ?? 0), ramMb: safeCount * (flavor?.ramMb ?? 0) };
  const show = (key: 'instances' | 'vcpus' | 'ramMb', value: number) => (key === 'ramMb' ? formatRam(value) : String(value));

  return (
    <section aria-label={t('instanceWizard.quota.title')} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-3 text-sm font-semibold">{t('instanceWizard.quota.title')}</h2>
      {!quotas ? (
        <div className="h-24 animate-pulse rounded bg-slate-100" />
      ) : (
        <div className="space-y-3">
          {ROWS.map(({ key, label }) => {
            const usage = quotas[key];
            const left = Math.max(0, usage.limit - usage.used);
            const over = request[key] > left;
            const usedPct = usage.limit > 0 ? Math.min(100, (usage.used / usage.limit) * 100) : 100;
            const requestPct = usage.limit > 0 ? Math.min(100 - usedPct, (request[key] / usage.limit) * 100) : 0;
            return (
              <div key={key} data-quota={key}>
                <div className="flex justify-between text-xs">
                  <span className="font-medium text-slate-700">{t(label)}</span>
                  <span className={over ? 'font-medium text-red-600' : 'text-slate-500'}>
                    {t('instanceWizard.quota.left', { left: show(key, left), limit: show(key, usage.limit) })}
                  </span>
                </div>
                <div className="mt-1 flex h-2 overflow-hidden rounded-full bg-slate-100">
                  <div className="bg-slate-400" style={{ width: `${usedPct}%` }} />
                  <div className={over ? 'bg-red-500' : 'bg-brand-500'} style={{ width: `${over ? 100 - usedPct : requestPct}%` }} />
                </div>
                <div className="mt-0.5 text-[11px] text-slate-500">
                  {t('instanceWizard.quota.detail', { used: show(key, usage.used), request: show(key, request[key]) })}
                </div>
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
