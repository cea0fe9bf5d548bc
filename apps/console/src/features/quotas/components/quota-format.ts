import { QUOTA_NAMES, type QuotaName } from '@sandcloud/domain';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';

/** The quotas in the order the overview lists them, each with its label. */
export const QUOTA_ROWS: { name: QuotaName; label: MessageKey }[] = QUOTA_NAMES.map((name) => ({ name, label: `quotas.name.${name}` as MessageKey }));

/** A limit or a usage as people read it: RAM in GB (MB below 1 GB), the rest as counts. */
export function formatQuota(name: QuotaName, value: number): string {
  if (name === 'ramMb') return value >= 1024 ? `${Math.round((value / 1024) * 10) / 10} GB` : `${value} MB`;
  if (name === 'volumeGb') return `${value} GB`;
  return String(value);
}
