import type { ImageDto } from '@sandcloud/api-schemas';
import { ZONES, type Zone } from '@sandcloud/domain';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert } from '../../../../components/ui/alert.tsx';
import { Button } from '../../../../components/ui/button.tsx';
import { BackLink } from '../../../../components/ui/detail-page.tsx';
import { PageHeader } from '../../../../components/ui/page-header.tsx';
import { Panel } from '../../../../components/ui/table.tsx';
import { useToast } from '../../../../components/ui/toast.tsx';
import { ApiRequestError, errorMessage, fieldError } from '../../../../lib/api-client.ts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { routes } from '../../../../lib/routes.ts';
import { useNetworks } from '../../../network/index.ts';
import { useProjectPermissions } from '../../../../lib/projects.ts';
import { useDefaultSecurityGroup, useSecurityGroupsById } from '../../../security-groups/index.ts';
import { useCreateInstances } from '../../api/create-instances.ts';
import { useFlavors } from '../../api/get-flavors.ts';
import { useImages } from '../../api/get-images.ts';
import { useQuotas } from '../../api/get-quotas.ts';
import { AccessStep } from './access-step.tsx';
import { DetailsStep } from './details-step.tsx';
import { ImageStep } from './image-step.tsx';
import { NetworkStep } from './network-step.tsx';
import { QuotaPanel } from './quota-panel.tsx';
import { SummaryStep } from './summary-step.tsx';
import { rootDiskBounds, STEP_LABELS, STEP_OF_FIELD, STEPS, toRequest, validateStep, type Step, type WizardErrors, type WizardField, type WizardForm } from './wizard-form.ts';
import { WizardStepper } from '../../../../components/ui/wizard-stepper.tsx';

/** The guide's images are 20 GB; a new root disk starts there (or at the image's minimum, if larger). */
const DEFAULT_ROOT_DISK_GB = 20;

const randomZone = (): Zone => ZONES[Math.floor(Math.random() * ZONES.length)] ?? 'kr-pub-a';

const initialForm = (): WizardForm => ({
  imageTab: 'public',
  imageId: '',
  name: '',
  zone: randomZone(),
  flavorId: '',
  rootDiskGb: String(DEFAULT_ROOT_DISK_GB),
  count: '1',
  keyName: '',
  securityGroupIds: null,
  networkId: '',
  subnetId: '',
  fixedIp: '',
  extraNetworks: [],
  userData: '',
});

const isWizardField = (field: string | undefined): field is WizardField => field !== undefined && field in STEP_OF_FIELD;

