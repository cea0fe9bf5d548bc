import type { InstanceDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { CliCommand } from '../../../components/ui/cli-command.tsx';
import { Field, inputClass } from '../../../components/ui/field.tsx';
import { FormDialog, FormError } from '../../../components/ui/form-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { openstackCli } from '../../../lib/openstack-cli.ts';
import { useFlavors } from '../api/get-flavors.ts';
import { useResizeInstance } from '../api/resize-instance.ts';
import { formatRam } from './format.ts';

/**
 * "Flavor 변경" (resize): choose another flavor. The instance goes through RESIZE and waits in
 * VERIFY_RESIZE for a confirm or a revert (the banner on its page). The same flavor is refused
 * here and by the API, beside the field.
 */
export function ResizeInstanceDialog({ projectId, instance, onClose }: { projectId: string; instance: InstanceDto; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const flavors = useFlavors(projectId);
  const resize = useResizeInstance(projectId);
  const [flavorId, setFlavorId] = useState(instance.flavorId);
  const [problem, setProblem] = useState<string | undefined>();

  const submit = () => {
    const same = flavorId === instance.flavorId ? t('instances.resize.sameFlavor', { flavor: instance.flavorId }) : undefined;
    setProblem(same);
    if (same) return;
    resize.mutate(
      { instanceId: instance.id, flavorId },
      {
        onSuccess: () => {
          toast.success(t('instances.resize.started', { name: instance.name, flavor: flavorId }));
          onClose();
        },
      },
    );
  };

  return (
    <FormDialog title={t('instances.resize.title', { name: instance.name })} onClose={onClose} submitLabel={t('instances.action.resize')} busy={resize.isPending} onSubmit={submit}>
      <p className="text-sm text-slate-600">{t('instances.resize.current', { flavor: instance.flavorId, vcpus: instance.vcpus, ram: formatRam(instance.ramMb) })}</p>
      <Field label={t('instances.flavor')} error={problem ?? fieldError(resize.error, 'flavorId')} hint={t('instances.resize.hint')}>
        {(id, describedBy) => (
          <select
            id={id}
            aria-describedby={describedBy}
            className={inputClass}
            value={flavorId}
            onChange={(event) => {
              setFlavorId(event.target.value);
              setProblem(undefined);
            }}
          >
            {(flavors.data?.items ?? []).map((flavor) => (
              <option key={flavor.id} value={flavor.id}>
                {flavor.name} — {t('instances.flavorSpec', { vcpus: flavor.vcpus, ram: formatRam(flavor.ramMb) })}
                {flavor.id === instance.flavorId ? ` (${t('instances.resize.currentShort')})` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormError error={resize.error} fields={['flavorId']} />
      <CliCommand command={openstackCli.serverResize(instance.name, flavors.data?.items.find((flavor) => flavor.id === flavorId)?.name ?? flavorId)} />
    </FormDialog>
  );
}
