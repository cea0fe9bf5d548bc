/** "1.1 GB", "650 MB": an image's size as the list shows it. */
export function formatBytes(bytes: number): string {
  const GiB = 1024 ** 3;
  const MiB = 1024 ** 2;
  if (bytes >= GiB) return `${(bytes / GiB).toFixed(1)} GB`;
  if (bytes >= MiB) return `${Math.round(bytes / MiB)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** "ubuntu 22.04", or what is known of it. */
export const osLabel = (image: { osDistro: string; osVersion: string; osType: string }): string =>
  [image.osDistro || image.osType, image.osVersion].filter(Boolean).join(' ');
