import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { ApiRequestError, errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useResetSandbox, useSandboxReset } from '../api/reset-sandbox.ts';

/** The administrator's reset of the whole sandbox: every project emptied, every tutorial started over; typed RESET, then progress. */
export function SandboxResetPanel() {
  const t = useT();
  const report = useSandboxReset().data;
  const reset = useResetSandbox();
  const [confirm, setConfirm] = useState('');
  const running = report?.state === 'running';
  const fieldError = reset.error instanceof ApiRequestError && reset.error.field === 'confirm' ? reset.error.message : undefined;
  const total = (report?.removed ?? 0) + (report?.remaining ?? 0);
  return (
    <section className="rounded-lg border border-red-200 bg-white p-5" data-testid="sandbox-reset">
      <h2 className="mb-1 font-semibold">{t('sandbox.all.title')}</h2>
      <p className="mb-3 text-sm text-slate-600">{t('sandbox.all.explain')}</p>
      <div className="flex items-end gap-2">
        <TextField label={t('sandbox.all.typeReset')} value={confirm} onChange={setConfirm} error={fieldError} />
        <Button variant="danger" disabledReason={running ? t('sandbox.reset.running') : undefined} disabled={reset.isPending} onClick={() => reset.mutate({ confirm: confirm as 'RESET' })}>
          {t('sandbox.all.button')}
        </Button>
      </div>
      {reset.isError && !fieldError && <div className="mt-3"><Alert tone="error">{errorMessage(reset.error)}</Alert></div>}
      {report && report.state !== 'idle' && (
        <div className="mt-3" data-testid="sandbox-reset-progress">
          {running ? (
            <>
              <progress className="w-full" max={Math.max(report.projects, 1)} value={report.projectsDone} aria-label={t('sandbox.all.title')} />
              <p className="text-sm text-slate-600">{t('sandbox.all.progress', { done: report.projectsDone, projects: report.projects, removed: report.removed, total })}</p>
            </>
          ) : (
            <Alert tone="success">{t('sandbox.all.done', { projects: report.projects, removed: report.removed, tutorials: report.tutorialsCleared })}</Alert>
          )}
        </div>
      )}
    </section>
  );
}
