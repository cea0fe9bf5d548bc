/** Nova flavor in the product's naming scheme: family.cNmM (N vCPUs, M GB of RAM). */
export interface Flavor {
  id: string;
  name: string;
  family: string;
  vcpus: number;
  ramMb: number;
  maxRootDiskGb: number;
  description: string;
}

const flavor = (family: string, vcpus: number, ramGb: number, description: string): Flavor => {
  const name = `${family}.c${vcpus}m${ramGb}`;
  return { id: name, name, family, vcpus, ramMb: ramGb * 1024, maxRootDiskGb: 1024, description };
};

export const FLAVORS: readonly Flavor[] = [
  flavor('t2', 1, 1, 'Burstable, for tests and small tools'),
  flavor('m2', 1, 2, 'General purpose'),
  flavor('m2', 2, 4, 'General purpose'),
  flavor('m2', 4, 8, 'General purpose'),
  flavor('m2', 8, 16, 'General purpose'),
  flavor('c2', 2, 2, 'Compute optimised'),
  flavor('c2', 4, 4, 'Compute optimised'),
  flavor('r2', 2, 16, 'Memory optimised'),
  flavor('r2', 4, 32, 'Memory optimised'),
];

export const findFlavor = (id: string): Flavor | undefined => FLAVORS.find((f) => f.id === id);
