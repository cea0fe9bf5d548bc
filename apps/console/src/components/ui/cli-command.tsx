import { useT } from '../../lib/i18n/i18n.tsx';
import { CopyButton } from './copy-button.tsx';

/**
 * The equivalent `openstack` command of what the screen is about to do, copyable. A read-only
 * field, so the command is selectable as one line and is not mistaken for the dialog's own text.
 */
export function CliCommand({ command }: { command: string }) {
  const t = useT();
  return (
    <div className="mt-3 text-xs font-medium text-slate-500" data-testid="openstack-cli-command">
      <span className="mb-1 flex items-center">
        {t('openstackCli.equivalent')}
        <CopyButton value={command} />
      </span>
      <input
        readOnly
        aria-label={t('openstackCli.equivalent')}
        value={command}
        onFocus={(event) => event.currentTarget.select()}
        className="w-full rounded bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100"
      />
    </div>
  );
}
