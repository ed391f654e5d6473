// The bench's figures: every metric with its summary and, where one exists, its floor
// (the same work's lower bound measured in the same run). results.json keeps each metric's
// value and, under `floors`, its floor's median and p95, so the README table can show both.
import type { Summary } from './stats';

export interface Row {
  readonly id: string;
  readonly value: number;
  readonly unit: string;
  readonly summary?: Summary;
  readonly floor?: Summary;
  readonly note?: string;
}

export type RecordExtra = Omit<Row, 'id' | 'value' | 'unit'>;
export type Recorder = (id: string, value: number, unit: string, extra?: RecordExtra) => void;

export const rows: Row[] = [];
export const results: Record<string, unknown> = {};
const floors: Record<string, { median: number; p95: number }> = {};

const round = (value: number): number => Number(value.toFixed(3));

export const record: Recorder = (id, value, unit, extra = {}) => {
  rows.push({ id, value, unit, ...extra });
  results[id] = round(value);
  if (extra.floor) floors[id] = { median: round(extra.floor.median), p95: round(extra.floor.p95) };
  console.log(`  ${id} = ${value.toFixed(2)} ${unit}${extra.note ? ` (${extra.note})` : ''}`);
};

/**
 * The id a figure gets when measured under load: `_loaded` before the unit suffix
 * (`first_rows_ms` → `first_rows_loaded_ms`), or at the end when there is none
 * (`scroll_dom_rows_max` → `scroll_dom_rows_max_loaded`).
 */
export function loadedId(id: string): string {
  const at = id.lastIndexOf('_');
  return at > 0 && UNITS.has(id.slice(at + 1)) ? `${id.slice(0, at)}_loaded${id.slice(at)}` : `${id}_loaded`;
}
const UNITS = new Set(['ms', 's', 'mb']);

/** A recorder that files every figure under its loaded id, with the load named in the note. */
export function loadedRecorder(load: string): Recorder {
  return (id, value, unit, extra = {}) => record(loadedId(id), value, unit, { ...extra, note: `${extra.note ?? ''}; ${load}` });
}

export function finalResults(machine: string): Record<string, unknown> {
  return { ...results, floors, machine, date: new Date().toISOString() };
}

export function printTable(): void {
  const fmt = (value: number | undefined): string => (value === undefined || Number.isNaN(value) ? '' : value.toFixed(2));
  const head = ['value', 'median', 'p95', 'min', 'max', 'floor med', 'floor p95'].map((h) => h.padEnd(9)).join('  ');
  console.log(`\n${'metric'.padEnd(40)}${head}  runs`);
  for (const row of rows) {
    const cells = [row.value, row.summary?.median, row.summary?.p95, row.summary?.min, row.summary?.max, row.floor?.median, row.floor?.p95];
    console.log(
      `${row.id.padEnd(40)}${cells.map((cell) => fmt(cell).padStart(9)).join('  ')}  ${String(row.summary?.runs ?? 1).padStart(4)}  ${row.unit}`,
    );
  }
}
