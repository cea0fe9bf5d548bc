import type { InstanceDto } from '@sandcloud/api-schemas';
import { useEffect, useRef } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useConsoleLog } from '../api/get-console-log.ts';

/**
 * "콘솔 로그": the serial console as Nova's console-log shows it — the kernel's and systemd's boot
 * messages, then cloud-init's output (the user data script's). It follows the boot live: the
 * instance's events refresh it and, while the script runs, it is read every second.
 */
export function InstanceConsoleLogTab({ projectId, instance }: { projectId: string; instance: InstanceDto }) {
  const t = useT();
  const log = useConsoleLog(projectId, instance.id);
  const end = useRef<HTMLPreElement>(null);
  const output = log.data?.output ?? '';
  useEffect(() => {
    const pre = end.current;
    if (pre) pre.scrollTop = pre.scrollHeight;
  }, [output]);

  if (log.isError) {
    return (
      <Alert tone="error">
        {errorMessage(log.error)}{' '}
        <Button onClick={() => void log.refetch()}>{t('common.retry')}</Button>
      </Alert>
    );
  }
  return (
    <section className="space-y-2" aria-label={t('instanceDetail.tab.consoleLog')}>
      <div className="flex items-center justify-between text-sm text-slate-600">
        <span>{log.data?.live ? t('instances.consoleLog.live') : t('instances.consoleLog.hint')}</span>
        <Button onClick={() => void log.refetch()}>{t('instances.consoleLog.refresh')}</Button>
      </div>
      <pre
        ref={end}
        data-testid="console-log"
        className="max-h-[32rem] min-h-[12rem] overflow-auto whitespace-pre-wrap rounded bg-slate-900 p-3 font-mono text-xs text-slate-100"
      >
        {log.isPending ? t('common.loading') : output || t('instances.consoleLog.empty')}
      </pre>
    </section>
  );
}
