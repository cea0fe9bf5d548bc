import type { LoadBalancerDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Field, inputClass } from '../../../components/ui/field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useAllocateFloatingIp } from '../api/allocate-floating-ip.ts';
import { useAssociateFloatingIp } from '../api/associate-floating-ip.ts';
import { useFreeFloatingIps } from '../api/get-free-floating-ips.ts';

interface FloatingIpDialogProps {
  projectId: string;
  loadBalancer: LoadBalancerDto;
  onClose: () => void;
}

/** `[Floating IP 연결]` on a load balancer: `[IP 주소]` (or `[+생성]`), `[연결될 포트]` = the VIP, `[연결]`. */
export function FloatingIpDialog({ projectId, loadBalancer, onClose }: FloatingIpDialogProps) {
  const t = useT();
  const toast = useToast();
  const free = useFreeFloatingIps(projectId);
  const allocate = useAllocateFloatingIp(projectId);
  const associate = useAssociateFloatingIp(projectId);
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const ips = free.data ?? [];
  const floatingIpId = ips.some((ip) => ip.id === chosen) ? chosen : (ips[0]?.id ?? '');
  const portId = loadBalancer.vipPortId ?? '';

  const create = () =>
    allocate.mutate(undefined, {
      onSuccess: (created) => {
        setChosen(created.id);
        setProblem(undefined);
        toast.success(t('lb.fip.allocated', { ip: created.address }));
      },
    });

  const submit = () => {
    if (!floatingIpId) {
      setProblem(t('lb.fip.chooseIp'));
      return;
    }
    const address = ips.find((ip) => ip.id === floatingIpId)?.address ?? '';
    associate.mutate(
      { floatingIpId, portId },
      {
        onSuccess: () => {
          toast.success(t('lb.fip.associated', { ip: address, name: loadBalancer.name }));
          onClose();
        },
      },
    );
  };

  const ipError = problem ?? (allocate.error ? errorMessage(allocate.error) : undefined);

  return (
    <Dialog
      title={t('lb.fip.title')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" disabled={associate.isPending || !portId} onClick={submit}>
            {t('lb.fip.connect')}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <Field label={t('lb.fip.ipAddress')} error={ipError}>
          {(id, describedBy) => (
            <div className="flex items-center gap-2">
              {free.isPending ? (
                <div className="h-8 flex-1 animate-pulse rounded bg-slate-100" />
              ) : ips.length === 0 ? (
                <p id={id} className="flex-1 rounded border border-dashed border-slate-300 px-3 py-1.5 text-sm text-slate-500">
                  {t('lb.fip.noneFree')}
                </p>
              ) : (
                <select
                  id={id}
                  className={`${inputClass} font-mono`}
                  aria-describedby={describedBy}
                  aria-invalid={Boolean(ipError)}
                  value={floatingIpId}
                  onChange={(event) => setChosen(event.target.value)}
                >
                  {ips.map((ip) => (
                    <option key={ip.id} value={ip.id}>
                      {ip.address}
                    </option>
                  ))}
                </select>
              )}
              <Button className="shrink-0" disabled={allocate.isPending} onClick={create}>
                {t('lb.fip.allocate')}
              </Button>
            </div>
          )}
        </Field>
        <Field label={t('lb.fip.port')} hint={t('lb.fip.portHint')}>
          {(id, describedBy) => (
            <select id={id} className={inputClass} aria-describedby={describedBy} value={portId} onChange={() => undefined}>
              <option value={portId}>{t('lb.fip.portOption', { name: loadBalancer.name, ip: loadBalancer.vipAddress })}</option>
            </select>
          )}
        </Field>
        {associate.error && <Alert tone="error">{errorMessage(associate.error)}</Alert>}
      </div>
    </Dialog>
  );
}
