import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { DescriptionList } from '../../../components/ui/description-list.tsx';
import { BackLink, DetailFallback } from '../../../components/ui/detail-page.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Panel } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useFormat } from '../../../lib/i18n/use-format.ts';
import { openstackCli } from '../../../lib/openstack-cli.ts';
import { routes } from '../../../lib/routes.ts';
import { useProjectPermissions } from '../../../lib/projects.ts';
import { useDeleteImage } from '../api/delete-image.ts';
import { useImage } from '../api/get-image.ts';
import { EditImageDialog } from './edit-image-dialog.tsx';
import { osLabel } from './format.ts';
import { ImageStatus } from './image-status.tsx';

/** One image: its attributes, `[Instance 생성]` from it, and for a private image rename/describe and delete. */
export function ImagePage() {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const { projectId = '', imageId = '' } = useParams();
  const { canWrite } = useProjectPermissions(projectId);
  const image = useImage(projectId, imageId);
  const remove = useDeleteImage(projectId);
  const [open, setOpen] = useState<'edit' | 'delete' | null>(null);
  const listPath = routes.images({ projectId });
  const back = <BackLink to={listPath} label={t('menu.images')} />;

  if (!image.isSuccess) return <DetailFallback query={image} back={back} notFoundMessage={t('images.notFound')} retry={false} />;
  const data = image.data;
  const isPublic = data.visibility === 'public';
  const editReason = !canWrite ? t('common.viewerReadOnly') : isPublic ? t('images.publicReadOnly') : undefined;
  const deleteReason = editReason ?? (data.allowedActions.includes('delete') ? undefined : t('images.deleteNotReady'));
  const launchPath = routes.newInstance({ projectId }, { imageId: data.id });

  return (
    <div className="space-y-4">
      <div>{back}</div>
      <PageHeader
        title={data.name}
        description={data.description || undefined}
        actions={
          <>
            {data.status === 'active' && canWrite ? (
              <Link to={launchPath} className="inline-flex items-center rounded bg-brand-500 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-600">
                {t('images.launch')}
              </Link>
            ) : (
              <Button variant="primary" disabledReason={canWrite ? t('images.launchNotReady') : t('common.viewerReadOnly')}>
                {t('images.launch')}
              </Button>
            )}
            <Button disabledReason={editReason} onClick={() => setOpen('edit')}>
              {t('images.edit')}
            </Button>
            <Button variant="danger" disabledReason={deleteReason} onClick={() => setOpen('delete')}>
              {t('common.delete')}
            </Button>
          </>
        }
      />
      <Panel className="p-5">
        <DescriptionList
          items={[
            { label: 'ID', value: <span className="font-mono text-xs">{data.id}</span> },
            { label: t('common.status'), value: <ImageStatus status={data.status} /> },
            { label: t('images.visibility'), value: t(isPublic ? 'images.tab.public' : 'images.tab.private') },
            { label: t('images.os'), value: osLabel(data) },
            { label: t('images.size'), value: data.status === 'active' ? format.bytes(data.sizeBytes) : '—' },
            { label: t('images.minDisk'), value: t('images.gb', { size: data.minDiskGb }) },
            { label: t('images.minRam'), value: t('images.gb', { size: data.minRamMb / 1024 }) },
            {
              label: t('images.sourceInstance'),
              value: data.sourceInstanceId ? (
                <Link className="text-brand-600 hover:underline" to={routes.instance({ projectId, instanceId: data.sourceInstanceId })}>
                  {data.sourceInstanceName}
                </Link>
              ) : (
                '—'
              ),
            },
            { label: t('common.createdAt'), value: format.dateTime(data.createdAt) },
          ]}
        />
      </Panel>
      {open === 'edit' && <EditImageDialog projectId={projectId} image={data} onClose={() => setOpen(null)} />}
      {open === 'delete' && (
        <ConfirmMutationDialog
          title={t('images.deleteTitle')}
          confirmLabel={t('common.delete')}
          mutation={remove}
          variables={data.id}
          successMessage={t('images.deleted', { name: data.name })}
          onSuccess={() => void navigate(routes.images({ projectId }, { tab: 'private' }))}
          onCancel={() => setOpen(null)}
          cliCommand={openstackCli.imageDelete(data.id)}
        >
          {t('images.deleteConfirm', { name: data.name })}
        </ConfirmMutationDialog>
      )}
    </div>
  );
}
