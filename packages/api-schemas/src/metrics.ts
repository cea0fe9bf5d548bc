import type { InstanceMetric } from '@sandcloud/domain';

/** One series: the sample times (ms since the epoch) and one array of values per field, same length (null: no value then). */
export interface MetricSeriesDto<Field extends string = string> {
  /** Seconds between samples. */
  intervalSeconds: number;
  times: number[];
  values: Record<Field, (number | null)[]>;
}

/** An instance's graphs: CPU %, network bytes and packets per second each way, disk bytes per second (`INSTANCE_METRICS`). */
export type InstanceMetricsDto = MetricSeriesDto<InstanceMetric>;

/** A load balancer's graphs: requests per second and health (1 online, 0 not) per member. */
export interface LoadBalancerMetricsDto extends MetricSeriesDto {
  members: { id: string; name: string; address: string; port: number }[];
}
