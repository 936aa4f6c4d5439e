import { writeFileSync } from 'node:fs';

export interface Metric {
  value: number;
  unit: string;
  /** Left out for figures reported to explain another one (no target of their own). */
  target?: number;
  better: 'lower' | 'higher';
  /**
   * The name of the figure measured the same way, in the same run, on something that does
   * (almost) nothing: a blank page, an empty worker, a trivial loop. It says how fast this
   * machine was at the time; the table prints it beside this figure.
   */
  control?: string;
}
export type Metrics = Record<string, Metric>;

/**
 * Comparison windows left out of the default run to keep it under 15 minutes (about 75 s
 * together): `BENCH_EXTRA=1 npm run bench` adds them. Their figures explain others; none has a target.
 */
export const EXTRA_WINDOWS = process.env.BENCH_EXTRA === '1';

function meetsTarget(metric: Metric): boolean | undefined {
  if (metric.target === undefined) return undefined;
  return metric.better === 'lower' ? metric.value <= metric.target : metric.value >= metric.target;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

function verdict(metric: Metric): string {
  const met = meetsTarget(metric);
  if (met === undefined) return '';
  return met ? 'met' : 'MISSED';
}

export function printTable(metrics: Metrics): void {
  const rows = Object.entries(metrics).map(([name, m]) => {
    const control = m.control ? metrics[m.control] : undefined;
    return [
      name,
      `${m.value} ${m.unit}`,
      control ? `${control.value} ${control.unit} (${m.control})` : '—',
      m.target === undefined ? '—' : `${m.better === 'lower' ? '≤' : '≥'} ${m.target} ${m.unit}`,
      verdict(m),
    ];
  });
  const header = ['metric', 'value', 'control', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

export function writeReport(path: string, metrics: Metrics): void {
  writeFileSync(path, JSON.stringify(metrics, null, 2) + '\n');
}
