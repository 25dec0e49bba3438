// parse-prometheus-text-format ships no types: its output, as its README documents it.
import parsePrometheusTextFormat from 'parse-prometheus-text-format';

export interface PrometheusFamily {
  name: string;
  help: string;
  type: string;
  metrics: { value?: string; labels?: Record<string, string>; buckets?: Record<string, string>; count?: string }[];
}

/** A /metrics body parsed by a Prometheus text-format parser, by family name. */
export function parsePrometheus(text: string): Map<string, PrometheusFamily> {
  const families = (parsePrometheusTextFormat as (text: string) => PrometheusFamily[])(text);
  return new Map(families.map((family) => [family.name, family]));
}

/** The sum of a family's samples whose labels include `labels`. */
export function sampleSum(family: PrometheusFamily | undefined, labels: Record<string, string> = {}): number {
  if (!family) return 0;
  return family.metrics
    .filter((sample) => Object.entries(labels).every(([name, value]) => sample.labels?.[name] === value))
    .reduce((sum, sample) => sum + Number(sample.value ?? sample.count ?? 0), 0);
}
