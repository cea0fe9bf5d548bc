import type { LoadBalancerDto } from '@sandcloud/api-schemas';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../../components/ui/alert.tsx';
import { Button } from '../../../../components/ui/button.tsx';
import { Field, inputClass } from '../../../../components/ui/field.tsx';
import { StatusBadge } from '../../../../components/ui/status-badge.tsx';
import { errorMessage, fieldError } from '../../../../lib/api-client.ts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useTestLoadBalancerConnectivity } from '../../api/test-load-balancer-connectivity.ts';

/** "From the Internet, does a connection to the floating IP on this port get through?" — with the reason. */
export function ConnectivityPanel({ projectId, loadBalancer }: { projectId: string; loadBalancer: LoadBalancerDto }) {
  const t = useT();
  const test = useTestLoadBalancerConnectivity(projectId, loadBalancer.id);
  const [port, setPort] = useState(String(loadBalancer.listeners[0]?.protocolPort ?? 80));
  const [problem, setProblem] = useState<string | undefined>();

  const run = (event?: FormEvent) => {
    event?.preventDefault();
    const value = Number(port);
    if (!Number.isInteger(value) || value < 1 || value > 65535) {
      setProblem(t('lb.error.port', { field: t('lb.connectivity.port') }));
      return;
    }
    setProblem(undefined);
    test.mutate({ port: value });
  };
  const verdict = test.data;

  return (
    <section aria-labelledby="lb-connectivity" className="space-y-3">
      <h2 id="lb-connectivity" className="font-semibold">
        {t('lb.connectivity.title')}
      </h2>
      <p className="text-sm text-slate-500">{t('lb.connectivity.description')}</p>
      <form className="flex items-end gap-2" onSubmit={run}>
        <div className="w-40">
          <Field label={t('lb.connectivity.port')} error={problem ?? fieldError(test.error, 'port')}>
            {(id, describedBy) => (
              <input id={id} type="number" min={1} max={65535} className={`${inputClass} tabular-nums`} aria-describedby={describedBy} value={port} onChange={(event) => setPort(event.target.value)} />
            )}
          </Field>
        </div>
        <Button type="submit" variant="primary" disabled={test.isPending}>
          {t('lb.connectivity.run')}
        </Button>
      </form>
      {test.error && !fieldError(test.error, 'port') && <Alert tone="error">{errorMessage(test.error)}</Alert>}
      {verdict && (
        <div data-testid="lb-connectivity-verdict" data-allowed={verdict.allowed} className="space-y-2">
          <Alert tone={verdict.allowed ? 'success' : 'warning'} title={verdict.allowed ? t('lb.connectivity.allowed', { target: verdict.target }) : t('lb.connectivity.blocked', { target: verdict.target })}>
            <span data-reason={verdict.reason.code}>{verdict.reason.message}</span>
          </Alert>
          {verdict.members.length > 0 && (
            <ul className="space-y-1 text-sm">
              {verdict.members.map((member) => (
                <li key={`${member.name}-${member.address}`} className="flex items-center gap-2">
                  <span aria-hidden="true">{member.reachable ? '✓' : '✕'}</span>
                  <span className="font-medium">{member.name}</span>
                  <span className="font-mono text-xs text-slate-500">
                    {member.address}:{member.port}
                  </span>
                  <StatusBadge status={member.operatingStatus} />
                  <span className="text-xs text-slate-500">{member.reason}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
