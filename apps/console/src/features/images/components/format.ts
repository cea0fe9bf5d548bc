/** "ubuntu 22.04", or what is known of it. */
export const osLabel = (image: { osDistro: string; osVersion: string; osType: string }): string =>
  [image.osDistro || image.osType, image.osVersion].filter(Boolean).join(' ');
