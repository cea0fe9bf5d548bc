import type { Request } from 'express';

export const REGION = 'RegionOne';

/** Where this server is reached, as the client reached it: catalog links follow the Host header. */
export const baseUrl = (req: Request): string => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

interface CatalogService {
  type: string;
  name: string;
  path: string;
}

/** The services the catalog lists: only those Sandcloud answers. */
export const CATALOG_SERVICES: readonly CatalogService[] = [
  { type: 'identity', name: 'keystone', path: '/identity' },
  { type: 'compute', name: 'nova', path: '/compute/v2.1' },
  { type: 'network', name: 'neutron', path: '/network' },
  { type: 'image', name: 'glance', path: '/image' },
  { type: 'volumev3', name: 'cinderv3', path: '/volume/v3' },
  { type: 'block-storage', name: 'cinder', path: '/volume/v3' },
  { type: 'load-balancer', name: 'octavia', path: '/load-balancer' },
];

/** A stable hex id per service, so catalog ids do not change from one token to the next. */
const idOf = (text: string) => Buffer.from(text).toString('hex').padEnd(32, '0').slice(0, 32);

export function catalog(req: Request) {
  const base = baseUrl(req);
  return CATALOG_SERVICES.map((service) => ({
    id: idOf(service.type),
    type: service.type,
    name: service.name,
    endpoints: [
      {
        id: idOf(`${service.type}-public`),
        interface: 'public',
        region: REGION,
        region_id: REGION,
        url: `${base}${service.path}`,
      },
    ],
  }));
}
