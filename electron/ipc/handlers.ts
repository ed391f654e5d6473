import type { HelpArticle, Incident } from '../../shared/api';
import { AppError } from '../../shared/ipc';
import type { Ports } from '../ports';
import type { AgencyService } from '../services/agency/agency-service';
import type { ReportService } from '../services/customer-report/report-service';
import type { AuthService } from '../services/auth/auth-service';
import type { BackendRegistry } from '../services/backend/backend-registry';
import type { AttachmentService } from '../services/files/attachment-service';
import type { DraftFileStore } from '../services/files/draft-files';
import type { SettingsService } from '../services/settings/settings-service';
import type { SyncService } from '../services/sync/sync-service';
import type { DiagnosticsService } from '../services/diagnostics/diagnostics-service';
import type { RendererLogLine } from '../services/logging/renderer-log';
import type { PolicyService } from '../services/policy/policy-service';
import type { UpdateService } from '../services/update/update-service';
import type { Handlers } from './router';

export interface HandlerDeps {
  readonly ports: Ports;
  readonly settings: SettingsService;
  readonly agency: AgencyService;
  readonly reports: ReportService;
  readonly auth: AuthService;
  readonly sync: SyncService;
  readonly backends: BackendRegistry;
  readonly attachments: AttachmentService;
  readonly drafts: DraftFileStore;
  readonly policy: PolicyService;
  readonly updates: UpdateService;
  readonly diagnostics: DiagnosticsService;
  readonly rendererLog: (line: RendererLogLine) => void;
  readonly emitHeartbeat: () => number;
  readonly statusFeed: (accountId: string) => Promise<Incident[]>;
  /** undefined: the backend has no help search (Google). */
  readonly helpSearch: (accountId: string, query: string, languageCode: string) => Promise<HelpArticle[] | undefined>;
}

type DraftFileChannel = Extract<keyof Handlers, `attachments.${string}Draft${string}` | `attachments.draft${string}`>;
type AttachmentChannel = Exclude<Extract<keyof Handlers, `attachments.${string}`>, DraftFileChannel>;

/** Uploads and downloads: begin/open check the account; the rest are bound to an upload or download of that account. */
function attachmentHandlers(
  attachments: AttachmentService,
  known: (accountId: string) => Promise<unknown>,
): Pick<Handlers, AttachmentChannel> {
  return {
    'attachments.stageBegin': async ({ accountId, ...file }) => {
      await known(accountId);
      return attachments.stageBegin(accountId, file);
    },
    'attachments.stageChunk': ({ accountId, uploadId, offset, bytes }) => attachments.stageChunk(accountId, uploadId, offset, bytes),
    'attachments.stageCommit': ({ accountId, uploadId, caseRef }) => attachments.stageCommit(accountId, uploadId, caseRef),
    'attachments.stageAbort': async ({ accountId, uploadId }) => {
      await attachments.stageAbort(accountId, uploadId);
      return {};
    },
    'attachments.openDownload': async ({ accountId, attachmentName }) => {
      await known(accountId);
      return attachments.openDownload(accountId, attachmentName);
    },
    'attachments.readChunk': ({ accountId, downloadId }) => attachments.readChunk(accountId, downloadId),
    'attachments.cancelDownload': async ({ accountId, downloadId }) => {
      await attachments.cancelDownload(accountId, downloadId);
      return {};
    },
    'attachments.saveAs': async ({ accountId, attachmentName, filename }) => {
      await known(accountId);
      return attachments.saveAs(accountId, attachmentName, filename);
    },
  };
}

