import type { AttachablePortDto, FloatingIpDto } from '@sandcloud/api-schemas';
import { useDeferredValue, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog, DialogActions } from '../../../components/ui/dialog.tsx';
import { ChoiceRow, Field, inputClass } from '../../../components/ui/field.tsx';
import { FormError } from '../../../components/ui/form-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { useT, type Translate } from '../../../lib/i18n/i18n.tsx';
import { useAllocateFloatingIp } from '../api/allocate-floating-ip.ts';
import { useAssociateFloatingIp } from '../api/associate-floating-ip.ts';
import { useFreePortSearch } from '../api/get-attachable-ports.ts';
import { useFreeFloatingIps } from '../api/get-floating-ips.ts';
import { FloatingIpSelect } from './floating-ip-select.tsx';
import { PickerSearch } from '../../../components/ui/picker-search.tsx';

/** The port a floating IP will forward to, as the dialog shows it. */
export type PortChoice = Pick<AttachablePortDto, 'id' | 'fixedIp' | 'deviceType' | 'deviceName'>;

interface AssociateFloatingIpDialogProps {
  projectId: string;
  /** From an instance's `[추가기능]`: `[연결될 포트]` is that instance's port. */
  port?: PortChoice;
  /** From the Floating IPs screen: `[IP 주소]` is that address. */
  floatingIp?: FloatingIpDto;
  onClose: () => void;
}

const portLabel = (port: PortChoice, t: Translate) =>
  t('floatingIps.portOption', {
    device: port.deviceName,
    type: t(port.deviceType === 'instance' ? 'floatingIps.deviceType.instance' : 'floatingIps.deviceType.loadBalancer'),
    ip: port.fixedIp,
  });

/**
 * `[Floating IP 연결]`: `[IP 주소]` (a free floating IP, or `[+생성]` one) and `[연결될 포트]`, then `[확인]`.
 * The same dialog serves the instance menu and the Floating IPs screen.
 */
export function AssociateFloatingIpDialog({ projectId, port, floatingIp, onClose }: AssociateFloatingIpDialogProps) {
  const t = useT();
  const toast = useToast();
  const [ipSearch, setIpSearch] = useState('');
  const floatingIps = useFreeFloatingIps(projectId, useDeferredValue(ipSearch.trim()));
  // One just allocated (or chosen) stays selectable while a search answers without it.
  const [pickedIp, setPickedIp] = useState<FloatingIpDto | null>(null);
  const [portSearch, setPortSearch] = useState('');
  const ports = useFreePortSearch(projectId, portSearch, !port);
  const allocate = useAllocateFloatingIp(projectId);
  const associate = useAssociateFloatingIp(projectId);
  const [chosenIpId, setChosenIpId] = useState(floatingIp?.id ?? '');
  const [chosenPortId, setChosenPortId] = useState(port?.id ?? '');
  const [problems, setProblems] = useState<{ ip?: string; port?: string }>({});

  const found = floatingIps.data?.items ?? [];
  const freeIps = floatingIp ? [floatingIp] : pickedIp && !found.some((candidate) => candidate.id === pickedIp.id) ? [pickedIp, ...found] : found;
  const ipId = chosenIpId || (floatingIp ? floatingIp.id : (freeIps[0]?.id ?? ''));
  const portChoices: PortChoice[] = port ? [port] : (ports.data ?? []);
  const portId = chosenPortId || (portChoices.length === 1 ? (portChoices[0]?.id ?? '') : '');

  const create = () =>
    allocate.mutate(undefined, {
      onSuccess: (created) => {
        setChosenIpId(created.id);
        setPickedIp(created);
        toast.success(t('floatingIps.allocated', { ip: created.address }));
      },
    });

  const submit = () => {
    const next = { ip: ipId ? undefined : t('floatingIps.error.chooseIp'), port: portId ? undefined : t('floatingIps.error.choosePort') };
    setProblems(next);
    if (next.ip || next.port) return;
    const address = freeIps.find((candidate) => candidate.id === ipId)?.address ?? '';
    const target = portChoices.find((candidate) => candidate.id === portId);
    associate.mutate(
      { floatingIpId: ipId, portId },
      {
        onSuccess: () => {
          toast.success(t('floatingIps.associated', { ip: address, target: target?.deviceName ?? '' }));
          onClose();
        },
      },
    );
  };

  const ipError = problems.ip ?? allocate.error?.message;
  const portError = problems.port ?? fieldError(associate.error, 'portId');

  return (
    <Dialog
      title={t('floatingIps.associateTitle')}
      onClose={onClose}
      footer={<DialogActions onCancel={onClose} submitLabel={t('common.confirm')} disabled={associate.isPending} onSubmit={submit} />}
    >
      <div className="space-y-4">
        {!floatingIp && (
          <PickerSearch of={t('floatingIps.ipAddress')} value={ipSearch} onChange={setIpSearch} />
        )}
        <Field label={t('floatingIps.ipAddress')} error={ipError}>
          {(id, describedBy) => (
            <ChoiceRow
              id={id}
              loading={floatingIps.isPending && !floatingIp}
              empty={freeIps.length === 0}
              emptyMessage={ipSearch.trim() ? t('table.noMatch') : t('floatingIps.noneFree')}
              action={
                !floatingIp && (
                  <Button className="shrink-0" disabled={allocate.isPending} onClick={create}>
                    {t('floatingIps.allocateShort')}
                  </Button>
                )
              }
            >
              <FloatingIpSelect
                id={id}
                describedBy={describedBy}
                invalid={Boolean(ipError)}
                disabled={Boolean(floatingIp)}
                value={ipId}
                floatingIps={freeIps}
                onChange={(id) => {
                  setChosenIpId(id);
                  setPickedIp(freeIps.find((candidate) => candidate.id === id) ?? null);
                }}
              />
            </ChoiceRow>
          )}
        </Field>
        {!port && (
          <PickerSearch value={portSearch} onChange={setPortSearch} className="w-full" />
        )}
        <Field label={t('floatingIps.port')} error={portError}>
          {(id, describedBy) =>
            !port && ports.isPending ? (
              <div className="h-8 animate-pulse rounded bg-slate-100" />
            ) : portChoices.length === 0 ? (
              <p id={id} className="rounded border border-dashed border-slate-300 px-3 py-1.5 text-sm text-slate-500">
                {t('floatingIps.noPorts')}
              </p>
            ) : (
              <select
                id={id}
                className={inputClass}
                aria-describedby={describedBy}
                aria-invalid={Boolean(portError)}
                disabled={Boolean(port)}
                value={portId}
                onChange={(event) => setChosenPortId(event.target.value)}
              >
                {!portId && <option value="">{t('floatingIps.choosePort')}</option>}
                {portChoices.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {portLabel(candidate, t)}
                  </option>
                ))}
              </select>
            )
          }
        </Field>
        <FormError error={associate.error} fields={['portId']} />
      </div>
    </Dialog>
  );
}
