import { z } from 'zod';

// proto3-JSON parsers accept both the lowerCamelCase JSON name and the original
// snake_case field name; Google's own samples mix them in one body.
export function snakeToCamel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** Recursively rewrites snake_case object keys to camelCase ("@type" and the like stay as they are). */
export function normalizeInboundKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeInboundKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const key = k.startsWith('@') ? k : snakeToCamel(k);
    // defineProperty so a "__proto__" key stays a plain (and later rejected) field.
    Object.defineProperty(out, key, { value: normalizeInboundKeys(v), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Parses a wire payload after key normalisation; the same entry point for the client and the sandbox. */
export function parseInbound<S extends z.ZodType>(schema: S, raw: unknown): z.ZodSafeParseResult<z.output<S>> {
  return schema.safeParse(normalizeInboundKeys(raw));
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

export function isRfc3339(value: string): boolean {
  return RFC3339.test(value) && !Number.isNaN(Date.parse(value));
}

/** RFC 3339 UTC with millisecond precision, as Google emits it. */
export function toRfc3339(ms: number): string {
  return new Date(ms).toISOString();
}

export const Rfc3339Schema = z.string().refine(isRfc3339, { message: 'expected an RFC 3339 timestamp' });

/** int64 values travel as JSON strings in proto3-JSON. */
export const Int64StringSchema = z.string().regex(/^-?\d+$/, 'expected an int64 decimal string');

/** Builds a human message from zod issues, naming the offending field paths. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') {
        const where = path === '' ? '' : ` in '${path}'`;
        return `Unknown name${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${where}: Cannot find field.`;
      }
      return `Invalid value at '${path === '' ? '(root)' : path}': ${issue.message}`;
    })
    .join('; ');
}
