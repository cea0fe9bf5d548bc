import { useState } from 'react';
import type { ResetReportDto } from '@sandcloud/api-schemas';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { useResetReport } from '../api/reset-project.ts';
import { ResetProjectDialog } from './reset-project-dialog.tsx';

/** The project's sandbox tools (project admins): reset. */
export function SandboxPanel({ projectId, projectName, canManage }: { projectId: string; projectName: string; canManage: boolean }) {
  const t = useT();
  const [resetting, setResetting] = useState(false);
  const report = useResetReport(projectId).data;
  const disabledReason = canManage ? undefined : t('sandbox.adminOnly');
  return (
    <section className="mt-4 rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="mb-3 text-xs font-semibold text-slate-500 uppercase">{t('sandbox.title')}</h2>
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" disabledReason={disabledReason ?? (report?.state === 'running' ? t('sandbox.reset.running') : undefined)} onClick={() => setResetting(true)}>
          {t('sandbox.reset.button')}
        </Button>
      </div>
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
