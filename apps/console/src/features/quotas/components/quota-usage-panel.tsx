import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useSession } from '../../auth/index.ts';
import { useProjectQuotas, useQuotaDefaults } from '../api/quotas.ts';
import { EditQuotaDefaultsDialog, EditQuotasDialog } from './edit-quotas-dialog.tsx';
import { formatQuota, QUOTA_ROWS } from './quota-format.ts';

/** The project overview's usage bars: used / limit of every quota; administrators edit the limits. */
export function QuotaUsagePanel({ projectId }: { projectId: string }) {
  const t = useT();
  const quotas = useProjectQuotas(projectId);
  const isAdmin = useSession().data?.user.isAdmin === true;
  const [editing, setEditing] = useState<'project' | 'defaults' | null>(null);
  const defaults = useQuotaDefaults(isAdmin);

  return (
    <section aria-label={t('quotas.title')} className="mt-4 rounded-lg border border-slate-200 bg-white p-5">
      <div className="mb-3 flex items-center justify-between">
        <h2 className="font-semibold">{t('quotas.title')}</h2>
        <div className="flex gap-2">
          {isAdmin && (
            <Button onClick={() => setEditing('defaults')} disabledReason={!defaults.data ? t('common.loading') : undefined}>
              {t('quotas.editDefaults')}
            </Button>
          )}
          <Button onClick={() => setEditing('project')} disabledReason={!isAdmin ? t('quotas.adminOnly') : !quotas.data ? t('common.loading') : undefined}>
            {t('quotas.edit')}
          </Button>
        </div>
      </div>
      {quotas.error && <p className="text-sm text-red-600">{quotas.error.message}</p>}
      {!quotas.data ? (
        <div className="h-40 animate-pulse rounded bg-slate-100" />
      ) : (
        <ul className="grid grid-cols-1 gap-x-8 gap-y-3 md:grid-cols-2">
          {QUOTA_ROWS.map(({ name, label }) => {
            const { used, limit } = quotas.data[name];
            const percent = limit > 0 ? Math.min(100, (used / limit) * 100) : used > 0 ? 100 : 0;
            const tone = percent >= 100 ? 'bg-red-500' : percent >= 80 ? 'bg-amber-500' : 'bg-brand-500';
            return (
              <li key={name} data-quota={name}>
                <div className="flex justify-between text-xs">
                  <span className="font-medium text-slate-700">{t(label)}</span>
                  <span className="text-slate-500 tabular-nums" data-testid={`quota-${name}`}>
                    {formatQuota(name, used)} / {formatQuota(name, limit)}
                  </span>
                </div>
                <div
                  className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100"
                  role="meter"
                  aria-label={t(label)}
                  aria-valuemin={0}
                  aria-valuemax={limit}
                  aria-valuenow={used}
                >
                  <div className={`h-full ${tone}`} style={{ width: `${percent}%` }} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {editing === 'project' && quotas.data && <EditQuotasDialog projectId={projectId} quotas={quotas.data} onClose={() => setEditing(null)} />}
      {editing === 'defaults' && defaults.data && <EditQuotaDefaultsDialog defaults={defaults.data} onClose={() => setEditing(null)} />}
    </section>
  );
}
