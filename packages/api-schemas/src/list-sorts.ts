/**
 * The fields each list endpoint sorts by (`?sort=`), written once: the BFF's list specs must name
 * exactly these (its `listSpec` is typed against them and checks them when the router is built), and the
 * console's columns are typed against them (`DataColumn<T, SortField<'instances'>>`), so a column that
 * sorts by a field the server does not know does not compile.
 */
export const LIST_SORT_FIELDS = {
  instances: ['name', 'createdAt', 'status', 'zone', 'flavor', 'image', 'keyName', 'privateIp', 'floatingIp'],
  'key-pairs': ['name', 'createdAt', 'algorithm', 'instanceCount'],
  images: ['name', 'createdAt', 'status', 'osDistro', 'sizeBytes', 'minDiskGb'],
  volumes: ['name', 'createdAt', 'status', 'sizeGb', 'volumeType', 'zone'],
  'volume-snapshots': ['name', 'createdAt', 'status', 'sizeGb', 'volumeName'],
  'attachable-instances': ['name', 'zone', 'status'],
  'instance-history': ['at', 'status'],
  'floating-ips': ['name', 'createdAt', 'address', 'status', 'fixedIp'],
  'attachable-ports': ['fixedIp', 'deviceName'],
  'security-groups': ['name', 'createdAt', 'ruleCount'],
  'security-group-rules': ['direction', 'etherType', 'protocol', 'portRangeMin', 'remote'],
  'load-balancers': ['name', 'createdAt', 'status', 'operatingStatus', 'vipAddress'],
  'load-balancer-listeners': ['name', 'createdAt', 'protocol', 'protocolPort'],
  'load-balancer-members': ['name', 'createdAt', 'address', 'protocolPort', 'weight', 'operatingStatus'],
  networks: ['name', 'createdAt', 'status', 'cidr'],
  vpcs: ['name', 'createdAt', 'status', 'cidr'],
  subnets: ['name', 'createdAt', 'cidr'],
  'routing-tables': ['name', 'createdAt'],
  'network-interfaces': ['name', 'createdAt'],
  'flow-logs': ['at', 'action', 'sourceIp', 'port', 'protocol'],
  users: ['username', 'createdAt', 'isAdmin', 'disabled'],
  'project-members': ['username', 'role'],
} as const satisfies Record<string, readonly string[]>;

/** A list endpoint, by the name its sort fields are kept under. */
export type ListResource = keyof typeof LIST_SORT_FIELDS;

/** The `sort` values one list accepts (`SortField<'instances'>`: `'name' | 'status' | …`). */
export type SortField<R extends ListResource> = (typeof LIST_SORT_FIELDS)[R][number];

/** Whether `field` is one of the list's sort fields (narrows a URL's `sort`). */
export const isSortField = <R extends ListResource>(resource: R, field: string): field is SortField<R> =>
  (LIST_SORT_FIELDS[resource] as readonly string[]).includes(field);
