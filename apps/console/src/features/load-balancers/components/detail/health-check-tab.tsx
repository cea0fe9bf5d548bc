import type { LoadBalancerDto, LoadBalancerListenerDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { Alert } from '../../../../components/ui/alert.tsx';
import { Button } from '../../../../components/ui/button.tsx';
import { Panel } from '../../../../components/ui/table.tsx';
import { useToast } from '../../../../components/ui/toast.tsx';
import { ApiRequestError, errorMessage } from '../../../../lib/api-client.ts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useUpdateHealthMonitor } from '../../api/update-health-monitor.ts';
import { blockedReason } from '../format.ts';
import { HealthMonitorFields } from '../health-monitor-fields.tsx';
import { formFieldOf, healthFormOf, toHealthMonitorRequest, validateHealth, type HealthForm, type WizardErrors } from '../wizard/wizard-form.ts';
import { chosenListener, ListenerSelect } from './listener-select.tsx';

/** Health check: edit the monitor of a listener's pool. */
export function HealthCheckTab({ projectId, loadBalancer, readOnly }: { projectId: string; loadBalancer: LoadBalancerDto; readOnly: string | undefined }) {
  const [listenerId, setListenerId] = useState(loadBalancer.listeners[0]?.id ?? '');
  const listener = chosenListener(loadBalancer.listeners, listenerId);
  if (!listener) return null;
  return (
    <Panel className="p-5">
      <ListenerSelect listeners={loadBalancer.listeners} value={listener.id} onChange={setListenerId} />
      {/* A fresh form per listener. */}
      <HealthCheckForm key={listener.id} projectId={projectId} loadBalancer={loadBalancer} listener={listener} readOnly={readOnly} />
    </Panel>
  );
}

function HealthCheckForm({ projectId, loadBalancer, listener, readOnly }: { projectId: string; loadBalancer: LoadBalancerDto; listener: LoadBalancerListenerDto; readOnly: string | undefined }) {
  const t = useT();
  const toast = useToast();
  const update = useUpdateHealthMonitor(projectId, loadBalancer.id);
  const [form, setForm] = useState<HealthForm>(() => healthFormOf(listener.pool.healthMonitor));
  const [errors, setErrors] = useState<WizardErrors>({});
  const busy = readOnly ?? blockedReason(loadBalancer, 'update', t);

  const serverField = update.error instanceof ApiRequestError ? formFieldOf(update.error.field === 'type' ? 'healthMonitor.type' : update.error.field) : undefined;
  const shown: WizardErrors = { ...errors };
  if (serverField && update.error) shown[serverField] ??= update.error.message;

  const save = () => {
    const problems = validateHealth(form, t);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    update.mutate({ listenerId: listener.id, ...toHealthMonitorRequest(form) }, { onSuccess: () => toast.success(t('lb.healthSaved', { listener: listener.name })) });
  };

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <p className="text-sm text-slate-500">{t('lb.healthDescription')}</p>
      <HealthMonitorFields
        value={form}
        errors={shown}
        disabled={Boolean(readOnly)}
        onChange={(patch) => {
          setForm((current) => ({ ...current, ...patch }));
          if (update.error) update.reset();
        }}
      />
      {update.error && !serverField && <Alert tone="error">{errorMessage(update.error)}</Alert>}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" disabledReason={busy} disabled={update.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
