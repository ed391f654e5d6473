import type { TFunction } from 'i18next';
import { shortDuration } from '../../../ui/format';
import { OTHER_CATEGORY } from '../model/classify';
import type { BucketUnit, CategoryChart, DashboardModel } from '../model/types';
import type { ChartSpec } from './options';
import type { ChartPalette } from './palette';

// The dashboard's charts as specs: translated labels, theme colours, localized numbers and
// dates, and the drill key of every value.

export function bucketLabel(startMs: number, unit: BucketUnit, language: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions =
    unit === 'month' ? { month: 'short', year: 'numeric', timeZone } : { month: 'short', day: 'numeric', timeZone };
  return new Intl.DateTimeFormat(language, options).format(startMs);
}

/** "Google Workspace > Gmail > Mail delivery" → "Gmail > Mail delivery": the product prefix is the same for every case. */
export function shortCategory(path: string): string {
  const parts = path.split(' > ');
  return parts.length > 2 ? parts.slice(1).join(' > ') : path;
}

function hours(ms: number, language: string): string {
  return shortDuration(ms, language);
}

interface Context {
  readonly t: TFunction;
  readonly language: string;
  readonly timeZone: string;
  readonly palette: ChartPalette;
}

function counts(language: string): (value: number) => string {
  const format = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  return (value) => format.format(value);
}

function rate(met: number, total: number, language: string): string {
  return total === 0 ? '—' : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(met / total);
}

function stacked(
  chart: CategoryChart,
  colorOf: (id: string, index: number) => string,
  nameOf: (id: string) => string,
): ChartSpec['series'] {
  return chart.series.map((s, index) => ({
    id: s.id,
    name: nameOf(s.id),
    color: colorOf(s.id, index),
    type: 'bar' as const,
    stack: 'total',
    values: s.points.map((p) => p.value),
    keys: s.points.map((p) => (p.value > 0 ? p.key : undefined)),
  }));
}

function attainment(id: string, title: string, chart: CategoryChart, ctx: Context, categories?: readonly string[]): ChartSpec {
  const { t, language, palette } = ctx;
  const met = chart.series.find((s) => s.id === 'met');
  const missed = chart.series.find((s) => s.id === 'missed');
  return {
    id,
    title,
    categories: categories ?? chart.categories,
    horizontal: true,
    format: counts(language),
    series: stacked(
      chart,
      (sid) => (sid === 'met' ? palette.met : palette.missed),
      (sid) => t(`dashboard:series.${sid}`),
    ),
    extraColumn: {
      name: t('dashboard:table.attainment'),
      valueOf: (i) => {
        const m = met?.points[i]?.value ?? 0;
        return rate(m, m + (missed?.points[i]?.value ?? 0), language);
      },
    },
  };
}

export function chartSpecs(model: DashboardModel, ctx: Context): ChartSpec[] {
  const { t, language, timeZone, palette } = ctx;
  const buckets = model.volume.categories.map((ms) => bucketLabel(Number(ms), model.unit, language, timeZone));
  const priorityColor = (id: string): string => palette.priority[id as 'P1'] ?? palette.accent;
  const categoryName = (id: string): string => (id === OTHER_CATEGORY ? t('dashboard:category.other') : shortCategory(id));
  const volume: ChartSpec = {
    id: 'volume',
    title: t('dashboard:chart.volume'),
    categories: buckets,
    format: counts(language),
    series: [
      ...stacked(model.volume, priorityColor, (id) => id),
      ...(model.previousKpis
        ? [
            {
              id: 'previous',
              name: t('dashboard:series.previous'),
              color: palette.muted,
              type: 'line' as const,
              values: model.previousVolume,
              keys: model.previousVolume.map(() => undefined),
            },
          ]
        : []),
    ],
  };
  const byCategory: ChartSpec = {
    id: 'volume-category',
    title: t('dashboard:chart.volumeByCategory'),
    categories: buckets,
    format: counts(language),
    series: stacked(model.volumeByCategory, (_, i) => palette.series[i % palette.series.length] as string, categoryName),
  };
  const durationSeries = (
    [
      ['frMedian', 'firstResponse', 'medianMs', palette.accent],
      ['frP90', 'firstResponse', 'p90Ms', palette.series[4] ?? palette.accent],
      ['resMedian', 'resolution', 'medianMs', palette.met],
      ['resP90', 'resolution', 'p90Ms', palette.warning],
    ] as const
  ).map(([id, part, stat, color]) => ({
    id,
    name: t(`dashboard:series.${id}`),
    color,
    type: 'bar' as const,
    values: model.durations.map((row) => row[part][stat] ?? 0),
    keys: model.durations.map((row) => (row[part].count > 0 ? row[part].key : undefined)),
  }));
  return [
    volume,
    byCategory,
    {
      id: 'durations',
      title: t('dashboard:chart.durations'),
      categories: model.durations.map((row) => row.priority),
      format: (ms) => hours(ms, language),
      series: durationSeries,
    },
    attainment('attainment-customer', t('dashboard:chart.attainmentCustomer'), model.attainmentByCustomer, ctx),
    attainment('attainment-plan', t('dashboard:chart.attainmentPlan'), model.attainmentByPlan, ctx),
    attainment('attainment-priority', t('dashboard:chart.attainmentPriority'), model.attainmentByPriority, ctx),
    {
      id: 'backlog',
      title: t('dashboard:chart.backlog'),
      categories: model.backlog.categories.map((id) => t(`dashboard:age.${id}`)),
      format: counts(language),
      series: stacked(model.backlog, priorityColor, (id) => id),
    },
    {
      id: 'escalations',
      title: t('dashboard:chart.escalations'),
      categories: buckets,
      format: counts(language),
      series: model.escalationsReopens.series.map((s) => ({
        id: s.id,
        name: t(`dashboard:series.${s.id}`),
        color: s.id === 'escalations' ? palette.missed : palette.warning,
        type: 'bar' as const,
        values: s.points.map((p) => p.value),
        keys: s.points.map((p) => (p.value > 0 ? p.key : undefined)),
      })),
    },
    {
      id: 'categories',
      title: t('dashboard:chart.topCategories'),
      categories: model.topCategories.categories.map(categoryName),
      horizontal: true,
      format: counts(language),
      series: stacked(
        model.topCategories,
        () => palette.accent,
        () => t('dashboard:series.count'),
      ),
    },
  ];
}
