import type { OsImageId } from '@sandcloud/guest';
import type { Image } from '../images/image.ts';

/**
 * Which simulated Linux an image boots. Windows images have no simulated guest (no shell, no web
 * server): their instances run, but nothing answers inside them.
 */
export function guestOsFor(image: Pick<Image, 'osDistro' | 'osVersion' | 'osType'>): OsImageId | null {
  if (image.osType !== 'linux') return null;
  switch (image.osDistro) {
    case 'centos':
      return 'centos-7';
    case 'rocky':
      return 'rocky-9';
    case 'debian':
      return 'debian-12';
    case 'ubuntu':
      // The guest models Ubuntu 22.04's tools; 24.04 shares them closely enough for the guide.
      return 'ubuntu-22.04';
    default:
      return null;
  }
}
