import type { CreateSecurityGroupRuleRequest, RuleTemplateDto, SecurityGroupDto } from '@sandcloud/api-schemas';
import { ANY_ADDRESS, ETHER_TYPES, ipFamily, parseCidr, RULE_DIRECTIONS, type EtherType, type RuleDirection } from '@sandcloud/domain';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { DescriptionField, Field, inputClass, TextField } from '../../../components/ui/field.tsx';
import { FormDialog } from '../../../components/ui/form-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage, fieldError } from '../../../lib/api-client.ts';
import { useT, type Translate } from '../../../lib/i18n/i18n.tsx';
import { useSettings } from '../../settings/index.ts';
import { useCreateSecurityGroupRule } from '../api/create-security-group-rule.ts';
import { useRuleTemplates } from '../api/get-rule-templates.ts';
import { formatPortRange } from './rule-format.ts';

type RemoteKind = 'cidr' | 'group';
type PortMode = 'port' | 'range';
type FormField = 'template' | 'port' | 'portMin' | 'portMax' | 'icmpType' | 'icmpCode' | 'cidr' | 'remoteGroup' | 'description';
type Problems = Partial<Record<FormField, string>>;

interface RuleForm {
  templateId: string;
  direction: RuleDirection;
  etherType: EtherType;
  portMode: PortMode;
  port: string;
  portMin: string;
  portMax: string;
  icmpType: string;
  icmpCode: string;
  remoteKind: RemoteKind;
  cidr: string;
  remoteGroupId: string;
  description: string;
}

const wholeNumber = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);
/**
 * The domain's CIDR check, before sending. A range with host bits set ("10.0.0.5/24") goes to the
 * server, whose answer names the range that was probably meant.
 */
function looksLikeCidr(text: string, etherType: EtherType): boolean {
  const parsed = parseCidr(text);
  if (parsed.ok) return parsed.cidr.family === etherType;
  return parsed.suggestion !== undefined && ipFamily(parsed.suggestion.split('/')[0] ?? '') === etherType;
}

/** The request for the chosen template and inputs, or what is wrong with the inputs. */
function toRequest(form: RuleForm, template: RuleTemplateDto | undefined, t: Translate): { request: CreateSecurityGroupRuleRequest } | { problems: Problems } {
  const problems: Problems = {};
  if (!template) return { problems: { template: t('securityGroups.error.template') } };
  let portRangeMin = template.portRangeMin;
  let portRangeMax = template.portRangeMax;

  if (template.customizable && (template.protocol === 'tcp' || template.protocol === 'udp')) {
    const inRange = (value: number | null) => value !== null && value >= 1 && value <= 65535;
    if (form.portMode === 'port') {
      const port = wholeNumber(form.port);
      if (!inRange(port)) problems.port = t('securityGroups.error.port');
      portRangeMin = port;
      portRangeMax = port;
    } else {
      portRangeMin = wholeNumber(form.portMin);
      portRangeMax = wholeNumber(form.portMax);
      if (!inRange(portRangeMin)) problems.portMin = t('securityGroups.error.port');
      if (!inRange(portRangeMax)) problems.portMax = t('securityGroups.error.port');
      else if (portRangeMin !== null && portRangeMax !== null && portRangeMin > portRangeMax) problems.portMax = t('securityGroups.error.portReversed');
    }
  } else if (template.customizable && template.protocol === 'icmp') {
    portRangeMin = form.icmpType.trim() === '' ? null : wholeNumber(form.icmpType);
    portRangeMax = form.icmpCode.trim() === '' ? null : wholeNumber(form.icmpCode);
    if (form.icmpType.trim() !== '' && (portRangeMin === null || portRangeMin > 255)) problems.icmpType = t('securityGroups.error.icmpRange');
    if (form.icmpCode.trim() !== '' && (portRangeMax === null || portRangeMax > 255)) problems.icmpCode = t('securityGroups.error.icmpRange');
    else if (portRangeMax !== null && portRangeMin === null && !problems.icmpType) problems.icmpType = t('securityGroups.error.icmpCodeNeedsType');
  }

  const cidr = form.cidr.trim();
  if (form.remoteKind === 'cidr' && !looksLikeCidr(cidr, form.etherType)) {
    problems.cidr = t(form.etherType === 'IPv4' ? 'securityGroups.error.cidr' : 'securityGroups.error.cidr6');
  }
  if (form.remoteKind === 'group' && !form.remoteGroupId) problems.remoteGroup = t('securityGroups.error.remoteGroup');
  if (Object.keys(problems).length > 0) return { problems };

  return {
    request: {
      direction: form.direction,
      etherType: form.etherType,
      protocol: template.protocol,
      portRangeMin,
      portRangeMax,
      remoteIpPrefix: form.remoteKind === 'cidr' ? cidr : null,
      remoteGroupId: form.remoteKind === 'group' ? form.remoteGroupId : null,
      description: form.description.trim(),
    },
  };
}

