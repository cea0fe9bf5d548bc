import type { FloatingIpDto, LoadBalancerDto } from '@sandcloud/api-schemas';
import { useDeferredValue, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog, DialogActions } from '../../../components/ui/dialog.tsx';
import { ChoiceRow, Field, inputClass } from '../../../components/ui/field.tsx';
import { FormError } from '../../../components/ui/form-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useAllocateFloatingIp } from '../api/allocate-floating-ip.ts';
import { FloatingIpSelect, useAssociateFloatingIp } from '../../floating-ips/index.ts';
import { useFreeFloatingIps } from '../api/get-free-floating-ips.ts';
import { PickerSearch } from '../../../components/ui/picker-search.tsx';

interface FloatingIpDialogProps {
  projectId: string;
  loadBalancer: LoadBalancerDto;
  onClose: () => void;
}

/** `[Floating IP 연결]` on a load balancer: `[IP 주소]` (or `[+생성]`), `[연결될 포트]` = the VIP, `[연결]`. */
export function FloatingIpDialog({ projectId, loadBalancer, onClose }: FloatingIpDialogProps) {
  const t = useT();
  const toast = useToast();
  const [search, setSearch] = useState('');
  const free = useFreeFloatingIps(projectId, useDeferredValue(search.trim()));
  const allocate = useAllocateFloatingIp(projectId);
  const associate = useAssociateFloatingIp(projectId);
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  // One just allocated (or chosen) stays selectable while a search answers without it.
  const [picked, setPicked] = useState<FloatingIpDto | null>(null);
  const found = free.data ?? [];
  const ips = picked && !found.some((ip) => ip.id === picked.id) ? [picked, ...found] : found;
  const floatingIpId = ips.some((ip) => ip.id === chosen) ? chosen : (ips[0]?.id ?? '');
  const portId = loadBalancer.vipPortId ?? '';

  const create = () =>
    allocate.mutate(undefined, {
      onSuccess: (created) => {
        setChosen(created.id);
        setPicked(created);
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
      footer={<DialogActions onCancel={onClose} submitLabel={t('lb.fip.connect')} disabled={associate.isPending || !portId} onSubmit={submit} />}
    >
      <div className="space-y-4">
        <PickerSearch of={t('lb.fip.ipAddress')} value={search} onChange={setSearch} />
        <Field label={t('lb.fip.ipAddress')} error={ipError}>
          {(id, describedBy) => (
            <ChoiceRow
              id={id}
              loading={free.isPending}
              empty={ips.length === 0}
              emptyMessage={search.trim() ? t('table.noMatch') : t('lb.fip.noneFree')}
              action={
                <Button className="shrink-0" disabled={allocate.isPending} onClick={create}>
                  {t('lb.fip.allocate')}
                </Button>
              }
            >
              <FloatingIpSelect id={id} describedBy={describedBy} invalid={Boolean(ipError)} value={floatingIpId} floatingIps={ips}
                onChange={(id) => {
                  setChosen(id);
                  setPicked(ips.find((ip) => ip.id === id) ?? null);
                }}
              />
            </ChoiceRow>
          )}
        </Field>
        <Field label={t('lb.fip.port')} hint={t('lb.fip.portHint')}>
          {(id, describedBy) => (
            <select id={id} className={inputClass} aria-describedby={describedBy} value={portId} onChange={() => undefined}>
              <option value={portId}>{t('lb.fip.portOption', { name: loadBalancer.name, ip: loadBalancer.vipAddress })}</option>
            </select>
          )}
        </Field>
        <FormError error={associate.error} />
      </div>
    </Dialog>
  );
}
