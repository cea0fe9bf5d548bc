import type { FlavorDto, ImageDto, NetworkDto, SecurityGroupDto } from '@sandcloud/api-schemas';
import { CliCommand } from '../../../../components/ui/cli-command.tsx';
import { DescriptionList } from '../../../../components/ui/description-list.tsx';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { openstackCli } from '../../../../lib/openstack-cli.ts';
import { formatRam, instanceNames } from '../format.ts';
import type { WizardForm } from './wizard-form.ts';

interface SummaryStepProps {
  form: WizardForm;
  image: ImageDto | undefined;
  flavor: FlavorDto | undefined;
  securityGroups: SecurityGroupDto[];
  network: NetworkDto | undefined;
  /** "VPC / subnet (CIDR)" of an added interface's subnet. */
  subnetLabel: (subnetId: string) => string;
}

/** Summary: everything that will be sent, to check before `[Instance 생성]`. */
export function SummaryStep({ form, image, flavor, securityGroups, network, subnetLabel }: SummaryStepProps) {
  const t = useT();
  const count = Number(form.count);
  const single = count === 1;
  return (
    <>
      <DescriptionList
        items={[
          { label: t('instanceWizard.step.image'), value: image ? `${image.name} (${image.visibility === 'public' ? 'Public' : 'Private'})` : '—' },
          { label: t('instanceWizard.name'), value: instanceNames(form.name.trim(), count).join(', ') },
          { label: t('instanceWizard.zone'), value: form.zone },
          { label: t('instanceWizard.flavor'), value: flavor ? `${flavor.name} — ${t('instances.flavorSpec', { vcpus: flavor.vcpus, ram: formatRam(flavor.ramMb) })}` : '—' },
          { label: t('instanceWizard.rootDisk'), value: `${form.rootDiskGb} GB` },
          { label: t('instanceWizard.count'), value: form.count },
          { label: t('keyPairs.field'), value: form.keyName },
          { label: t('instanceWizard.securityGroups'), value: securityGroups.map((group) => group.name).join(', ') },
          { label: t('instanceWizard.userData'), value: form.userData.trim() ? t('instanceWizard.userDataBytes', { bytes: new TextEncoder().encode(form.userData).length }) : '—' },
          { label: t('instanceWizard.network'), value: network ? `${network.name} (${network.cidr})${single && form.fixedIp.trim() ? ` — ${form.fixedIp.trim()}` : ''}` : '—' },
          ...(form.extraNetworks.length > 0
            ? [{ label: t('interfaces.wizardExtra'), value: form.extraNetworks.map((extra) => (single && extra.fixedIp.trim() ? extra.fixedIp.trim() : subnetLabel(extra.subnetId))).join(', ') }]
            : []),
          {
            label: t('instanceWizard.summaryTotal'),
            value: flavor ? t('instances.flavorSpec', { vcpus: flavor.vcpus * count, ram: formatRam(flavor.ramMb * count) }) : '—',
          },
        ]}
      />
      {image && flavor && network && (
        <CliCommand
          command={openstackCli.serverCreate({
            name: form.name.trim(),
            image: image.name,
            flavor: flavor.name,
            zone: form.zone,
            keyName: form.keyName,
            network: network.name,
            securityGroups: securityGroups.map((group) => group.name),
            count,
            rootDiskGb: Number(form.rootDiskGb),
            imageMinDiskGb: image.minDiskGb,
            fixedIp: single && form.fixedIp.trim() ? { networkId: network.id, ip: form.fixedIp.trim() } : undefined,
            extraNics: form.extraNetworks.map((extra) => ({ networkId: extra.networkId, fixedIp: single ? extra.fixedIp.trim() || undefined : undefined })),
          })}
        />
      )}
    </>
  );
}
