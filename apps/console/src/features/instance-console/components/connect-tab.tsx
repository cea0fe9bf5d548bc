import type { InstanceDto } from '@sandcloud/api-schemas';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { Panel } from '../../../components/ui/table.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { localizeErrorMessage } from '../../../lib/i18n/error-messages.ts';
import { useI18n } from '../../../lib/i18n/i18n.tsx';
import { useConnectInfo } from '../api/get-connect-info.ts';

function Command({ value, label }: { value: string; label: string }) {
  return (
    <div className="flex items-center justify-between gap-2 rounded bg-slate-900 px-3 py-2">
      <code aria-label={label} className="font-mono text-sm break-all text-slate-100">
        {value}
      </code>
      <CopyButton value={value} />
    </div>
  );
}

/** "접속 정보": the guide's two steps to log in with SSH — `chmod 0400 KEY.pem`, then `ssh -i KEY.pem root@…`. */
export function ConnectTab({ projectId, instance }: { projectId: string; instance: InstanceDto }) {
  const { t, language } = useI18n();
  const info = useConnectInfo(projectId, instance);

  if (info.isPending) return <Panel><SkeletonRows /></Panel>;
  if (info.isError) {
    return (
      <Panel>
        <EmptyState message={errorMessage(info.error)} action={<Button onClick={() => void info.refetch()}>{t('common.retry')}</Button>} />
      </Panel>
    );
  }
  const { sshCommand, httpUrl, reasonMessageCode, reasonParams } = info.data;
  // The server's reason, in the selected language when it has a message code.
  const reason = info.data.reason === undefined ? undefined : localizeErrorMessage(language, reasonMessageCode, reasonParams, info.data.reason);

  return (
    <Panel className="space-y-4 p-5">
      <div>
        <h2 className="font-semibold">{t('instanceConnect.title')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('instanceConnect.description')}</p>
      </div>
      {sshCommand ? (
        <div className="space-y-3">
          <div className="space-y-1.5">
            <p className="text-sm">{t('instanceConnect.step.chmod')}</p>
            <Command value={`chmod 0400 ${instance.keyName}.pem`} label="chmod" />
          </div>
          <div className="space-y-1.5">
            <p className="text-sm">{t('instanceConnect.step.ssh')}</p>
            <Command value={sshCommand} label="ssh" />
          </div>
          {/* The server says why SSH would not answer now (no rule for TCP 22, instance stopped…). */}
          {reason ? <Alert tone="warning">{reason}</Alert> : <Alert tone="info">{t('instanceConnect.sshRule')}</Alert>}
          <p className="text-xs text-slate-500">{t('instanceConnect.windows')}</p>
        </div>
      ) : (
        <Alert tone="warning">{reason ?? (instance.floatingIp ? t('instanceConnect.unavailable') : t('instanceConnect.noFloatingIp'))}</Alert>
      )}
      {httpUrl && (
        <p className="text-sm">
          {t('instanceConnect.step.http')}{' '}
          <a href={httpUrl} target="_blank" rel="noreferrer" className="font-mono text-brand-600 hover:underline">
            {httpUrl}
          </a>
        </p>
      )}
    </Panel>
  );
}
