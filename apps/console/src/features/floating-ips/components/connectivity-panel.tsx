import type { ConnectivityVerdictDto } from '@sandcloud/api-schemas';
import { CONNECTIVITY_TESTS, type ConnectivityTest } from '@sandcloud/domain';
import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';

type Result = { state: 'running' } | { state: 'done'; verdict: ConnectivityVerdictDto } | { state: 'failed'; message: string };

const TEST_LABELS: Record<ConnectivityTest, MessageKey> = {
  ping: 'connectivity.test.ping',
  ssh: 'connectivity.test.ssh',
  http: 'connectivity.test.http',
};

const ADVICE: Record<ConnectivityVerdictDto['reason']['code'], MessageKey> = {
  NO_FLOATING_IP: 'connectivity.advice.NO_FLOATING_IP',
  NO_INTERNET_GATEWAY: 'connectivity.advice.NO_INTERNET_GATEWAY',
  INSTANCE_NOT_RUNNING: 'connectivity.advice.INSTANCE_NOT_RUNNING',
  NO_MATCHING_RULE: 'connectivity.advice.NO_MATCHING_RULE',
  ALLOWED_BY_RULE: 'connectivity.advice.ALLOWED_BY_RULE',
  NO_LISTENER: 'connectivity.advice.NO_LISTENER',
};

interface ConnectivityPanelProps {
  /** Runs one test against the target (an instance, or a floating IP's target). */
  run: (test: ConnectivityTest) => Promise<ConnectivityVerdictDto>;
  /** Why the tests cannot run now, if they cannot. */
  disabledReason?: string | undefined;
}

/**
 * "연결 테스트": ping / SSH (22) / HTTP (80) from the Internet. Each verdict says which rule let the
 * traffic in, or what is missing (a floating IP, a rule, a running server); ping shows its transcript.
 */
export function ConnectivityPanel({ run, disabledReason }: ConnectivityPanelProps) {
  const t = useT();
  const [results, setResults] = useState<Partial<Record<ConnectivityTest, Result>>>({});

  const start = (test: ConnectivityTest) => {
    setResults((current) => ({ ...current, [test]: { state: 'running' } }));
    run(test).then(
      (verdict) => setResults((current) => ({ ...current, [test]: { state: 'done', verdict } })),
      (error: unknown) => setResults((current) => ({ ...current, [test]: { state: 'failed', message: errorMessage(error) } })),
    );
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        {CONNECTIVITY_TESTS.map((test) => (
          <Button key={test} disabledReason={disabledReason} disabled={results[test]?.state === 'running'} onClick={() => start(test)}>
            {t(TEST_LABELS[test])}
          </Button>
        ))}
        <Button variant="ghost" disabledReason={disabledReason} onClick={() => CONNECTIVITY_TESTS.forEach(start)}>
          {t('connectivity.runAll')}
        </Button>
      </div>
      <div className="space-y-3">
        {CONNECTIVITY_TESTS.map((test) => {
          const result = results[test];
          return (
            <section key={test} aria-label={t(TEST_LABELS[test])} className="rounded-lg border border-slate-200">
              <div className="flex items-center gap-3 border-b border-slate-100 px-4 py-2.5">
                <span className="w-24 font-medium">{t(TEST_LABELS[test])}</span>
                <Verdict result={result} />
                {result?.state === 'done' && <span className="font-mono text-xs text-slate-500">{result.verdict.target}</span>}
              </div>
              {result?.state === 'done' && (
                <div className="space-y-2 px-4 py-3 text-sm">
                  <p className="text-slate-800">{result.verdict.reason.message}</p>
                  {result.verdict.reason.rule && (
                    <p className="text-emerald-800">
                      {t('connectivity.allowedBy', { group: result.verdict.reason.rule.groupName })}{' '}
                      <code className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs">{result.verdict.reason.rule.summary}</code>
                    </p>
                  )}
                  <p className="text-slate-500">{t(ADVICE[result.verdict.reason.code])}</p>
                  {result.verdict.transcript.length > 0 && (
                    <pre aria-label={t('connectivity.transcript')} className="max-h-72 overflow-auto rounded bg-slate-900 px-3 py-2 font-mono text-xs leading-5 text-slate-100">
                      {result.verdict.transcript.join('\n')}
                    </pre>
                  )}
                </div>
              )}
              {result?.state === 'failed' && <p className="px-4 py-3 text-sm text-red-600">{result.message}</p>}
            </section>
          );
        })}
      </div>
    </div>
  );
}

function Verdict({ result }: { result: Result | undefined }) {
  const t = useT();
  if (!result) return <span className="text-xs text-slate-400">{t('connectivity.notRun')}</span>;
  if (result.state === 'running') return <span className="animate-transitional text-xs text-amber-700">{t('connectivity.running')}</span>;
  if (result.state === 'failed') return <span className="text-xs text-red-600">{t('common.error')}</span>;
  return result.verdict.allowed ? (
    <span data-verdict="allowed" className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-600/20 ring-inset">
      ✓ {t('connectivity.allowed')}
    </span>
  ) : (
    <span data-verdict="blocked" className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-700 ring-1 ring-red-600/20 ring-inset">
      ✕ {t('connectivity.blocked')}
    </span>
  );
}
