import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Validates JSON against the schemas of Google's discovery documents
// (tests/conformance/discovery/*.json): every field must be declared (unknown
// fields fail), with its declared type, format and enum.

interface SchemaNode {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: string[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode;
}

export interface DiscoveryDoc {
  id: string;
  revision: string;
  schemas: Record<string, SchemaNode>;
}

export function loadDiscovery(file: 'cloudsupport-v2' | 'reseller-v1' | 'cloudresourcemanager-v3'): DiscoveryDoc {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`./discovery/${file}.json`, import.meta.url)), 'utf8')) as DiscoveryDoc;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const INT = /^-?\d+$/;
const UINT = /^\d+$/;

/** Every problem found, as `path: message`; empty means valid. */
export function validate(doc: DiscoveryDoc, schema: string | SchemaNode, value: unknown, path = '$'): string[] {
  const node = typeof schema === 'string' ? { $ref: schema } : schema;
  if (node.$ref !== undefined) {
    const target = doc.schemas[node.$ref];
    if (target === undefined) return [`${path}: schema ${node.$ref} is not in ${doc.id}`];
    return validate(doc, target, value, path);
  }
  const problems: string[] = [];
  const bad = (msg: string): string[] => [`${path}: ${msg} (got ${JSON.stringify(value)?.slice(0, 80)})`];
  switch (node.type) {
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return bad('expected an object');
      for (const [k, v] of Object.entries(value)) {
        const prop = node.properties?.[k] ?? node.additionalProperties;
        if (prop === undefined) problems.push(`${path}.${k}: unknown field`);
        else problems.push(...validate(doc, prop, v, `${path}.${k}`));
      }
      return problems;
    }
    case 'array':
      if (!Array.isArray(value)) return bad('expected an array');
      value.forEach((v, i) => problems.push(...validate(doc, node.items ?? {}, v, `${path}[${i}]`)));
      return problems;
    case 'string':
      if (typeof value !== 'string') return bad('expected a string');
      if (node.enum !== undefined && !node.enum.includes(value)) return bad(`not one of ${node.enum.join(', ')}`);
      if (node.format === 'google-datetime' && !RFC3339.test(value)) return bad('expected an RFC 3339 timestamp');
      if (node.format === 'int64' && !INT.test(value)) return bad('expected an int64 decimal string');
      if (node.format === 'uint64' && !UINT.test(value)) return bad('expected a uint64 decimal string');
      if (node.format === 'byte' && !/^[A-Za-z0-9+/_-]*={0,2}$/.test(value)) return bad('expected base64');
      return [];
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return bad('expected an integer');
      if ((node.format === 'uint32' || node.format === 'uint64') && value < 0) return bad('expected a non-negative integer');
      return [];
    case 'number':
      return typeof value === 'number' ? [] : bad('expected a number');
    case 'boolean':
      return typeof value === 'boolean' ? [] : bad('expected a boolean');
    case 'any':
      return [];
    default:
      return [`${path}: schema without a type`];
  }
}

/** Google's error envelope (google.rpc.Status over HTTP): exactly these fields. */
export function validateErrorEnvelope(body: unknown, status: number): string[] {
  const problems: string[] = [];
  const b = body as { error?: Record<string, unknown> } | null;
  if (b === null || typeof b !== 'object' || Object.keys(b).join() !== 'error' || typeof b.error !== 'object')
    return [`not an error envelope: ${JSON.stringify(body)?.slice(0, 120)}`];
  const e = b.error;
  for (const k of Object.keys(e))
    if (!['code', 'message', 'status', 'details', 'errors'].includes(k)) problems.push(`error.${k}: unknown field`);
  if (e['code'] !== status) problems.push(`error.code ${String(e['code'])} is not the HTTP status ${status}`);
  if (typeof e['message'] !== 'string') problems.push('error.message missing');
  if (e['details'] !== undefined) {
    if (!Array.isArray(e['details'])) problems.push('error.details is not an array');
    else
      for (const d of e['details'] as Record<string, unknown>[])
        if (typeof d['@type'] !== 'string') problems.push('error.details[] without @type');
  }
  return problems;
}
