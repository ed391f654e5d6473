import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError, type DraftFile } from '../../../shared/ipc';
import type { Logger } from '../../ports';
import { mkdirDurable, replaceFileAtomically } from '../sync/outbox/durable-fs';
import { createStaging, type Staging } from '../sync/outbox/staging';

// Files attached to a new-case draft before the case exists. The agent expects a chosen
// file to stay chosen (restart, leaving the view), so its bytes are staged durably at once,
// like queued uploads, but in a store of their own: the outbox sweeps staged files that no
// queued entry references, and a draft's files have no entry yet. A per-account manifest
// (written atomically) links each draft id to its files; on submit each file moves into the
// outbox staging and is queued, on discard the draft's files are deleted.
//
// Layout: <dir>/<accountId>/manifest.json and <dir>/<accountId>/files/<uuid>.

const manifestSchema = z.object({
  version: z.literal(1),
  drafts: z.record(
    z.string(),
    z.array(
      z.object({
        fileId: z.string(),
        filename: z.string(),
        mimeType: z.string(),
        sizeBytes: z.number().int(),
        sha256: z.string(),
        addedAt: z.string(),
        piiKept: z.boolean(),
      }),
    ),
  ),
});
type Manifest = z.infer<typeof manifestSchema>;

interface AccountDrafts {
  readonly staging: Staging;
  manifest: Manifest;
  /** Writes of one account's manifest happen one after another. */
  queue: Promise<unknown>;
}

export interface DraftFileStore {
  add(
    accountId: string,
    draftId: string,
    source: { path: string },
    meta: { filename: string; mimeType: string; piiKept: boolean },
  ): Promise<DraftFile>;
  list(accountId: string, draftId: string): Promise<DraftFile[]>;
  /** The file's bytes on disk (for moving into the outbox, or reading its head for a PII re-check). */
  pathOf(accountId: string, draftId: string, fileId: string): Promise<{ file: DraftFile; path: string }>;
  head(accountId: string, draftId: string, fileId: string, maxBytes: number): Promise<Uint8Array<ArrayBuffer>>;
  /** Removes some files of a draft, or (no ids) the whole draft. */
  discard(accountId: string, draftId: string, fileIds?: readonly string[]): Promise<void>;
  /** Everything of one account (sign-out). */
  wipe(accountId: string): Promise<void>;
}

export function createDraftFileStore(options: { readonly dir: string; readonly logger: Logger }): DraftFileStore {
  const accounts = new Map<string, Promise<AccountDrafts>>();
  const accountDir = (accountId: string): string => path.join(options.dir, accountId);
  const manifestFile = (accountId: string): string => path.join(accountDir(accountId), 'manifest.json');

  async function load(accountId: string): Promise<AccountDrafts> {
    const staging = createStaging({ dir: path.join(accountDir(accountId), 'files'), logger: options.logger });
    let manifest: Manifest = { version: 1, drafts: {} };
    try {
      const parsed = manifestSchema.safeParse(JSON.parse(await readFile(manifestFile(accountId), 'utf8')));
      if (parsed.success) manifest = parsed.data;
      else options.logger.error('draft files: unreadable manifest, starting empty', { accountId });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    // Bytes whose manifest entry never got written (a crash between the two) are orphans.
    await staging.orphanSweep(Object.values(manifest.drafts).flatMap((files) => files.map((f) => f.fileId)));
    return { staging, manifest, queue: Promise.resolve() };
  }

  const open = (accountId: string): Promise<AccountDrafts> => {
    let found = accounts.get(accountId);
    if (!found) {
      found = load(accountId);
      found.catch(() => accounts.delete(accountId));
      accounts.set(accountId, found);
    }
    return found;
  };

  /** Runs a change of the manifest after the previous one, then writes it atomically. */
  async function change<T>(accountId: string, apply: (drafts: AccountDrafts) => Promise<T> | T): Promise<T> {
    const drafts = await open(accountId);
    const run = drafts.queue.then(async () => {
      const result = await apply(drafts);
      await mkdirDurable(accountDir(accountId));
      const file = manifestFile(accountId);
      await replaceFileAtomically(file, `${file}.tmp`, new TextEncoder().encode(JSON.stringify(drafts.manifest)));
      return result;
    });
    drafts.queue = run.catch(() => undefined);
    return run;
  }

  async function find(accountId: string, draftId: string, fileId: string): Promise<{ file: DraftFile; drafts: AccountDrafts }> {
    const drafts = await open(accountId);
    const file = drafts.manifest.drafts[draftId]?.find((f) => f.fileId === fileId);
    if (!file) throw new AppError('not_found', 'No such file in this draft.', false);
    return { file, drafts };
  }

  return {
    add: (accountId, draftId, source, meta) =>
      change(accountId, async (drafts) => {
        const staged = await drafts.staging.stageFile(source);
        const file: DraftFile = {
          fileId: staged.stagedFileId,
          filename: meta.filename,
          mimeType: meta.mimeType,
          sizeBytes: staged.sizeBytes,
          sha256: staged.sha256,
          addedAt: new Date().toISOString(),
          piiKept: meta.piiKept,
        };
        drafts.manifest.drafts[draftId] = [...(drafts.manifest.drafts[draftId] ?? []), file];
        return file;
      }),
    async list(accountId, draftId) {
      return [...((await open(accountId)).manifest.drafts[draftId] ?? [])];
    },
    async pathOf(accountId, draftId, fileId) {
      const { file } = await find(accountId, draftId, fileId);
      return { file, path: path.join(accountDir(accountId), 'files', file.fileId) };
    },
    async head(accountId, draftId, fileId, maxBytes) {
      const { file } = await find(accountId, draftId, fileId);
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of (await open(accountId)).staging.openStaged(file.fileId) as AsyncIterable<Buffer>) {
        chunks.push(chunk);
        size += chunk.byteLength;
        if (size >= maxBytes) break;
      }
      const bytes = new Uint8Array(Math.min(size, maxBytes));
      let at = 0;
      for (const chunk of chunks) {
        const part = chunk.subarray(0, bytes.byteLength - at);
        bytes.set(part, at);
        at += part.byteLength;
      }
      return bytes;
    },
    discard: (accountId, draftId, fileIds) =>
      change(accountId, async (drafts) => {
        const files = drafts.manifest.drafts[draftId] ?? [];
        const gone = fileIds === undefined ? files : files.filter((f) => fileIds.includes(f.fileId));
        for (const file of gone) await drafts.staging.removeStaged(file.fileId);
        const kept = files.filter((f) => !gone.includes(f));
        if (kept.length === 0) delete drafts.manifest.drafts[draftId];
        else drafts.manifest.drafts[draftId] = kept;
      }),
    async wipe(accountId) {
      const pending = accounts.get(accountId);
      accounts.delete(accountId);
      await pending?.then((drafts) => drafts.queue).catch(() => undefined);
      await rm(accountDir(accountId), { recursive: true, force: true });
    },
  };
}