interface AddRuleDialogProps {
  projectId: string;
  group: SecurityGroupDto;
  /** Groups a rule may name as its remote (this one included). */
  groups: readonly SecurityGroupDto[];
  onClose: () => void;
}

/** `[+ Rule 추가]`: a template (ALL ICMP, SSH, HTTP… or custom), direction, remote CIDR or group, `[추가]`. */
export function AddRuleDialog({ projectId, group, groups, onClose }: AddRuleDialogProps) {
  const t = useT();
  const toast = useToast();
  const templates = useRuleTemplates(projectId);
  const myIp = useSettings().data?.clientPublicIp;
  const create = useCreateSecurityGroupRule(projectId, group.id);
  const [form, setForm] = useState<RuleForm>({
    templateId: '',
    direction: 'ingress',
    etherType: 'IPv4',
    portMode: 'port',
    port: '',
    portMin: '',
    portMax: '',
    icmpType: '',
    icmpCode: '',
    remoteKind: 'cidr',
    cidr: ANY_ADDRESS.IPv4,
    remoteGroupId: group.id,
    description: '',
  });
  const [problems, setProblems] = useState<Problems>({});
  const set = (patch: Partial<RuleForm>) => setForm((current) => ({ ...current, ...patch }));

  const templateList = templates.data ?? [];
  const templateId = form.templateId || templateList[0]?.id || '';
  const template = templateList.find((candidate) => candidate.id === templateId);
  const customPorts = template?.customizable && template.protocol !== 'icmp';
  const customIcmp = template?.customizable && template.protocol === 'icmp';

  const submit = () => {
    const result = toRequest({ ...form, templateId }, template, t);
    if ('problems' in result) {
      setProblems(result.problems);
      return;
    }
    setProblems({});
    create.mutate(result.request, {
      onSuccess: () => {
        toast.success(t('securityGroups.ruleAdded', { rule: template?.label ?? '', group: group.name }));
        onClose();
      },
    });
  };

  // The server names request fields; show its message beside the input that produced the value.
  const server = (field: keyof CreateSecurityGroupRuleRequest) => fieldError(create.error, field);
  const errors: Problems = {
    template: problems.template ?? server('protocol'),
    port: problems.port ?? server('portRangeMin') ?? server('portRangeMax'),
    portMin: problems.portMin ?? server('portRangeMin'),
    portMax: problems.portMax ?? server('portRangeMax'),
    icmpType: problems.icmpType ?? server('portRangeMin'),
    icmpCode: problems.icmpCode ?? server('portRangeMax'),
    cidr: problems.cidr ?? server('remoteIpPrefix'),
    remoteGroup: problems.remoteGroup ?? server('remoteGroupId'),
    description: server('description'),
  };
  const shownFields: (keyof CreateSecurityGroupRuleRequest)[] = ['protocol', 'remoteIpPrefix', 'remoteGroupId', 'description', 'direction', 'etherType'];
  if (customPorts || customIcmp) shownFields.push('portRangeMin', 'portRangeMax');
  const otherError = create.error && !shownFields.some((field) => server(field)) ? errorMessage(create.error) : undefined;

  return (
    <FormDialog
      title={t('securityGroups.addRuleTitle', { name: group.name })}
      size="lg"
      onClose={onClose}
      submitLabel={t('common.add')}
      busy={create.isPending || !template}
      onSubmit={submit}
      className="grid grid-cols-1 gap-4 md:grid-cols-2"
    >
      <div className="md:col-span-2">
        <Field label={t('securityGroups.rule')} error={errors.template} hint={template && !template.customizable ? `${template.protocol?.toUpperCase() ?? ''} ${formatPortRange(template, t)}` : undefined}>
          {(id, describedBy) => (
            <select
              id={id}
              className={inputClass}
              aria-describedby={describedBy}
              disabled={templates.isPending}
              value={templateId}
              onChange={(event) => set({ templateId: event.target.value })}
            >
              {templates.isPending && <option value="">{t('common.loading')}</option>}
              {templateList.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {templates.isError && <p className="mt-1 text-xs text-red-600">{errorMessage(templates.error)}</p>}
      </div>

      {customPorts && (
        <>
          <Field label={t('securityGroups.portMode')}>
            {(id) => (
              <select id={id} className={inputClass} value={form.portMode} onChange={(event) => set({ portMode: event.target.value as PortMode })}>
                <option value="port">{t('securityGroups.portMode.port')}</option>
                <option value="range">{t('securityGroups.portMode.range')}</option>
              </select>
            )}
          </Field>
          {form.portMode === 'port' ? (
            <NumberText label={t('securityGroups.port')} value={form.port} error={errors.port} hint="1 - 65535" onChange={(port) => set({ port })} />
          ) : (
            <div className="grid grid-cols-2 gap-2">
              <NumberText label={t('securityGroups.portMin')} value={form.portMin} error={errors.portMin} onChange={(portMin) => set({ portMin })} />
              <NumberText label={t('securityGroups.portMax')} value={form.portMax} error={errors.portMax} onChange={(portMax) => set({ portMax })} />
            </div>
          )}
        </>
      )}
      {customIcmp && (
        <>
          <NumberText label={t('securityGroups.icmpTypeLabel')} value={form.icmpType} error={errors.icmpType} hint={t('securityGroups.icmpTypeHint')} onChange={(icmpType) => set({ icmpType })} />
          <NumberText label={t('securityGroups.icmpCodeLabel')} value={form.icmpCode} error={errors.icmpCode} hint={t('securityGroups.icmpCodeHint')} onChange={(icmpCode) => set({ icmpCode })} />
        </>
      )}

      <Field label={t('securityGroups.direction')} error={server('direction')}>
        {(id) => (
          <select id={id} className={inputClass} value={form.direction} onChange={(event) => set({ direction: event.target.value as RuleDirection })}>
            {RULE_DIRECTIONS.map((direction) => (
              <option key={direction} value={direction}>
                {t(`securityGroups.${direction}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('securityGroups.etherType')} error={server('etherType')}>
        {(id) => (
          <select
            id={id}
            className={inputClass}
            value={form.etherType}
            onChange={(event) => {
              const etherType = event.target.value as EtherType;
              // Follow the ether type while the CIDR is still "everywhere".
              set({ etherType, ...(form.cidr === ANY_ADDRESS[form.etherType] ? { cidr: ANY_ADDRESS[etherType] } : {}) });
            }}
          >
            {ETHER_TYPES.map((etherType) => (
              <option key={etherType} value={etherType}>
                {etherType}
              </option>
            ))}
          </select>
        )}
      </Field>

      <Field label={t('securityGroups.remote')}>
        {(id) => (
          <select id={id} className={inputClass} value={form.remoteKind} onChange={(event) => set({ remoteKind: event.target.value as RemoteKind })}>
            <option value="cidr">CIDR</option>
            <option value="group">{t('securityGroups.remoteGroup')}</option>
          </select>
        )}
      </Field>
      {form.remoteKind === 'cidr' ? (
        <Field label="CIDR" error={errors.cidr} hint={t('securityGroups.cidrHint')}>
          {(id, describedBy) => (
            <div className="flex gap-2">
              <input
                id={id}
                className={`${inputClass} font-mono`}
                aria-describedby={describedBy}
                aria-invalid={Boolean(errors.cidr)}
                value={form.cidr}
                spellCheck={false}
                onChange={(event) => set({ cidr: event.target.value })}
              />
              {form.etherType === 'IPv4' && (
                <Button
                  className="shrink-0"
                  disabled={!myIp}
                  title={myIp ? t('securityGroups.myIpHint', { ip: myIp }) : undefined}
                  onClick={() => myIp && set({ cidr: `${myIp}/32` })}
                >
                  {t('securityGroups.myIp')}
                </Button>
              )}
            </div>
          )}
        </Field>
      ) : (
        <Field label={t('securityGroups.remoteGroup')} error={errors.remoteGroup} hint={t('securityGroups.remoteGroupHint')}>
          {(id, describedBy) => (
            <select
              id={id}
              className={inputClass}
              aria-describedby={describedBy}
              aria-invalid={Boolean(errors.remoteGroup)}
              value={form.remoteGroupId}
              onChange={(event) => set({ remoteGroupId: event.target.value })}
            >
              {groups.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}

      <div className="md:col-span-2">
        <DescriptionField value={form.description} onChange={(description) => set({ description })} error={errors.description} />
      </div>
      {otherError && (
        <div className="md:col-span-2">
          <Alert tone="error">{otherError}</Alert>
        </div>
      )}
    </FormDialog>
  );
}

/** A number typed as text (ports, ICMP type/code): the rule's own checks say what is wrong with it. */
function NumberText(props: { label: string; value: string; error?: string | undefined; hint?: string; onChange: (value: string) => void }) {
  return <TextField {...props} inputMode="numeric" className="tabular-nums" />;
}
