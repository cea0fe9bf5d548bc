import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Panel } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { activityCsvUrl, type ActivityFilters } from '../api/get-activity.ts';
import { ACTIVITY_KINDS, ActivityTable, useKindLabel } from './activity-table.tsx';

const PAGE_SIZE = 20;

/** A datetime-local value (local time) as the API's ISO time; empty stays empty. */
const isoOf = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** 활동 로그 / Activity: who changed what in the project, filtered and paged on the server, exportable as CSV. */
export function ActivityPage() {
  const t = useT();
  const kindLabel = useKindLabel();
  const { projectId = '' } = useParams();
  const [form, setForm] = useState({ user: '', resourceKind: '', action: '', from: '', to: '' });
  const [offset, setOffset] = useState(0);
  const filters: ActivityFilters = {
    user: form.user.trim() || undefined,
    resourceKind: form.resourceKind || undefined,
    action: form.action.trim() || undefined,
    from: isoOf(form.from),
    to: isoOf(form.to),
    limit: PAGE_SIZE,
    offset,
  } as ActivityFilters;
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => {
    setForm((current) => ({ ...current, [key]: event.target.value }));
    setOffset(0);
  };
  const input = 'mt-1 block w-full rounded border border-slate-300 px-2 py-1.5 text-sm';

  return (
    <>
      <PageHeader
        title={t('activity.title')}
        description={t('activity.description')}
        actions={
          <a className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50" href={activityCsvUrl(projectId, filters)} download>
            {t('activity.exportCsv')}
          </a>
        }
      />
      <Panel className="mb-4 p-4">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
          <label className="text-xs font-medium text-slate-600">
            {t('activity.user')}
            <input className={input} value={form.user} onChange={set('user')} placeholder={t('activity.userPlaceholder')} />
          </label>
          <label className="text-xs font-medium text-slate-600">
            {t('activity.kind')}
            <select className={input} value={form.resourceKind} onChange={set('resourceKind')}>
              <option value="">{t('activity.all')}</option>
              {ACTIVITY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kindLabel(kind)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-xs font-medium text-slate-600">
            {t('activity.action')}
            <input className={input} value={form.action} onChange={set('action')} placeholder="create, delete, stop…" />
          </label>
          <label className="text-xs font-medium text-slate-600">
            {t('activity.from')}
            <input type="datetime-local" className={input} value={form.from} onChange={set('from')} />
          </label>
          <label className="text-xs font-medium text-slate-600">
            {t('activity.to')}
            <input type="datetime-local" className={input} value={form.to} onChange={set('to')} />
          </label>
        </div>
      </Panel>
      <Panel>
        <ActivityTable projectId={projectId} filters={filters} onPage={setOffset} />
      </Panel>
    </>
  );
}
