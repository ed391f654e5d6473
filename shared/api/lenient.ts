import { z } from 'zod';

// Reading Google's answers leniently, as Google asks of clients (its APIs add fields and
// enum values without a new version): a response field of an unexpected shape reads as absent, an enum value a newer
// API version added passes as its string, and one unusable list item is skipped instead of
// failing the whole page (which would stall a sync on every retry).

/** A known enum value, or one a newer API version added (kept as its string). */
export type OpenEnum<K extends string> = K | (string & Record<never, never>);

/** An output enum that accepts values Google may add. */
export function openEnum<const T extends readonly string[]>(_known: T): z.ZodType<OpenEnum<T[number]>> {
  return z.string() as unknown as z.ZodType<OpenEnum<T[number]>>;
}

/** An optional output field: a value of the wrong shape reads as absent instead of failing the record. */
export function lenient<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

/** A list in a response: items that are unusable (no `name`, not an object) are skipped, never the whole page. */
export function lenientList<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .catch([])
    .transform((items) =>
      items.flatMap((raw) => {
        const parsed = item.safeParse(raw);
        return parsed.success ? [parsed.data as z.output<T>] : [];
      }),
    )
    .optional();
}
