import type { ImageDto } from '@sandcloud/api-schemas';
import { IMAGE_VISIBILITIES } from '@sandcloud/domain';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryList } from '../../../components/ui/query-list.tsx';
import { Panel, Table, TBody, Td, Th, THead, TimeTd } from '../../../components/ui/table.tsx';
import { Tabs, useTabParam } from '../../../components/ui/tabs.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import { useImages, type ImageVisibility } from '../api/get-images.ts';
import { formatBytes, osLabel } from './format.ts';
import { ImageStatus } from './image-status.tsx';

const VISIBILITIES = IMAGE_VISIBILITIES;

/** Images: the Public catalog and the project's Private images (`?tab=private`), each linking to its detail. */
export function ImagesPage() {
  const t = useT();
  const { projectId = '' } = useParams();
  const [tab, setTab] = useTabParam(VISIBILITIES);
  const images = useImages(projectId, tab);

  return (
    <div>
      <PageHeader title={t('menu.images')} description={t('images.description')} />
      <Tabs<ImageVisibility>
        label={t('images.tabs')}
        items={[
          { id: 'public', label: t('images.tab.public') },
          { id: 'private', label: t('images.tab.private') },
        ]}
        value={tab}
        onChange={setTab}
      />
      <Panel>
        <div role="tabpanel">
          <QueryList query={images} columns={6} emptyMessage={t(tab === 'private' ? 'images.emptyPrivate' : 'images.emptyPublic')}>
            {(items) => <ImagesTable projectId={projectId} images={items} showSource={tab === 'private'} label={t(tab === 'private' ? 'images.tab.private' : 'images.tab.public')} />}
          </QueryList>
        </div>
      </Panel>
    </div>
  );
}

function ImagesTable({ projectId, images, showSource, label }: { projectId: string; images: ImageDto[]; showSource: boolean; label: string }) {
  const t = useT();
  return (
    <Table label={label}>
      <THead>
        <Th>{t('common.name')}</Th>
        <Th>{t('common.status')}</Th>
        <Th>{t('images.os')}</Th>
        <Th className="text-right">{t('images.size')}</Th>
        <Th className="text-right">{t('images.minDisk')}</Th>
        {showSource && <Th>{t('images.sourceInstance')}</Th>}
        <Th>{t('common.createdAt')}</Th>
      </THead>
      <TBody>
        {images.map((image) => (
          <tr key={image.id} className="hover:bg-slate-50">
            <Td className="font-medium">
              <Link className="text-brand-600 hover:underline" to={paths.computeSection(projectId, `images/${image.id}`)}>
                {image.name}
              </Link>
              {image.description && <div className="text-xs font-normal text-slate-500">{image.description}</div>}
            </Td>
            <Td>
              <ImageStatus status={image.status} />
            </Td>
            <Td className="whitespace-nowrap">{osLabel(image)}</Td>
            <Td className="text-right tabular-nums whitespace-nowrap">{image.status === 'active' ? formatBytes(image.sizeBytes) : '—'}</Td>
            <Td className="text-right tabular-nums whitespace-nowrap">{t('images.gb', { size: image.minDiskGb })}</Td>
            {showSource && (
              <Td>
                {image.sourceInstanceId ? (
                  <Link className="text-brand-600 hover:underline" to={paths.computeSection(projectId, `instances/${image.sourceInstanceId}`)}>
                    {image.sourceInstanceName}
                  </Link>
                ) : (
                  '—'
                )}
              </Td>
            )}
            <TimeTd value={image.createdAt} />
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
