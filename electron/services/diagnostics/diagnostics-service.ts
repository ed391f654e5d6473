import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Account, DiagnosticsPreview, OutboxEntry, PolicyView, Settings, SyncStatus } from '../../../shared/ipc';
import type { AppLog, AppPaths, FileDialogs, HostInfo } from '../../ports';
import { readLogTail } from '../logging/log-files';
import { redactDeep, redactText } from '../logging/redact';

export interface DiagnosticsDeps {
  readonly host: HostInfo;
  readonly paths: AppPaths;
  readonly dialogs: FileDialogs;
  readonly logger: AppLog;
  readonly now: () => number;
  readonly settings: () => Promise<Settings>;
  readonly policy: () => PolicyView;
  readonly accounts: () => Promise<readonly Account[]>;
  readonly syncStatuses: () => readonly SyncStatus[];
  readonly outbox: (accountId: string) => Promise<readonly OutboxEntry[]>;
  /** How many log lines go into the bundle. */
  readonly logLines?: number;
}

export interface DiagnosticsService {
  preview(): Promise<DiagnosticsPreview>;
  save(): Promise<{ saved: boolean; path?: string }>;
}

interface BundleFile {
  readonly name: string;
  readonly summary: string;
  readonly count?: number;
  readonly text: string;
}

const previewChars = 4000;
const json = (value: unknown): string => JSON.stringify(redactDeep(value), null, 2);

/** Re-redacts each log line (defence in depth: lines were redacted when written). */
function safeLine(line: string): string {
  try {
    return JSON.stringify(redactDeep(JSON.parse(line)));
  } catch {
    return redactText(line);
  }
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/**
 * Help → "Export diagnostics": one zip an agent can send to IT or support. It holds versions,
 * the OS, settings without secrets, the policy, per-account sync state and outbox counts, the last
 * log lines and recent errors — never a token, an e-mail address or case text. The agent sees the
 * list (and the start of each file) before anything is written.
 */
export function createDiagnosticsService(deps: DiagnosticsDeps): DiagnosticsService {
  async function bundle(): Promise<BundleFile[]> {
    await deps.logger.flush();
    const lines = (await readLogTail(deps.paths.logs, deps.logLines ?? 1000)).map(safeLine);
    const errors = lines.filter((line) => /"level":"(error|warn)"/.test(line)).slice(-100);
    const settings = await deps.settings();
    const statuses = deps.syncStatuses();
    const accounts = await Promise.all(
      (await deps.accounts()).map(async (account) => {
        const entries = await deps.outbox(account.id).catch(() => []);
        return {
          id: account.id,
          domain: account.domain,
          backend: account.backend,
          status: account.status,
          addedAt: account.addedAt,
          sync: statuses.find((status) => status.accountId === account.id) ?? null,
          outbox: {
            total: entries.length,
            byStatus: countBy(entries, (entry) => entry.status),
            byKind: countBy(entries, (entry) => entry.mutation.kind),
          },
        };
      }),
    );
    const crashDumps = deps.paths.crashDumps ? await listFiles(deps.paths.crashDumps) : [];
    return [
      {
        name: 'about.json',
        summary: 'App version, host, runtime versions and operating system',
        text: json({
          createdAt: new Date(deps.now()).toISOString(),
          app: { name: deps.host.appName, version: deps.host.appVersion, host: deps.host.kind },
          versions: process.versions,
          os: {
            platform: process.platform,
            type: os.type(),
            release: os.release(),
            arch: os.arch(),
            cpus: os.cpus().length,
            memoryMb: Math.round(os.totalmem() / 1048576),
          },
          locale: Intl.DateTimeFormat().resolvedOptions().locale,
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        }),
      },
      {
        name: 'settings.json',
        summary: 'Settings (the OAuth client secret redacted)',
        text: json(settings),
      },
      {
        name: 'policy.json',
        summary: 'The organisation’s policy file: where, whether it applied, its problems',
        text: json(deps.policy()),
      },
      {
        name: 'accounts.json',
        summary: `Sync state and outbox counts of ${accounts.length} reseller domain(s)`,
        count: accounts.length,
        text: json(accounts),
      },
      {
        name: 'recent-errors.jsonl',
        summary: `${errors.length} recent warnings and errors`,
        count: errors.length,
        text: errors.join('\n'),
      },
      { name: 'log.jsonl', summary: `The last ${lines.length} log lines`, count: lines.length, text: lines.join('\n') },
      {
        name: 'crash-dumps.json',
        summary: `${crashDumps.length} crash dump(s) on this computer (listed, not included)`,
        count: crashDumps.length,
        text: json(crashDumps),
      },
    ];
  }

  return {
    async preview() {
      const files = await bundle();
      return {
        files: files.map((file) => ({
          name: file.name,
          bytes: Buffer.byteLength(file.text),
          summary: file.summary,
          ...(file.count === undefined ? {} : { count: file.count }),
          preview: file.text.length > previewChars ? `${file.text.slice(0, previewChars)}\n…` : file.text,
        })),
      };
    },
    async save() {
      const stamp = new Date(deps.now()).toISOString().slice(0, 19).replace(/[:T]/g, '-');
      const target = await deps.dialogs.saveAs(`rsc-diagnostics-${stamp}.zip`);
      if (!target) return { saved: false };
      const files = await bundle();
      const zip = zipSync(Object.fromEntries(files.map((file) => [file.name, strToU8(file.text)])), { level: 6 });
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, zip);
      deps.logger.info('diagnostics: bundle saved', { files: files.length, bytes: zip.byteLength });
      return { saved: true, path: target };
    },
  };
}

async function listFiles(dir: string): Promise<Array<{ name: string; bytes: number; modifiedAt: string }>> {
  const out: Array<{ name: string; bytes: number; modifiedAt: string }> = [];
  for (const entry of await fs.readdir(dir, { recursive: true }).catch(() => [] as string[])) {
    const stat = await fs.stat(path.join(dir, entry)).catch(() => undefined);
    if (stat?.isFile()) out.push({ name: entry, bytes: stat.size, modifiedAt: stat.mtime.toISOString() });
  }
  return out.slice(0, 200);
}
