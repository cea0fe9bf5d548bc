/**
 * Memory figures for a flavor's RAM. The kernel keeps part of the RAM for
 * itself, so MemTotal is below the flavor size (a 1 GB flavor shows ~998M
 * and tmpfs /dev/shm — half of MemTotal — shows 499M, as in the guide).
 */
export interface MemoryInfo {
  totalKb: number;
  usedKb: number;
  freeKb: number;
  sharedKb: number;
  buffCacheKb: number;
  availableKb: number;
  swapTotalKb: number;
}

export function memoryInfo(memoryMb: number, swapBytes: number): MemoryInfo {
  const totalKb = memoryMb * 998;
  const usedKb = Math.round(totalKb * 0.095);
  const buffCacheKb = Math.round(totalKb * 0.18);
  const sharedKb = 6760;
  const freeKb = totalKb - usedKb - buffCacheKb;
  return {
    totalKb,
    usedKb,
    freeKb,
    sharedKb,
    buffCacheKb,
    availableKb: Math.round(freeKb + buffCacheKb * 0.8),
    swapTotalKb: Math.floor(swapBytes / 1024),
  };
}

export function shmSizeBytes(memory: MemoryInfo): number {
  return Math.floor(memory.totalKb / 2) * 1024;
}
