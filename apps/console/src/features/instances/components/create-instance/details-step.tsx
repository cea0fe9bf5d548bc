import type { FlavorDto, ImageDto } from '@sandcloud/api-schemas';
import { MAX_INSTANCE_COUNT, ZONES } from '@sandcloud/domain';
import { Field, FieldSet, inputClass, SelectField, TextField } from '../../../../components/ui/field.tsx';
import { SkeletonRows } from '../../../../components/ui/skeleton.tsx';
import { errorMessage } from '../../../../lib/api-client.ts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useFlavors } from '../../api/get-flavors.ts';
import { formatRam, instanceNames } from '../format.ts';
import type { WizardErrors, WizardForm } from './wizard-form.ts';

interface DetailsStepProps {
  projectId: string;
  form: WizardForm;
  image: ImageDto | undefined;
  bounds: { min: number; max: number };
  errors: WizardErrors;
  set: (patch: Partial<WizardForm>) => void;
}

/** Details: `[이름]`, `[Zone]`, `[Flavor]`, root disk size and `[Instance 수]`. */
export function DetailsStep({ projectId, form, image, bounds, errors, set }: DetailsStepProps) {
  const t = useT();
  const count = Number(form.count);
  const names = form.name.trim() && Number.isInteger(count) && count >= 1 && count <= MAX_INSTANCE_COUNT ? instanceNames(form.name.trim(), count) : [];

  return (
    <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
      <TextField
        label={t('instanceWizard.name')}
        error={errors.name}
        hint={t('instanceWizard.nameHint')}
        value={form.name}
        autoComplete="off"
        placeholder="web"
        onChange={(name) => set({ name })}
      />
      <SelectField label={t('instanceWizard.zone')} error={errors.zone} hint={t('instanceWizard.zoneHint')} value={form.zone} options={ZONES} onChange={(zone) => set({ zone })} />
      <div className="lg:col-span-2">
        <FlavorTable projectId={projectId} value={form.flavorId} image={image} error={errors.flavorId} onChange={(flavorId) => set({ flavorId })} />
      </div>
      <Field label={t('instanceWizard.rootDisk')} error={errors.rootDiskGb} hint={t('instanceWizard.rootDiskHint', bounds)}>
        {(id, describedBy) => (
          <div className="flex items-center gap-2">
            <input
              id={id}
              type="number"
              min={bounds.min}
              max={bounds.max}
              className={`${inputClass} w-40 tabular-nums`}
              aria-describedby={describedBy}
              aria-invalid={Boolean(errors.rootDiskGb)}
              value={form.rootDiskGb}
              onChange={(event) => set({ rootDiskGb: event.target.value })}
            />
            <span className="text-sm text-slate-500">GB</span>
          </div>
        )}
      </Field>
      <Field label={t('instanceWizard.count')} error={errors.count} hint={t('instanceWizard.countHint', { max: MAX_INSTANCE_COUNT })}>
        {(id, describedBy) => (
          <div>
            <input
              id={id}
              type="number"
              min={1}
              max={MAX_INSTANCE_COUNT}
              className={`${inputClass} w-40 tabular-nums`}
              aria-describedby={describedBy}
              aria-invalid={Boolean(errors.count)}
              value={form.count}
              onChange={(event) => set({ count: event.target.value })}
            />
            {names.length > 1 && (
              <p className="mt-1.5 text-xs text-slate-600" data-testid="name-preview">
                {t('instanceWizard.namePreview', { names: names.length > 4 ? `${names.slice(0, 3).join(', ')}, …, ${names.at(-1) ?? ''}` : names.join(', ') })}
              </p>
            )}
          </div>
        )}
      </Field>
    </div>
  );
}

/** `[Flavor]` as a table with vCPU and RAM; flavors with too little RAM for the image are disabled. */
function FlavorTable({ projectId, value, image, error, onChange }: { projectId: string; value: string; image: ImageDto | undefined; error: string | undefined; onChange: (id: string) => void }) {
  const t = useT();
  const flavors = useFlavors(projectId);
  const tooSmall = (flavor: FlavorDto) => Boolean(image && flavor.ramMb < image.minRamMb);

  return (
    <FieldSet legend={t('instanceWizard.flavor')} error={error}>
      {flavors.isPending ? (
        <SkeletonRows rows={3} columns={4} />
      ) : flavors.isError ? (
        <p className="text-sm text-red-600">{errorMessage(flavors.error)}</p>
      ) : (
        <div className={`max-h-72 overflow-y-auto rounded border ${error ? 'border-red-400' : 'border-slate-200'}`}>
          <table className="w-full text-sm">
            <thead className="sticky top-0 bg-slate-50 text-left text-xs text-slate-500">
              <tr>
                <th className="w-10 px-3 py-2" />
                <th className="px-3 py-2 font-medium">{t('instanceWizard.flavorName')}</th>
                <th className="px-3 py-2 text-right font-medium">vCPU</th>
                <th className="px-3 py-2 text-right font-medium">RAM</th>
                <th className="px-3 py-2 font-medium">{t('common.description')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {flavors.data.items.map((flavor) => {
                const disabled = tooSmall(flavor);
                return (
                  <tr
                    key={flavor.id}
                    title={disabled && image ? t('instanceWizard.error.flavorRam', { ram: formatRam(image.minRamMb) }) : undefined}
                    className={disabled ? 'text-slate-400' : value === flavor.id ? 'bg-brand-50' : 'cursor-pointer hover:bg-slate-50'}
                    onClick={() => !disabled && onChange(flavor.id)}
                  >
                    <td className="px-3 py-2">
                      <input
                        type="radio"
                        name="flavor"
                        aria-label={flavor.name}
                        className="accent-brand-500"
                        disabled={disabled}
                        checked={value === flavor.id}
                        onChange={() => onChange(flavor.id)}
                      />
                    </td>
                    <td className="px-3 py-2 font-medium">{flavor.name}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{flavor.vcpus}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatRam(flavor.ramMb)}</td>
                    <td className="px-3 py-2 text-slate-500">{disabled ? t('instanceWizard.flavorTooSmall') : flavor.description}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </FieldSet>
  );
}
