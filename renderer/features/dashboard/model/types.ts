// The dashboard's data, as the worker computes it from the replica and the page draws it.
// Everything here is structured-clone data: it crosses postMessage both ways.

import type { AgencyData, CaseState, Priority, SlaThread } from '../../../../shared/domain';

/** One case as the dashboard reads it (compact: no description, no comment bodies). */
export interface DashboardCase {
  readonly accountId: string;
  readonly name: string;
  readonly caseNumber: string;
  readonly title: string;
  readonly customerId: string;
  readonly priority: Priority;
  readonly state: CaseState;
  readonly escalated: boolean;
  readonly createTimeMs: number;
  readonly updateTimeMs: number;
  readonly timeZone: string | undefined;
  readonly category: string | undefined;
  readonly languageCode: string | undefined;
  readonly thread: SlaThread | undefined;
  readonly reopenedAtMs: readonly number[];
  readonly escalatedAtMs: number | undefined;
}

export interface DashboardCustomer {
  readonly accountId: string;
  readonly customerId: string;
  readonly name: string;
}

export type DashboardScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'account'; readonly accountId: string }
  | { readonly kind: 'customer'; readonly accountId: string; readonly customerId: string };

export interface Period {
  readonly startMs: number;
  /** Exclusive. */
  readonly endMs: number;
}

export type BucketUnit = 'day' | 'week' | 'month';

export interface DashboardInput {
  readonly scope: DashboardScope;
  readonly period: Period;
  /** The period before, for comparison (same length). */
  readonly previous: Period | undefined;
  readonly nowMs: number;
  /** Day and week boundaries follow the agent's zone. */
  readonly timeZone: string;
  readonly agency: AgencyData;
}

export interface Kpis {
  readonly created: number;
  readonly resolved: number;
  readonly open: number;
  /** Cases whose SLA is decided (met or missed) among those created in the period. */
  readonly measured: number;
  readonly met: number;
  readonly firstResponseMedianMs: number | undefined;
  readonly resolutionMedianMs: number | undefined;
  readonly escalations: number;
  readonly reopens: number;
}

/** One bar or point of a chart: its value and the key that lists exactly its cases. */
export interface Point {
  readonly value: number;
  readonly key: string;
}

export interface Series {
  /** Stable id (a priority, a category, "met"…); the page translates it. */
  readonly id: string;
  readonly points: readonly Point[];
}

export interface CategoryChart {
  /** Labels of the x (or y) axis: bucket starts (epoch ms as text), customer names, plan names, priorities… */
  readonly categories: readonly string[];
  readonly series: readonly Series[];
}

export interface DurationRow {
  readonly priority: Priority;
  readonly firstResponse: { readonly count: number; readonly medianMs?: number; readonly p90Ms?: number; readonly key: string };
  readonly resolution: { readonly count: number; readonly medianMs?: number; readonly p90Ms?: number; readonly key: string };
}

export interface DashboardModel {
  readonly caseCount: number;
  readonly unit: BucketUnit;
  readonly kpis: Kpis;
  readonly previousKpis: Kpis | undefined;
  readonly kpiKeys: Readonly<Record<'created' | 'resolved' | 'open' | 'measured' | 'escalations' | 'reopens' | 'unknown', string>>;
  readonly volume: CategoryChart;
  readonly volumeByCategory: CategoryChart;
  /** Cases created per bucket in the previous period, aligned by bucket index. */
  readonly previousVolume: readonly number[];
  readonly durations: readonly DurationRow[];
  readonly attainmentByCustomer: CategoryChart;
  readonly attainmentByPlan: CategoryChart;
  readonly attainmentByPriority: CategoryChart;
  readonly backlog: CategoryChart;
  readonly escalationsReopens: CategoryChart;
  readonly topCategories: CategoryChart;
  /** Cases whose thread was never synced: their first response cannot be measured. */
  readonly unmeasurable: number;
}

/** A case a drill-down lists (the list opens with exactly these). */
export interface CaseRef {
  readonly accountId: string;
  readonly name: string;
}

/** One row of a customer report: a case and its SLA results. */
export interface ReportRow {
  readonly caseNumber: string;
  readonly name: string;
  readonly title: string;
  readonly priority: Priority;
  readonly state: CaseState;
  readonly category: string;
  readonly createTimeMs: number;
  readonly firstResponseMs: number | undefined;
  readonly firstResponseTargetMs: number;
  readonly firstResponse: 'met' | 'missed' | 'pending' | 'unknown';
  readonly updates: 'met' | 'missed' | 'none';
  readonly resolvedMs: number | undefined;
  readonly escalated: boolean;
}

export interface CustomerReport {
  readonly customerName: string;
  readonly planName: string;
  readonly rows: readonly ReportRow[];
  readonly languageCodes: readonly string[];
}
