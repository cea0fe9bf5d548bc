import type { NetworkDto } from '@sandcloud/api-schemas';
import { Alert } from '../../../../components/ui/alert.tsx';
import { FieldSet, TextField } from '../../../../components/ui/field.tsx';
import { SkeletonRows } from '../../../../components/ui/skeleton.tsx';
import { errorMessage } from '../../../../lib/api-client.ts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useNetworks } from '../../../network/index.ts';
import { InterfaceRows } from './interface-rows.tsx';
import type { WizardInterface } from './wizard-form.ts';

interface NetworkStepProps {
  projectId: string;
  value: string;
  error: string | undefined;
  onChange: (id: string) => void;
  /** The chosen subnet of the network ('' for its first). */
  subnetId: string;
  subnetError: string | undefined;
  onSubnetChange: (id: string) => void;
  /** Whether one instance is launched: only then are fixed IPs offered. */
  single: boolean;
  fixedIp: string;
  fixedIpError: string | undefined;
  onFixedIpChange: (ip: string) => void;
  /** Interfaces 2..5 ("네트워크 인터페이스 추가"). */
  extraNetworks: WizardInterface[];
  extraNetworksError: string | undefined;
  onExtraNetworksChange: (rows: WizardInterface[]) => void;
}

/** Network: the project's networks with their CIDR; "Default Network" is preselected; a network with several subnets offers them. */
export function NetworkStep(props: NetworkStepProps) {
  const { projectId, value, error, onChange, subnetId, subnetError, onSubnetChange } = props;
  const { single, fixedIp, fixedIpError, onFixedIpChange, extraNetworks, extraNetworksError, onExtraNetworksChange } = props;
  const t = useT();
  const networks = useNetworks(projectId);
  if (networks.isPending) return <SkeletonRows rows={1} columns={3} />;
  if (networks.isError) return <p className="text-sm text-red-600">{errorMessage(networks.error)}</p>;
  return (
    <div className="space-y-3">
      <FieldSet legend={t('instanceWizard.network')} error={error}>
        <div className="divide-y divide-slate-100 rounded border border-slate-200">
          {networks.data.items.map((network) => (
            <label key={network.id} className={`flex cursor-pointer items-center gap-3 px-4 py-3 ${value === network.id ? 'bg-brand-50' : 'hover:bg-slate-50'}`}>
              <input type="radio" name="network" className="accent-brand-500" checked={value === network.id} onChange={() => onChange(network.id)} />
              <span className="flex-1">
                <span className="font-medium">{network.name}</span>
                <span className="ml-3 font-mono text-sm text-slate-600">{network.cidr}</span>
              </span>
              <span className="text-xs text-slate-600">{t('instanceWizard.networkGateway', { ip: network.gatewayIp })}</span>
            </label>
          ))}
        </div>
      </FieldSet>
      <SubnetChoice network={networks.data.items.find((network) => network.id === value)} value={subnetId} error={subnetError} onChange={onSubnetChange} />
      {single && (
        <TextField label={t('interfaces.wizardPrimaryFixedIp')} hint={t('interfaces.fixedIpHint')} value={fixedIp} onChange={onFixedIpChange} error={fixedIpError} className="font-mono" />
      )}
      <InterfaceRows networks={networks.data.items} rows={extraNetworks} single={single} error={extraNetworksError} onChange={onExtraNetworksChange} />
      <Alert tone="info">{t('instanceWizard.networkHint')}</Alert>
    </div>
  );
}

/** The subnets of the chosen network, when it has more than one (or one was preselected). */
function SubnetChoice({ network, value, error, onChange }: { network: NetworkDto | undefined; value: string; error: string | undefined; onChange: (id: string) => void }) {
  const t = useT();
  if (!network || (network.subnets.length < 2 && !value)) return null;
  const chosen = value || network.subnetId;
  return (
    <FieldSet legend={t('interfaces.subnet')} error={error}>
      <div className="divide-y divide-slate-100 rounded border border-slate-200">
        {network.subnets.map((subnet) => (
          <label key={subnet.id} className={`flex cursor-pointer items-center gap-3 px-4 py-2 ${chosen === subnet.id ? 'bg-brand-50' : 'hover:bg-slate-50'}`}>
            <input type="radio" name="subnet" className="accent-brand-500" checked={chosen === subnet.id} onChange={() => onChange(subnet.id)} />
            <span className="flex-1 font-medium">{subnet.name}</span>
            <span className="font-mono text-sm text-slate-600">{subnet.cidr}</span>
          </label>
        ))}
      </div>
    </FieldSet>
  );
}
