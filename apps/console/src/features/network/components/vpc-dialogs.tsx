import type { VpcDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { TextField } from '../../../components/ui/field.tsx';
import { FormDialog, FormError } from '../../../components/ui/form-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useCreateVpc, useUpdateVpc } from '../api/vpcs.ts';

/** "VPC 생성" / "VPC 수정": a name and the IPv4 CIDR; the server's refusal shows beside its field. */
export function VpcDialog({ projectId, vpc, onClose }: { projectId: string; vpc?: VpcDto; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const create = useCreateVpc(projectId);
  const update = useUpdateVpc(projectId);
  const mutation = vpc ? update : create;
  const [name, setName] = useState(vpc?.name ?? '');
  const [cidr, setCidr] = useState(vpc?.cidr ?? '10.0.0.0/16');
  const submit = () => {
    const done = () => {
      toast.success(vpc ? t('vpcs.saved') : t('vpcs.created', { name }));
      onClose();
    };
    if (vpc) update.mutate({ id: vpc.id, name, ...(vpc.cidr !== null && cidr !== vpc.cidr ? { cidr } : {}) }, { onSuccess: done });
    else create.mutate({ name, cidr }, { onSuccess: done });
  };
  return (
    <FormDialog title={t(vpc ? 'vpcs.edit' : 'vpcs.create')} submitLabel={t(vpc ? 'common.save' : 'vpcs.create')} onClose={onClose} onSubmit={submit} busy={mutation.isPending}>
      <TextField label={t('common.name')} value={name} onChange={setName} error={fieldError(mutation.error, 'name')} autoFocus />
      {(!vpc || vpc.cidr !== null) && <TextField label={t('vpcs.cidr')} hint={t('vpcs.cidrHint')} value={cidr} onChange={setCidr} error={fieldError(mutation.error, 'cidr')} />}
      <FormError error={mutation.error} fields={['name', 'cidr']} />
    </FormDialog>
  );
}
