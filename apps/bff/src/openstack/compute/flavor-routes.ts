import { FLAVORS, findFlavor, type Flavor } from '@sandcloud/domain';
import { Router, type Request } from 'express';
import { baseUrl } from '../catalog.ts';
import { afterMarker, queryLimit, queryString } from '../common.ts';
import { OsError } from '../errors.ts';

const links = (base: string, id: string) => [
  { rel: 'self', href: `${base}/compute/v2.1/flavors/${id}` },
  { rel: 'bookmark', href: `${base}/compute/flavors/${id}` },
];

/**
 * A flavor as Nova 2.1 shows it. `disk` is 0: Sandcloud flavors carry no disk, and Nova's 0 means
 * "the root disk is sized from the image" — what a server created through this API gets.
 */
export const flavorView = (base: string, flavor: Flavor) => ({
  id: flavor.id,
  name: flavor.name,
  ram: flavor.ramMb,
  vcpus: flavor.vcpus,
  disk: 0,
  swap: '',
  'OS-FLV-EXT-DATA:ephemeral': 0,
  'OS-FLV-DISABLED:disabled': false,
  'os-flavor-access:is_public': true,
  rxtx_factor: 1.0,
  links: links(base, flavor.id),
});

export function flavorRoutes(): Router {
  const router = Router();

  function listed(req: Request): Flavor[] {
    let list = [...FLAVORS].sort((a, b) => a.ramMb - b.ramMb || a.vcpus - b.vcpus || a.id.localeCompare(b.id));
    const minRam = queryString(req.query.minRam);
    if (minRam !== undefined) {
      if (!/^\d+$/.test(minRam)) throw new OsError(400, `Invalid minRam filter [${minRam}]`);
      list = list.filter((flavor) => flavor.ramMb >= Number(minRam));
    }
    const minDisk = queryString(req.query.minDisk);
    if (minDisk !== undefined) {
      if (!/^\d+$/.test(minDisk)) throw new OsError(400, `Invalid minDisk filter [${minDisk}]`);
      // Every flavor's disk is 0 (the root disk is sized per instance), as Nova filters root_gb >= minDisk.
      list = list.filter((flavor) => flavorView('', flavor).disk >= Number(minDisk));
    }
    list = afterMarker(list, req.query.marker);
    const limit = queryLimit(req.query.limit, (message) => new OsError(400, message));
    return limit === undefined ? list : list.slice(0, limit);
  }

  router.get('/flavors', (req, res) => {
    const base = baseUrl(req);
    res.json({ flavors: listed(req).map((flavor) => ({ id: flavor.id, name: flavor.name, links: links(base, flavor.id) })) });
  });
  router.get('/flavors/detail', (req, res) => {
    const base = baseUrl(req);
    res.json({ flavors: listed(req).map((flavor) => flavorView(base, flavor)) });
  });
  router.get('/flavors/:flavorId', (req, res) => {
    const flavor = findFlavor(String(req.params.flavorId));
    if (!flavor) throw new OsError(404, `Flavor ${String(req.params.flavorId)} could not be found.`);
    res.json({ flavor: flavorView(baseUrl(req), flavor) });
  });
  router.get('/flavors/:flavorId/os-extra_specs', (req, res) => {
    if (!findFlavor(String(req.params.flavorId))) throw new OsError(404, `Flavor ${String(req.params.flavorId)} could not be found.`);
    res.json({ extra_specs: {} });
  });

  return router;
}
