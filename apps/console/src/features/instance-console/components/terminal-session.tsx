import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { useT, type Translate } from '../../../lib/i18n/i18n.tsx';
import { CLOSE, ConsoleConnection, consoleSocketUrl, type ConnectionState } from '../api/console-connection.ts';

interface TerminalSessionProps {
  projectId: string;
  instanceId: string;
  /** Names the terminal for screen readers and tests ("Console web-1 #1"). */
  label: string;
  /** Hidden sessions stay connected; a shown one is fitted to its box and focused. */
  visible: boolean;
  /** Why reconnecting is impossible now (the instance is not running), if it is. */
  reconnectDisabledReason?: string | undefined;
}

const THEME = { background: '#0f172a', foreground: '#e2e8f0', cursor: '#e2e8f0', selectionBackground: '#334155' };

/**
 * One login session: an xterm.js terminal (DOM renderer, so its rows are readable `.xterm-rows`
 * elements) wired to a console socket, with a status line and a reconnect button.
 */
export function TerminalSession({ projectId, instanceId, label, visible, reconnectDisabledReason }: TerminalSessionProps) {
  const t = useT();
  const boxRef = useRef<HTMLDivElement>(null);
  const terminalRef = useRef<{ terminal: Terminal; fit: FitAddon } | null>(null);
  const connectionRef = useRef<ConsoleConnection | null>(null);
  const [state, setState] = useState<ConnectionState>({ kind: 'connecting' });
  // Each reconnect is a new login (a new shell), on the same terminal.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const terminal = new Terminal({
      cursorBlink: true,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
      fontSize: 13,
      scrollback: 5_000,
      theme: THEME,
    });
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    terminal.open(box);
    // Only a shown terminal is fitted: a hidden box (another session or another instance tab) has
    // no layout, and fitting it would shrink the shell to a few columns and garble its screen.
    const fitIfShown = () => {
      if (box.clientWidth > 0 && box.clientHeight > 0) fit.fit();
    };
    fitIfShown();
    terminalRef.current = { terminal, fit };
    const input = terminal.onData((data) => connectionRef.current?.send(data));
    const resize = terminal.onResize((size) => connectionRef.current?.resize(size));
    const observer = new ResizeObserver(fitIfShown);
    observer.observe(box);
    return () => {
      observer.disconnect();
      input.dispose();
      resize.dispose();
      terminal.dispose();
      terminalRef.current = null;
    };
  }, []);

  useEffect(() => {
    const current = terminalRef.current;
    if (!current) return;
    const { terminal } = current;
    terminal.reset();
    const connection = new ConsoleConnection(consoleSocketUrl(projectId, instanceId, { cols: terminal.cols, rows: terminal.rows }), {
      output: (bytes) => terminal.write(bytes),
      state: setState,
    });
    connectionRef.current = connection;
    return () => {
      connection.dispose();
      connectionRef.current = null;
    };
  }, [projectId, instanceId, attempt]);

  useEffect(() => {
    const current = terminalRef.current;
    if (!visible || !current) return;
    current.fit.fit();
    current.terminal.focus();
  }, [visible]);

  return (
    <div hidden={!visible} className="space-y-2">
      <div className="rounded-md bg-slate-900 p-2">
        <div ref={boxRef} role="region" aria-label={label} className="h-[28rem] w-full" />
      </div>
      <div className="flex min-h-8 items-center justify-between gap-3 text-sm">
        <p role="status" aria-live="polite" className="flex items-center gap-2 text-slate-600">
          <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${DOT[state.kind]}`} />
          <span className="font-medium">{t(`instanceConsole.state.${state.kind}`)}</span>
          {state.kind === 'closed' && <span>{closedReason(t, state)}</span>}
        </p>
        {state.kind === 'closed' && (
          <Button onClick={() => setAttempt((n) => n + 1)} disabledReason={reconnectDisabledReason}>
            {t('instanceConsole.reconnect')}
          </Button>
        )}
      </div>
    </div>
  );
}

const DOT: Record<ConnectionState['kind'], string> = {
  connecting: 'bg-amber-400',
  connected: 'bg-emerald-500',
  closed: 'bg-slate-400',
};

/** Why the session ended, from the server's close code; its own message where it has one. */
function closedReason(t: Translate, state: Extract<ConnectionState, { kind: 'closed' }>): string {
  const { code, reason } = state;
  if (code === CLOSE.LOGOUT) return t('instanceConsole.closed.logout');
  if (code === CLOSE.INSTANCE_DOWN) return t('instanceConsole.closed.instanceDown', { reason });
  if (code === CLOSE.SHUTTING_DOWN) return t('instanceConsole.closed.shutdown');
  if (code === CLOSE.SERVER_ERROR) return reason || t('instanceConsole.closed.error');
  if (code > CLOSE.OPEN_FAILED_BASE && code < CLOSE.OPEN_FAILED_BASE + 600 && reason) return reason;
  // A refused handshake (401/403/404) reaches the browser only as an abnormal close.
  return state.opened ? t('instanceConsole.closed.lost') : t('instanceConsole.closed.refused');
}
