import type { ImageDto } from '@sandcloud/api-schemas';
import { IMAGE_VISIBILITIES } from '@sandcloud/domain';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { createdAtColumn, DataTable, useListParams, type ListColumn } from '../../../components/data-table/index.ts';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Panel } from '../../../components/ui/table.tsx';
import { Tabs, useTabParam } from '../../../components/ui/tabs.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useFormat } from '../../../lib/i18n/use-format.ts';
import { routes } from '../../../lib/routes.ts';
import { useImagePage, type ImageVisibility } from '../api/get-images.ts';
import { osLabel } from './format.ts';
import { ImageStatus } from './image-status.tsx';

const VISIBILITIES = IMAGE_VISIBILITIES;

/** Images: the Public catalog and the project's Private images (`?tab=private`), each linking to its detail. */
export function ImagesPage() {
  const t = useT();
  const { projectId = '' } = useParams();
  const [tab, setTab] = useTabParam(VISIBILITIES);
  const list = useListParams();
  const images = useImagePage(projectId, tab, list.params);
  const columns = useImageColumns(projectId, tab === 'private');

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
          <DataTable
            id={`images-${tab}`}
            label={t(tab === 'private' ? 'images.tab.private' : 'images.tab.public')}
            columns={columns}
            query={images}
            list={list}
            searchLabel={t('table.search')}
            emptyMessage={t(tab === 'private' ? 'images.emptyPrivate' : 'images.emptyPublic')}
          />
        </div>
      </Panel>
    </div>
  );
}

/** The columns of an image tab; the Private tab adds the instance each image was captured from. */
function useImageColumns(projectId: string, showSource: boolean): ListColumn<ImageDto, 'images'>[] {
  const t = useT();
  const format = useFormat();
  return useMemo(() => {
    const columns: ListColumn<ImageDto, 'images'>[] = [
      {
        id: 'name',
        header: t('common.name'),
        sortField: 'name',
        hideable: false,
        className: 'font-medium',
        cell: (image) => (
          <>
            <Link className="text-brand-600 hover:underline" to={routes.image({ projectId, imageId: image.id })}>
              {image.name}
            </Link>
            {image.description && <div className="text-xs font-normal text-slate-500">{image.description}</div>}
          </>
        ),
      },
      { id: 'status', header: t('common.status'), sortField: 'status', cell: (image) => <ImageStatus status={image.status} /> },
      { id: 'os', header: t('images.os'), sortField: 'osDistro', className: 'whitespace-nowrap', cell: (image) => osLabel(image) },
      {
        id: 'size',
        header: t('images.size'),
        sortField: 'sizeBytes',
        className: 'text-right tabular-nums whitespace-nowrap',
        headerClassName: 'text-right',
        cell: (image) => (image.status === 'active' ? format.bytes(image.sizeBytes) : '—'),
      },
      {
        id: 'minDisk',
        header: t('images.minDisk'),
        sortField: 'minDiskGb',
        className: 'text-right tabular-nums whitespace-nowrap',
        headerClassName: 'text-right',
        cell: (image) => t('images.gb', { size: image.minDiskGb }),
      },
    ];
    if (showSource)
      columns.push({
        id: 'source',
        header: t('images.sourceInstance'),
        cell: (image) =>
          image.sourceInstanceId ? (
            <Link className="text-brand-600 hover:underline" to={routes.instance({ projectId, instanceId: image.sourceInstanceId })}>
              {image.sourceInstanceName}
            </Link>
          ) : (
            '—'
          ),
      });
    columns.push(createdAtColumn(t));
    return columns;
  }, [t, format, projectId, showSource]);
}
