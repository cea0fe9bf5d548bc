import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Button } from '../../../components/ui/button.tsx';
import { Field, inputClass } from '../../../components/ui/field.tsx';
import { ApiRequestError, errorMessage } from '../../../lib/api-client.ts';
import { useI18n } from '../../../lib/i18n/i18n.tsx';
import { useLogin, useSession } from '../api/session.ts';
import { LanguageSwitch } from '../../../components/language-switch.tsx';
import { routes } from '../../../lib/routes.ts';

export function LoginPage() {
  const { t } = useI18n();
  const session = useSession();
  const login = useLogin();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const from = (location.state as { from?: string } | null)?.from ?? routes.projects();
  const waitSeconds = useRetryCountdown(login.error);

  if (session.data) return <Navigate to={from} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (waitSeconds > 0) return;
    login.mutate({ username, password });
  };

  const problem = !login.error
    ? undefined
    : waitSeconds > 0
      ? t('login.rateLimited', { seconds: waitSeconds })
      : login.error instanceof ApiRequestError && login.error.code === 'RATE_LIMITED'
        ? undefined // the wait is over: nothing to say until the next attempt
        : login.error instanceof ApiRequestError && login.error.code === 'ACCOUNT_DISABLED'
          ? t('login.disabled')
          : errorMessage(login.error);

  return (
    <div className="flex min-h-screen items-center justify-center bg-gradient-to-br from-slate-900 to-brand-700 p-6">
      <form onSubmit={submit} className="w-full max-w-sm space-y-4 rounded-lg bg-white p-8 shadow-2xl">
        <div className="flex items-center justify-between">
          <span className="text-lg font-bold text-brand-600">☁ {t('app.name')}</span>
          <LanguageSwitch />
        </div>
        <h1 className="text-base font-semibold">{t('login.title')}</h1>
        <Field label={t('login.username')}>
          {(id) => <input id={id} className={inputClass} autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />}
        </Field>
        <Field label={t('login.password')}>
          {(id) => (
            <input id={id} type="password" className={inputClass} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        </Field>
        {problem && (
          <p role="alert" className="text-sm text-red-600">
            {problem}
          </p>
        )}
        <Button type="submit" variant="primary" className="w-full" disabled={login.isPending || waitSeconds > 0}>
          {t('login.submit')}
        </Button>
      </form>
    </div>
  );
}

/** Seconds left of a sign-in wait (429 + Retry-After), counting down to 0; 0 for any other answer. */
function useRetryCountdown(error: Error | null): number {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const seconds = error instanceof ApiRequestError && error.code === 'RATE_LIMITED' ? (error.retryAfterSeconds ?? 1) : 0;
    const start = Date.now();
    setNow(start);
    setUntil(start + seconds * 1000);
  }, [error]);
  useEffect(() => {
    if (until <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(1000, until - now));
    return () => clearTimeout(timer);
  }, [until, now]);
  return Math.max(0, Math.ceil((until - now) / 1000));
}
