/** One series: the sample times (ms since the epoch) and one array of values per field, same length (null: no value then). */
export interface MetricSeriesDto {
  /** Seconds between samples. */
  intervalSeconds: number;
  times: number[];
  values: Record<string, (number | null)[]>;
}

/** An instance's graphs: CPU %, network bytes and packets per second each way, disk bytes per second. */
export type InstanceMetricsDto = MetricSeriesDto;

/** A load balancer's graphs: requests per second and health (1 online, 0 not) per member. */
export interface LoadBalancerMetricsDto extends MetricSeriesDto {
  members: { id: string; name: string; address: string; port: number }[];
}
