import type { FloatingIpDto } from '@sandcloud/api-schemas';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useFloatingIpEndpoint } from '../api/get-floating-ip-endpoint.ts';

/**
 * The floating IP's endpoint on this machine (203.0.113.10 answers at 127.0.113.10), with copy
 * buttons for the address, the SSH command and the web URL.
 */
export function FloatingIpEndpoint({ projectId, floatingIp }: { projectId: string; floatingIp: FloatingIpDto }) {
  const t = useT();
  const endpoint = useFloatingIpEndpoint(projectId, floatingIp.id);
  const data = endpoint.data;
  if (!data) return <span className="font-mono text-xs text-slate-300">…</span>;
  return (
    <div className="flex flex-col gap-0.5 text-xs">
      <span className="inline-flex items-center font-mono" title={data.privilegedPorts ? t('floatingIps.endpointHint') : `${t('floatingIps.endpointHint')}. ${t('floatingIps.portsOffset')}`}>
        {data.localAddress}
        <CopyButton value={data.localAddress} />
      </span>
      {data.sshCommand && (
        <span className="inline-flex items-center whitespace-nowrap font-mono text-slate-500">
          {data.sshCommand}
          <CopyButton value={data.sshCommand} />
        </span>
      )}
      {data.httpUrl && (
        <span className="inline-flex items-center whitespace-nowrap font-mono text-slate-500">
          <a className="text-brand-600 hover:underline" href={data.httpUrl} target="_blank" rel="noreferrer noopener">
            {data.httpUrl}
          </a>
          <CopyButton value={data.httpUrl} />
        </span>
      )}
    </div>
  );
}