/** Contract channel → service call. Thin on purpose: logic lives in services. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { ports, settings, auth, sync, backends, attachments, drafts, emitHeartbeat, statusFeed, helpSearch } = deps;
  /** Every account-scoped call names an account that is signed in here; its sync loop is up before the call goes on. */
  const known = async (accountId: string) => {
    const account = await auth.account(accountId);
    await sync.ensure(account);
    return account;
  };

  return {
    'app.info': async () => ({
      name: ports.host.appName,
      version: ports.host.appVersion,
      host: ports.host.kind,
      platform: ports.host.platform,
    }),
    'app.echo': async (request) => ({
      ...(request.text === undefined ? {} : { text: request.text }),
      byteLength: request.bytes?.byteLength ?? 0,
    }),
    'app.emitHeartbeat': async () => ({ seq: emitHeartbeat() }),
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.update(patch),
    'accounts.list': () => auth.state(),
    'accounts.signIn': (request) =>
      auth.signIn({
        backend: request.backend,
        ...(request.domain ? { domain: request.domain } : {}),
        ...(request.loginHint ? { loginHint: request.loginHint } : {}),
      }),
    'accounts.cancelSignIn': async () => {
      auth.cancelSignIn();
      return {};
    },
    'accounts.signOut': async ({ accountId }) => {
      await known(accountId);
      await attachments.wipeAccount(accountId);
      const discardedChanges = await sync.wipe(accountId);
      await drafts.wipe(accountId);
      // Main's part of the wipe: the renderer wipes its own when the account leaves the list.
      await ports.portal.clear(accountId);
      await auth.signOut(accountId);
      return { discardedChanges };
    },
    'replica.hello': async ({ accountId, cursor }) => {
      await known(accountId);
      await sync.hello(accountId, cursor);
      return {};
    },
    'replica.ack': async ({ accountId, batchId }) => {
      await sync.ack(accountId, batchId);
      return {};
    },
    'replica.nack': async ({ accountId, batchId, reason }) => {
      await sync.nack(accountId, batchId, reason);
      return {};
    },
    'mutations.enqueue': async ({ accountId, mutation }) => {
      await known(accountId);
      return sync.enqueue(accountId, mutation);
    },
    'mutations.list': async ({ accountId }) => {
      await known(accountId);
      return sync.list(accountId);
    },
    'mutations.retry': async ({ accountId, id }) => {
      await known(accountId);
      return sync.retry(accountId, id);
    },
    'mutations.edit': async ({ accountId, id, mutation }) => {
      await known(accountId);
      return sync.edit(accountId, id, mutation);
    },
    'mutations.discard': async ({ accountId, id }) => {
      await known(accountId);
      return sync.discard(accountId, id);
    },
    'sync.now': async ({ accountId }) => {
      if (accountId) await known(accountId);
      await sync.syncNow(accountId);
      return {};
    },
    'sync.statuses': async () => sync.statuses(),
    'backend.info': async ({ accountId }) => backends.info((await known(accountId)).backend),
    ...attachmentHandlers(attachments, known),
    ...draftFileHandlers(known, attachments, drafts),
    'portal.open': async ({ accountId, caseNumber }) => {
      await known(accountId);
      // The Customer Care portal; the case number is offered as a search so the agent lands on it.
      await ports.portal.open(
        accountId,
        caseNumber ? `https://support.google.com/a/?hl=en&q=${caseNumber}` : 'https://support.google.com/a/',
      );
      return {};
    },
    'cases.fetchThread': async ({ accountId, caseName }) => {
      await known(accountId);
      await sync.fetchThread(accountId, caseName);
      return {};
    },
    ...agencyHandlers(deps.agency, deps.reports),
    ...publicFeedHandlers(known, statusFeed, helpSearch),
    'policy.get': async () => deps.policy.view(),
    'log.write': async (line) => {
      deps.rendererLog({ level: line.level, message: line.message, ...(line.fields ? { fields: line.fields } : {}) });
      return {};
    },
    'diagnostics.preview': () => deps.diagnostics.preview(),
    'diagnostics.save': () => deps.diagnostics.save(),
    'update.status': async () => deps.updates.status(),
    'update.check': () => deps.updates.check(),
    'update.restart': (request) => deps.updates.restart(request),
  };
}

type Known = (accountId: string) => Promise<unknown>;

/** New-case draft files: staged in main as soon as they are chosen, queued at submit. */
function draftFileHandlers(known: Known, attachments: AttachmentService, drafts: DraftFileStore): Pick<Handlers, DraftFileChannel> {
  return {
    'attachments.stageForDraft': ({ accountId, uploadId, draftId, piiKept }) =>
      attachments.stageForDraft(accountId, uploadId, draftId, piiKept),
    'attachments.draftFiles': async ({ accountId, draftId }) => {
      await known(accountId);
      return drafts.list(accountId, draftId);
    },
    'attachments.draftFileHead': async ({ accountId, draftId, fileId }) => {
      await known(accountId);
      return { bytes: await drafts.head(accountId, draftId, fileId, 2 * 1024 * 1024) };
    },
    'attachments.commitDraftFile': async ({ accountId, draftId, fileId, caseRef }) => {
      await known(accountId);
      return attachments.commitDraftFile(accountId, draftId, fileId, caseRef);
    },
    'attachments.discardDraftFiles': async ({ accountId, draftId, fileIds }) => {
      await known(accountId);
      await drafts.discard(accountId, draftId, fileIds);
      return {};
    },
  };
}

/** Public documents of the backend, read without the account's token. */
function publicFeedHandlers(
  known: Known,
  statusFeed: HandlerDeps['statusFeed'],
  helpSearch: HandlerDeps['helpSearch'],
): Pick<Handlers, 'backend.incidents' | 'help.search'> {
  return {
    'backend.incidents': async ({ accountId }) => {
      await known(accountId);
      try {
        return await statusFeed(accountId);
      } catch {
        throw new AppError('offline', 'The service status feed could not be reached.');
      }
    },
    'help.search': async ({ accountId, query, languageCode }) => {
      await known(accountId);
      let articles: HelpArticle[] | undefined;
      try {
        articles = await helpSearch(accountId, query, languageCode);
      } catch {
        throw new AppError('offline', 'The help search could not be reached.');
      }
      return articles === undefined ? { source: 'none' as const } : { source: 'backend' as const, articles };
    },
  };
}

type AgencyChannel = Extract<keyof Handlers, `agency.${string}` | `reports.${string}`>;

/** The agency's data and the customer report's files. */
function agencyHandlers(agency: AgencyService, reports: ReportService): Pick<Handlers, AgencyChannel> {
  return {
    'reports.savePdf': ({ suggestedName }) => reports.savePdf(suggestedName),
    'reports.saveCsv': ({ suggestedName, text }) => reports.saveText(suggestedName, text, '.csv'),
    'agency.get': () => agency.get(),
    'agency.savePlan': ({ plan }) => agency.savePlan(plan),
    'agency.deletePlan': ({ planId }) => agency.deletePlan(planId),
    'agency.setDefaultPlan': ({ planId }) => agency.setDefaultPlan(planId),
    'agency.setCustomer': (patch) => agency.setCustomer(patch),
    'agency.clearDemo': () => agency.clearDemo(),
    'agency.importCsv': ({ kind, text }) => agency.importCsv(kind, text),
    'agency.exportCsv': async ({ kind }) =>
      reports.saveText(kind === 'plans' ? 'sla-plans.csv' : 'sla-customers.csv', await agency.exportCsv(kind), '.csv'),
  };
}
