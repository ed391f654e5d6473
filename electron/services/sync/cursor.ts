import { z } from 'zod';
import { CUSTOMER_ACCESS_STATES } from '../../../shared/domain';
import type { ReplicaBatch } from '../../../shared/ipc';

// The pull cursor: stored by the renderer with the data it describes (same transaction),
// handed back at `replica.hello`. One entry per case scope, each with its own watermark,
// so a customer whose organization becomes visible later starts from the beginning while
// the others carry on. Short keys: the cursor travels with every batch.

const scopeCursorSchema = z.object({
  /** Customer the scope belongs to. */
  c: z.string(),
  /** Watermark (RFC 3339): every case of the scope updated at or before it (minus the overlap) is in the replica. */
  w: z.string().optional(),
  /** Cases inside the overlap window as last seen (name → updateTime): re-listed but unchanged, they are skipped. */
  s: z.record(z.string(), z.string()).default({}),
  /** When the scope was last listed without a watermark (the periodic full reconciliation), epoch ms. */
  f: z.number().optional(),
  /** History trickle of long-closed cases: the page to resume from, or true once every thread was fetched. */
  h: z.union([z.string(), z.literal(true)]).optional(),
});
export type ScopeCursor = z.infer<typeof scopeCursorSchema>;

const cursorSchema = z.object({
  v: z.literal(2),
  scopes: z.record(z.string(), scopeCursorSchema).default({}),
  /** Customers the replica holds and the access it shows for them (to notice a transfer after a restart). */
  customers: z.record(z.string(), z.enum(CUSTOMER_ACCESS_STATES)).default({}),
  categoriesAt: z.number().optional(),
});
export type PullCursor = z.infer<typeof cursorSchema>;

export function emptyCursor(): PullCursor {
  return { v: 2, scopes: {}, customers: {} };
}

/** An unreadable or older cursor starts over (a full pull; upserts are idempotent). */
export function parseCursor(raw: string | null | undefined): PullCursor {
  if (!raw) return emptyCursor();
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : emptyCursor();
  } catch {
    return emptyCursor();
  }
}

export type BatchBody = Omit<ReplicaBatch, 'accountId' | 'batchId' | 'cursor'>;

/**
 * Sends batches one at a time, each with the cursor the replica holds once it is applied:
 * the last acknowledged cursor with this batch's change on top. Scopes pull in parallel,
 * but a cursor never claims a page whose batch was not acknowledged.
 */
export class CursorKeeper {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private acked: PullCursor,
    private readonly send: (batch: Omit<ReplicaBatch, 'accountId' | 'batchId'>) => Promise<void>,
  ) {}

  get cursor(): PullCursor {
    return this.acked;
  }

  /** Queues a batch; `change` derives the new cursor from the acknowledged one at send time. */
  deliver(body: BatchBody, change: (cursor: PullCursor) => PullCursor = (cursor) => cursor): Promise<void> {
    const run = this.chain.then(async () => {
      const next = change(this.acked);
      await this.send({ ...body, cursor: JSON.stringify(next) });
      this.acked = next;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** A cursor-only change; sent only when it changes anything (a no-change sync writes nothing). */
  update(change: (cursor: PullCursor) => PullCursor): Promise<void> {
    const run = this.chain.then(async () => {
      const next = change(this.acked);
      if (JSON.stringify(next) === JSON.stringify(this.acked)) return;
      await this.send({ upserts: {}, deletes: {}, cursor: JSON.stringify(next) });
      this.acked = next;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }
}

/** The cursor with one scope's entry replaced (or removed when `scope` is undefined). */
export function withScope(cursor: PullCursor, name: string, scope: ScopeCursor | undefined): PullCursor {
  const scopes = { ...cursor.scopes };
  if (scope) scopes[name] = scope;
  else delete scopes[name];
  return { ...cursor, scopes };
}
