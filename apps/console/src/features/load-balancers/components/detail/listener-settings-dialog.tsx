import { cookieNameSchema, type LoadBalancerDto, type LoadBalancerListenerDto } from '@sandcloud/api-schemas';
import {
  COOKIE_PERSISTENCE_PROTOCOLS,
  LB_ALGORITHMS,
  LB_LIMITS,
  type LbAlgorithm,
  type SessionPersistenceType,
} from '@sandcloud/domain';
import { useState } from 'react';
import { Alert } from '../../../../components/ui/alert.tsx';
import { Dialog, DialogActions } from '../../../../components/ui/dialog.tsx';
import { Field, inputClass, SelectField } from '../../../../components/ui/field.tsx';
import { useToast } from '../../../../components/ui/toast.tsx';
import { ApiRequestError, errorMessage } from '../../../../lib/api-client.ts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useUpdateListener } from '../../api/update-listener.ts';
import { PersistenceOptions } from '../persistence-options.tsx';

interface ListenerSettingsDialogProps {
  projectId: string;
  loadBalancer: LoadBalancerDto;
  listener: LoadBalancerListenerDto;
  onClose: () => void;
}

type Problems = Partial<Record<'connectionLimit' | 'keepAliveTimeoutSeconds' | 'persistence' | 'cookieName' | 'allowedCidrs', string>>;

const inRange = (text: string, min: number, max: number) => /^\s*\d+\s*$/.test(text) && Number(text) >= min && Number(text) <= max;

/** What can change on a listener in place: algorithm, session persistence, connection limit, keep-alive, allowed CIDRs. */
export function ListenerSettingsDialog({ projectId, loadBalancer, listener, onClose }: ListenerSettingsDialogProps) {
  const t = useT();
  const toast = useToast();
  const update = useUpdateListener(projectId, loadBalancer.id);
  const [lbAlgorithm, setAlgorithm] = useState<LbAlgorithm>(listener.pool.lbAlgorithm);
  const [persistence, setPersistence] = useState<'' | SessionPersistenceType>(listener.pool.sessionPersistence?.type ?? '');
  const [cookieName, setCookieName] = useState(listener.pool.sessionPersistence?.cookieName ?? '');
  const [connectionLimit, setConnectionLimit] = useState(String(listener.connectionLimit));
  const [keepAlive, setKeepAlive] = useState(String(listener.keepAliveTimeoutSeconds));
  const [cidrs, setCidrs] = useState(listener.allowedCidrs.join(', '));
  const [problems, setProblems] = useState<Problems>({});

  const serverField = update.error instanceof ApiRequestError ? update.error.field : undefined;
  const serverProblem = (field: string) => (serverField?.startsWith(field) ? update.error?.message : undefined);

  const submit = () => {
    const next: Problems = {};
    const { connectionLimit: limit, keepAliveTimeoutSeconds: keep } = LB_LIMITS;
    if (!inRange(connectionLimit, limit.min, limit.max)) next.connectionLimit = t('lb.error.range', { field: t('lb.field.connectionLimit'), min: limit.min, max: limit.max });
    if (!inRange(keepAlive, keep.min, keep.max)) next.keepAliveTimeoutSeconds = t('lb.error.range', { field: t('lb.field.keepAlive'), min: keep.min, max: keep.max });
    if ((persistence === 'HTTP_COOKIE' || persistence === 'APP_COOKIE') && !COOKIE_PERSISTENCE_PROTOCOLS.includes(listener.protocol)) {
      next.persistence = t('lb.error.cookieNeedsHttp', { protocol: listener.protocol });
    }
    if (persistence === 'APP_COOKIE' && !cookieNameSchema.safeParse(cookieName).success) next.cookieName = t('lb.error.cookieName');
    setProblems(next);
    if (Object.keys(next).length > 0) return;
    update.mutate(
      {
        listenerId: listener.id,
        lbAlgorithm,
        sessionPersistence: persistence ? { type: persistence, cookieName: persistence === 'APP_COOKIE' ? cookieName.trim() : null } : null,
        connectionLimit: Number(connectionLimit),
        keepAliveTimeoutSeconds: Number(keepAlive),
        allowedCidrs: cidrs
          .split(/[\s,]+/)
          .map((cidr) => cidr.trim())
          .filter(Boolean),
      },
      {
        onSuccess: () => {
          toast.success(t('lb.listenerUpdated', { listener: listener.name }));
          onClose();
        },
      },
    );
  };

  const known = ['connectionLimit', 'keepAliveTimeoutSeconds', 'sessionPersistence', 'allowedCidrs', 'lbAlgorithm'];
  const otherError = update.error && !known.some((field) => serverField?.startsWith(field)) ? errorMessage(update.error) : undefined;

  return (
    <Dialog
      size="lg"
      title={t('lb.listenerSettingsTitle', { listener: listener.name })}
      onClose={onClose}
      footer={<DialogActions onCancel={onClose} submitLabel={t('common.save')} disabled={update.isPending} onSubmit={submit} />}
    >
      <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
        <SelectField label={t('lb.field.algorithm')} error={serverProblem('lbAlgorithm')} value={lbAlgorithm} options={LB_ALGORITHMS} onChange={setAlgorithm} />
        <Field label={t('lb.field.persistence')} error={problems.persistence ?? serverProblem('sessionPersistence.type')}>
          {(id, describedBy) => (
            <select id={id} className={inputClass} aria-describedby={describedBy} value={persistence} onChange={(event) => setPersistence(event.target.value as '' | SessionPersistenceType)}>
              <PersistenceOptions />
            </select>
          )}
        </Field>
        {persistence === 'APP_COOKIE' && (
          <Field label={t('lb.field.cookieName')} error={problems.cookieName ?? serverProblem('sessionPersistence.cookieName')}>
            {(id, describedBy) => <input id={id} className={`${inputClass} font-mono`} aria-describedby={describedBy} value={cookieName} onChange={(event) => setCookieName(event.target.value)} />}
          </Field>
        )}
        <Field label={t('lb.field.connectionLimit')} error={problems.connectionLimit ?? serverProblem('connectionLimit')}>
          {(id, describedBy) => (
            <input id={id} type="number" className={`${inputClass} tabular-nums`} aria-describedby={describedBy} value={connectionLimit} onChange={(event) => setConnectionLimit(event.target.value)} />
          )}
        </Field>
        <Field label={t('lb.field.keepAlive')} error={problems.keepAliveTimeoutSeconds ?? serverProblem('keepAliveTimeoutSeconds')}>
          {(id, describedBy) => (
            <input id={id} type="number" className={`${inputClass} tabular-nums`} aria-describedby={describedBy} value={keepAlive} onChange={(event) => setKeepAlive(event.target.value)} />
          )}
        </Field>
        <div className="md:col-span-2">
          <Field label={t('lb.field.allowedCidrs')} error={problems.allowedCidrs ?? serverProblem('allowedCidrs')} hint={t('lb.hint.allowedCidrs')}>
            {(id, describedBy) => (
              <input id={id} className={`${inputClass} font-mono`} aria-describedby={describedBy} placeholder="0.0.0.0/0" value={cidrs} onChange={(event) => setCidrs(event.target.value)} />
            )}
          </Field>
        </div>
      </div>
      {otherError && (
        <div className="mt-4">
          <Alert tone="error">{otherError}</Alert>
        </div>
      )}
    </Dialog>
  );
}