/** `[+ Instance 생성]`: Image → details → access & security → network → summary, then `[Instance 생성]`. */
export function CreateInstancePage() {
  const t = useT();
  const toast = useToast();
  const navigate = useNavigate();
  const { projectId = '' } = useParams();
  const { canWrite } = useProjectPermissions(projectId);
  const flavors = useFlavors(projectId);
  const quotas = useQuotas(projectId);
  const defaultGroup = useDefaultSecurityGroup(projectId).data;
  const networks = useNetworks(projectId);
  const create = useCreateInstances(projectId);

  // `?networkId=&subnetId=` (a subnet's "Launch instance here") preselects where it launches.
  const [query] = useSearchParams();
  const [form, setForm] = useState<WizardForm>(() => ({ ...initialForm(), networkId: query.get('networkId') ?? '', subnetId: query.get('subnetId') ?? '' }));
  const [image, setImage] = useState<ImageDto | undefined>();
  const [step, setStep] = useState<Step>('image');
  const [reached, setReached] = useState(0);
  const [errors, setErrors] = useState<WizardErrors>({});
  const listPath = routes.instances({ projectId });

  // `?imageId=` (from an image's page, "launch instances from this image") preselects the image.
  const [search] = useSearchParams();
  const wantedImageId = search.get('imageId');
  const publicImages = useImages(projectId, 'public');
  const privateImages = useImages(projectId, 'private');
  const wantedImage = wantedImageId
    ? [...(privateImages.data?.items ?? []), ...(publicImages.data?.items ?? [])].find((candidate) => candidate.id === wantedImageId)
    : undefined;
  const [preselected, setPreselected] = useState(false);
  useEffect(() => {
    // Once only: a live refresh of the image lists must not undo what the user chose since.
    if (preselected || !wantedImage || wantedImage.status.toLowerCase() !== 'active') return;
    setPreselected(true);
    setImage(wantedImage);
    setForm((current) => ({
      ...current,
      imageTab: wantedImage.visibility,
      imageId: wantedImage.id,
      rootDiskGb: String(Math.max(wantedImage.minDiskGb, DEFAULT_ROOT_DISK_GB)),
    }));
  }, [wantedImage, preselected]);

  const flavor = flavors.data?.items.find((candidate) => candidate.id === form.flavorId);
  const context = { image, flavor, quotas: quotas.data };
  const defaultNetwork = networks.data?.items.find((network) => network.name === 'Default Network') ?? networks.data?.items[0];
  const effective = {
    securityGroupIds: form.securityGroupIds ?? (defaultGroup ? [defaultGroup.id] : []),
    networkId: form.networkId || defaultNetwork?.id || '',
  };
  // The summary names exactly the chosen groups, looked up by id (not read out of a first page).
  const chosenGroups = useSecurityGroupsById(projectId, effective.securityGroupIds);

  // Client problems first; otherwise what the server said about the field.
  const shownErrors: WizardErrors = { ...errors };
  for (const field of Object.keys(STEP_OF_FIELD) as WizardField[]) shownErrors[field] ??= fieldError(create.error, field);
  const serverField = create.error instanceof ApiRequestError ? create.error.field : undefined;
  const generalError = create.error && !isWizardField(serverField) ? errorMessage(create.error) : undefined;

  const set = (patch: Partial<WizardForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[key as WizardField];
      return next;
    });
    if (create.error) create.reset();
  };

  const selectImage = (selected: ImageDto) => {
    setImage(selected);
    const disk = Number(form.rootDiskGb);
    set({ imageId: selected.id, ...(Number.isFinite(disk) && disk >= selected.minDiskGb ? {} : { rootDiskGb: String(Math.max(selected.minDiskGb, DEFAULT_ROOT_DISK_GB)) }) });
  };

  const go = (target: Step) => {
    setErrors({});
    setStep(target);
    setReached((current) => Math.max(current, STEPS.indexOf(target)));
  };
  const index = STEPS.indexOf(step);
  const next = () => {
    const problems = validateStep(step, form, effective, context, t);
    setErrors(problems);
    const following = STEPS[index + 1];
    if (Object.keys(problems).length === 0 && following) go(following);
  };
  const back = () => {
    const previous = STEPS[index - 1];
    if (previous) go(previous);
  };

  const submit = () => {
    for (const candidate of STEPS) {
      const problems = validateStep(candidate, form, effective, context, t);
      if (Object.keys(problems).length > 0) {
        setStep(candidate);
        setErrors(problems);
        return;
      }
    }
    create.mutate(toRequest(form, effective), {
      onSuccess: (created) => {
        toast.success(t('instances.created', { count: created.items.length, names: created.items.map((instance) => instance.name).join(', ') }));
        void navigate(listPath);
      },
      onError: (error) => {
        const field = error instanceof ApiRequestError ? error.field : undefined;
        if (isWizardField(field)) setStep(STEP_OF_FIELD[field]);
      },
    });
  };

  return (
    <div>
      <div className="mb-2">
        <BackLink to={listPath} label={t('menu.instances')} />
      </div>
      <PageHeader title={t('instanceWizard.title')} description={t('instanceWizard.description')} />
      <div className="grid grid-cols-1 items-start gap-4 xl:grid-cols-[1fr_18rem]">
        <Panel>
          <WizardStepper steps={STEPS} labelOf={(s) => t(STEP_LABELS[s])} current={step} reached={reached} onGo={go} />
          <div className="min-h-[22rem] px-5 py-5">
            <h2 className="mb-4 text-base font-semibold">{t(`instanceWizard.stepTitle.${step}`)}</h2>
            {step === 'image' && (
              <ImageStep projectId={projectId} tab={form.imageTab} onTab={(imageTab) => set({ imageTab })} value={form.imageId} onSelect={selectImage} error={shownErrors.imageId} />
            )}
            {step === 'details' && <DetailsStep projectId={projectId} form={form} image={image} bounds={rootDiskBounds(context)} errors={shownErrors} set={set} />}
            {step === 'access' && (
              <AccessStep projectId={projectId} form={form} securityGroupIds={effective.securityGroupIds} errors={shownErrors} canWrite={canWrite} set={set} />
            )}
            {step === 'network' && <NetworkStep
                projectId={projectId}
                value={effective.networkId}
                error={shownErrors.networkId}
                onChange={(networkId) => set({ networkId, subnetId: '' })}
                subnetId={form.subnetId}
                subnetError={shownErrors.subnetId}
                onSubnetChange={(subnetId) => set({ subnetId })}
                single={form.count.trim() === '1'}
                fixedIp={form.fixedIp}
                fixedIpError={shownErrors.fixedIp}
                onFixedIpChange={(fixedIp) => set({ fixedIp })}
                extraNetworks={form.extraNetworks}
                extraNetworksError={shownErrors.extraNetworks}
                onExtraNetworksChange={(extraNetworks) => set({ extraNetworks })}
              />}
            {step === 'summary' && (
              <SummaryStep
                form={form}
                image={image}
                flavor={flavor}
                securityGroups={chosenGroups.data?.items.filter((group) => effective.securityGroupIds.includes(group.id)) ?? []}
                network={networks.data?.items.find((network) => network.id === effective.networkId)}
                subnetLabel={(subnetId) => {
                  const network = networks.data?.items.find((candidate) => candidate.subnets.some((subnet) => subnet.id === subnetId));
                  const subnet = network?.subnets.find((candidate) => candidate.id === subnetId);
                  return network && subnet ? `${network.name} / ${subnet.name} (${subnet.cidr})` : subnetId;
                }}
              />
            )}
            {generalError && (
              <div className="mt-4">
                <Alert tone="error">{generalError}</Alert>
              </div>
            )}
          </div>
          <div className="flex items-center justify-between border-t border-slate-200 px-5 py-3">
            <Button onClick={() => void navigate(listPath)}>{t('common.cancel')}</Button>
            <div className="flex gap-2">
              {index > 0 && <Button onClick={back}>{t('common.back')}</Button>}
              {step === 'summary' ? (
                <Button variant="primary" disabledReason={canWrite ? undefined : t('common.viewerReadOnly')} disabled={create.isPending} onClick={submit}>
                  {create.isPending ? t('instanceWizard.creating') : t('instanceWizard.submit')}
                </Button>
              ) : (
                <Button variant="primary" onClick={next}>
                  {t('common.next')}
                </Button>
              )}
            </div>
          </div>
        </Panel>
        <aside className="space-y-4">
          <QuotaPanel quotas={quotas.data} flavor={flavor} count={Number(form.count)} />
          {image && (
            <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
              <div className="text-xs text-slate-500">{t('instanceWizard.selectedImage')}</div>
              <div className="font-medium">{image.name}</div>
            </div>
          )}
        </aside>
      </div>
    </div>
  );
}
