import { useRef, useState } from 'react';
import type { ResetReportDto, StateImportReportDto } from '@sandcloud/api-schemas';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { stateDownloadUrl, useImportState } from '../api/project-state.ts';
import { useResetReport } from '../api/reset-project.ts';
import { ResetProjectDialog } from './reset-project-dialog.tsx';

/** The project's sandbox tools (project admins): reset, state export and import. */
export function SandboxPanel({ projectId, projectName, canManage }: { projectId: string; projectName: string; canManage: boolean }) {
  const t = useT();
  const [resetting, setResetting] = useState(false);
  const report = useResetReport(projectId).data;
  const disabledReason = canManage ? undefined : t('sandbox.adminOnly');
  const importState = useImportState(projectId);
  const fileInput = useRef<HTMLInputElement>(null);
  const onFile = (file: File | undefined) => {
    if (file) importState.mutate(file);
    if (fileInput.current) fileInput.current.value = '';
  };
  return (
    <section className="mt-4 rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="mb-3 text-xs font-semibold text-slate-500 uppercase">{t('sandbox.title')}</h2>
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" disabledReason={disabledReason ?? (report?.state === 'running' ? t('sandbox.reset.running') : undefined)} onClick={() => setResetting(true)}>
          {t('sandbox.reset.button')}
        </Button>
        {canManage ? (
          <a className="inline-flex items-center rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50" href={stateDownloadUrl(projectId)} download>
            {t('sandbox.state.export')}
          </a>
        ) : (
          <Button disabledReason={disabledReason}>{t('sandbox.state.export')}</Button>
        )}
        <Button disabledReason={disabledReason ?? (importState.isPending ? t('sandbox.state.importing') : undefined)} onClick={() => fileInput.current?.click()}>
          {t('sandbox.state.import')}
        </Button>
        <input ref={fileInput} type="file" accept=".json,application/json" className="hidden" aria-label={t('sandbox.state.import')} onChange={(e) => onFile(e.target.files?.[0])} />
      </div>
      {importState.isError && <div className="mt-3"><Alert tone="error">{errorMessage(importState.error)}</Alert></div>}
      {importState.data && <ImportResult report={importState.data} />}
      {report && report.state !== 'idle' && <ResetProgress report={report} />}
      {resetting && <ResetProjectDialog projectId={projectId} projectName={projectName} onClose={() => setResetting(false)} />}
    </section>
  );
}

function ResetProgress({ report }: { report: ResetReportDto }) {
  const t = useT();
  const removed = Object.values(report.removed).reduce((sum, n) => sum + n, 0);
  const total = removed + report.remaining;
  return (
    <div className="mt-3" data-testid="reset-progress">
      {report.state === 'running' ? (
        <>
          <progress className="w-full" max={Math.max(total, 1)} value={removed} aria-label={t('sandbox.reset.title')} />
          <p className="text-sm text-slate-600">{t('sandbox.reset.progress', { removed, total })}</p>
        </>
      ) : (
        <Alert tone="success">{t('sandbox.reset.done', { removed })}</Alert>
      )}
    </div>
  );
}

function ImportResult({ report }: { report: StateImportReportDto }) {
  const t = useT();
  const { created } = report;
  return (
    <div className="mt-3" data-testid="import-result">
      <Alert tone="success" title={t('sandbox.state.imported')}>
        {t('sandbox.state.created', { ...created })}
        {report.skipped.length > 0 && (
          <ul className="mt-1 list-disc pl-5">
            {report.skipped.map((skip) => (
              <li key={`${skip.kind}-${skip.name}`}>{t('sandbox.state.skipped', { kind: skip.kind, name: skip.name, reason: skip.reason })}</li>
            ))}
          </ul>
        )}
      </Alert>
    </div>
  );
}
