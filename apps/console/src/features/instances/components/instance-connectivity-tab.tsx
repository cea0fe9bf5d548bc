import type { InstanceDto } from '@sandcloud/api-schemas';
import { Alert } from '../../../components/ui/alert.tsx';
import { Panel } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { ConnectivityPanel } from '../../floating-ips/index.ts';
import { useTestInstanceConnectivity } from '../api/test-instance-connectivity.ts';

/** "연결 테스트": ping, SSH (22) and HTTP (80) from the Internet, with the verdict's reason. */
export function InstanceConnectivityTab({ projectId, instance }: { projectId: string; instance: InstanceDto }) {
  const t = useT();
  const test = useTestInstanceConnectivity(projectId, instance.id);
  return (
    <Panel className="space-y-4 p-5">
      <div>
        <h2 className="font-semibold">{t('connectivity.title')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('connectivity.description')}</p>
      </div>
      {!instance.floatingIp && <Alert tone="info">{t('connectivity.advice.NO_FLOATING_IP')}</Alert>}
      <ConnectivityPanel run={(kind) => test.mutateAsync({ test: kind })} />
    </Panel>
  );
}
