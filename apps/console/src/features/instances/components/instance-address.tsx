import { CopyButton } from '../../../components/ui/copy-button.tsx';

/** One address with its copy button, or a dash. */
export function InstanceAddress({ ip, label }: { ip: string | null; label: string }) {
  if (!ip) return <span className="text-slate-300" aria-label={label}>—</span>;
  return (
    <span className="inline-flex items-center font-mono text-[13px] whitespace-nowrap" aria-label={`${label} ${ip}`}>
      {ip}
      <CopyButton value={ip} />
    </span>
  );
}
