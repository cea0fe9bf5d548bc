import type { ImageDto } from '@sandcloud/api-schemas';
import { useDeferredValue, useState } from 'react';
import { Button } from '../../../../components/ui/button.tsx';
import { EmptyState } from '../../../../components/ui/empty-state.tsx';
import { SkeletonRows } from '../../../../components/ui/skeleton.tsx';
import { StatusBadge } from '../../../../components/ui/status-badge.tsx';
import { Tabs } from '../../../../components/ui/tabs.tsx';
import { errorMessage } from '../../../../lib/api-client.ts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useImages } from '../../api/get-images.ts';
import { formatRam } from '../format.ts';
import { PickerSearch } from '../../../../components/ui/picker-search.tsx';

/** A mark per distribution, so the cards read at a glance. */
const OS_MARKS: Record<string, { letter: string; className: string }> = {
  centos: { letter: 'C', className: 'bg-purple-100 text-purple-700' },
  rocky: { letter: 'R', className: 'bg-emerald-100 text-emerald-700' },
  ubuntu: { letter: 'U', className: 'bg-orange-100 text-orange-700' },
  debian: { letter: 'D', className: 'bg-rose-100 text-rose-700' },
  windows: { letter: 'W', className: 'bg-sky-100 text-sky-700' },
};

interface ImageStepProps {
  projectId: string;
  tab: ImageDto['visibility'];
  onTab: (tab: ImageDto['visibility']) => void;
  value: string;
  onSelect: (image: ImageDto) => void;
  error: string | undefined;
}

/** Image selection: Public / Private tabs of cards with the OS and the minimum disk and RAM. */
export function ImageStep({ projectId, tab, onTab, value, onSelect, error }: ImageStepProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const images = useImages(projectId, tab, useDeferredValue(search.trim()));

  return (
    <div>
      <Tabs
        label={t('instanceWizard.step.image')}
        items={[
          { id: 'public', label: t('instanceWizard.publicImages') },
          { id: 'private', label: t('instanceWizard.privateImages') },
        ]}
        value={tab}
        onChange={onTab}
      />
      <PickerSearch value={search} onChange={setSearch} className="mb-3 max-w-xs" />
      {error && (
        <p role="alert" className="mb-3 text-sm text-red-600">
          {error}
        </p>
      )}
      {images.isPending ? (
        <SkeletonRows rows={2} columns={3} />
      ) : images.isError ? (
        <EmptyState message={errorMessage(images.error)} action={<Button onClick={() => void images.refetch()}>{t('common.retry')}</Button>} />
      ) : images.data.items.length === 0 ? (
        <EmptyState message={search.trim() ? t('table.noMatch') : tab === 'private' ? t('instanceWizard.noPrivateImages') : t('instanceWizard.noPublicImages')} />
      ) : (
        <div role="radiogroup" aria-label={t('instanceWizard.step.image')} className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-3">
          {images.data.items.map((image) => {
            const selected = image.id === value;
            const usable = image.status.toLowerCase() === 'active';
            const mark = OS_MARKS[image.osDistro.toLowerCase()] ?? { letter: image.osDistro.charAt(0).toUpperCase() || '?', className: 'bg-slate-100 text-slate-600' };
            return (
              <button
                key={image.id}
                type="button"
                role="radio"
                aria-checked={selected}
                disabled={!usable}
                title={usable ? undefined : t('instanceWizard.imageNotReady', { status: image.status })}
                onClick={() => onSelect(image)}
                className={`relative flex gap-3 rounded-lg border p-4 text-left transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${
                  selected ? 'border-brand-500 bg-brand-50 ring-1 ring-brand-500' : 'border-slate-200 bg-white hover:border-slate-300'
                }`}
              >
                <span className={`flex h-10 w-10 shrink-0 items-center justify-center rounded-full text-lg font-bold ${mark.className}`}>{mark.letter}</span>
                <span className="min-w-0 flex-1">
                  <span className="block font-medium">{image.name}</span>
                  <span className="block text-xs text-slate-500">{image.description || `${image.osDistro} ${image.osVersion}`}</span>
                  <span className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
                    <span>{t('instanceWizard.minDisk', { gb: image.minDiskGb })}</span>
                    <span>{t('instanceWizard.minRam', { ram: formatRam(image.minRamMb) })}</span>
                    <span className="uppercase">{image.osType}</span>
                  </span>
                  {image.sourceInstanceName && <span className="mt-1 block text-xs text-slate-500">{t('instanceWizard.fromInstance', { name: image.sourceInstanceName })}</span>}
                  {!usable && (
                    <span className="mt-2 block">
                      <StatusBadge status={image.status} />
                    </span>
                  )}
                </span>
                {selected && <span className="absolute top-2 right-3 text-brand-600" aria-hidden="true">✓</span>}
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
