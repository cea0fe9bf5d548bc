// What the monitoring graphs show: the engine samples these series, the API sends them by these
// names and the console draws them.

/** An instance's series: CPU %, network bytes and packets per second each way, disk bytes per second. */
export const INSTANCE_METRICS = ['cpuPercent', 'netInBytes', 'netOutBytes', 'netInPackets', 'netOutPackets', 'diskReadBytes', 'diskWriteBytes'] as const;
export type InstanceMetric = (typeof INSTANCE_METRICS)[number];
