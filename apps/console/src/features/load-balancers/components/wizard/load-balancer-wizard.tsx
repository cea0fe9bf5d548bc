import type { LoadBalancerDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { Alert } from '../../../../components/ui/alert.tsx';
import { Button } from '../../../../components/ui/button.tsx';
import { Dialog } from '../../../../components/ui/dialog.tsx';
import { useToast } from '../../../../components/ui/toast.tsx';
import { ApiRequestError, errorMessage } from '../../../../lib/api-client.ts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useAddListener } from '../../api/add-listener.ts';
import { useCreateLoadBalancer } from '../../api/create-load-balancer.ts';
import { useLoadBalancerSubnets } from '../../api/get-subnets.ts';
import { HealthMonitorFields } from '../health-monitor-fields.tsx';
import { ConnectionStep } from './connection-step.tsx';
import { DefinitionStep } from './definition-step.tsx';
import { InstancesStep } from './instances-step.tsx';
import { ListenerStep } from './listener-step.tsx';
import {
  formFieldOf,
  initialForm,
  LISTENER_STEPS,
  membersOf,
  STEP_OF_FIELD,
  STEPS,
  toCreateRequest,
  toListenerRequest,
  validateStep,
  type Step,
  type WizardErrors,
  type WizardForm,
  STEP_LABELS,
} from './wizard-form.ts';
import { WizardStepper } from '../../../../components/ui/wizard-stepper.tsx';

interface LoadBalancerWizardProps {
  projectId: string;
  /** Adding a listener to this load balancer: the definition step is skipped. */
  loadBalancer?: LoadBalancerDto;
  onClose: () => void;
  onCreated?: (created: LoadBalancerDto) => void;
}

/**
 * `[+ Load Balancer 생성]`: definition → listener → instances → health check → advanced connection
 * options with a summary, then `[추가]`. Each step validates before `[다음]`; `[이전]` keeps what
 * was typed. The same steps (without the definition) add a listener to an existing load balancer.
 */
export function LoadBalancerWizard({ projectId, loadBalancer, onClose, onCreated }: LoadBalancerWizardProps) {
  const t = useT();
  const toast = useToast();
  const steps = loadBalancer ? LISTENER_STEPS : STEPS;
  const subnets = useLoadBalancerSubnets(projectId);
  const create = useCreateLoadBalancer(projectId);
  const addListener = useAddListener(projectId, loadBalancer?.id ?? '');
  const mutation = loadBalancer ? addListener : create;

  const [form, setForm] = useState<WizardForm>(() => initialForm(membersOf(loadBalancer)));
  const [step, setStep] = useState<Step>(steps[0]!);
  const [reached, setReached] = useState(0);
  const [errors, setErrors] = useState<WizardErrors>({});

  const defaultSubnet = subnets.data?.find((network) => network.name === 'Default Network') ?? subnets.data?.[0];
  const subnetId = loadBalancer ? loadBalancer.vipSubnetId : form.subnetId || defaultSubnet?.subnetId || '';
  const subnet = subnets.data?.find((network) => network.subnetId === subnetId);
  const networkId = loadBalancer ? loadBalancer.networkId : (subnet?.id ?? '');

  // Client problems first; otherwise what the server said, beside the field it named.
  const serverField = mutation.error instanceof ApiRequestError ? formFieldOf(mutation.error.field) : undefined;
  const shownErrors: WizardErrors = { ...errors };
  if (serverField && mutation.error) shownErrors[serverField] ??= mutation.error.message;
  const generalError = mutation.error && !serverField ? errorMessage(mutation.error) : undefined;

  const set = (patch: Partial<WizardForm>) => {
    setForm((current) => {
      const next = { ...current, ...patch };
      // Members belong to a subnet: another subnet starts an empty list.
      if (patch.subnetId !== undefined && patch.subnetId !== current.subnetId) next.members = [];
      return next;
    });
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[key as keyof WizardForm];
      return next;
    });
    if (mutation.error) mutation.reset();
  };

  const go = (target: Step) => {
    setErrors({});
    // The health check usually probes the port traffic goes to.
    if (target === 'health' && !form.monitorPort) setForm((current) => ({ ...current, monitorPort: current.memberPort }));
    setStep(target);
    setReached((current) => Math.max(current, steps.indexOf(target)));
  };
  const index = steps.indexOf(step);
  const next = () => {
    const problems = validateStep(step, form, subnetId, t);
    setErrors(problems);
    const following = steps[index + 1];
    if (Object.keys(problems).length === 0 && following) go(following);
  };
  const back = () => {
    const previous = steps[index - 1];
    if (previous) go(previous);
  };

  const submit = () => {
    for (const candidate of steps) {
      const problems = validateStep(candidate, form, subnetId, t);
      if (Object.keys(problems).length > 0) {
        setStep(candidate);
        setErrors(problems);
        return;
      }
    }
    const onError = (error: Error) => {
      const field = error instanceof ApiRequestError ? formFieldOf(error.field) : undefined;
      if (field && steps.includes(STEP_OF_FIELD[field])) setStep(STEP_OF_FIELD[field]);
    };
    if (loadBalancer) {
      addListener.mutate(toListenerRequest(form), {
        onSuccess: () => {
          toast.success(t('lb.listenerAdded', { listener: `${form.protocol}:${form.protocolPort}`, name: loadBalancer.name }));
          onClose();
        },
        onError,
      });
    } else {
      create.mutate(toCreateRequest(form, subnetId), {
        onSuccess: (created) => {
          toast.success(t('lb.created', { name: created.name, ip: created.vipAddress }));
          onClose();
          onCreated?.(created);
        },
        onError,
      });
    }
  };

  return (
    <Dialog
      size="xl"
      title={loadBalancer ? t('lb.addListenerTitle', { name: loadBalancer.name }) : t('lb.wizard.title')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {index > 0 && <Button onClick={back}>{t('common.back')}</Button>}
          {step === 'connection' ? (
            <Button variant="primary" disabled={mutation.isPending} onClick={submit}>
              {t('common.add')}
            </Button>
          ) : (
            <Button variant="primary" onClick={next}>
              {t('common.next')}
            </Button>
          )}
        </>
      }
    >
      <WizardStepper steps={steps} labelOf={(s) => t(STEP_LABELS[s])} current={step} reached={reached} onGo={go} placement="dialog" />
      <h3 className="mb-4 text-sm font-semibold text-slate-800">{t(`lb.stepTitle.${step}`)}</h3>
      <form
        className="min-h-[16rem]"
        onSubmit={(event) => {
          event.preventDefault();
          if (step === 'connection') submit();
          else next();
        }}
      >
        {step === 'definition' && <DefinitionStep form={form} subnets={subnets.data} subnetId={subnetId} errors={shownErrors} set={set} />}
        {step === 'listener' && <ListenerStep form={form} errors={shownErrors} set={set} />}
        {step === 'instances' && <InstancesStep projectId={projectId} networkId={networkId} members={form.members} errors={shownErrors} onChange={(members) => set({ members })} />}
        {step === 'health' && <HealthMonitorFields value={form} errors={shownErrors} onChange={set} />}
        {step === 'connection' && <ConnectionStep projectId={projectId} form={form} errors={shownErrors} set={set} subnet={loadBalancer ? undefined : subnet} />}
        <button type="submit" hidden />
      </form>
      {generalError && (
        <div className="mt-4">
          <Alert tone="error">{generalError}</Alert>
        </div>
      )}
    </Dialog>
  );
}
