import type { FloatingIpDto } from '@sandcloud/api-schemas';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useTestFloatingIpConnectivity } from '../api/test-floating-ip-connectivity.ts';
import { ConnectivityPanel } from './connectivity-panel.tsx';

export function FloatingIpConnectivityDialog({ projectId, floatingIp, onClose }: { projectId: string; floatingIp: FloatingIpDto; onClose: () => void }) {
  const t = useT();
  const test = useTestFloatingIpConnectivity(projectId, floatingIp.id);
  return (
    <Dialog title={t('connectivity.titleFor', { target: floatingIp.address })} size="lg" onClose={onClose} footer={<Button onClick={onClose}>{t('common.close')}</Button>}>
      <p className="mb-4 text-sm text-slate-600">{t('connectivity.description')}</p>
      <ConnectivityPanel run={(kind) => test.mutateAsync({ test: kind })} />
    </Dialog>
  );
}
