import { z } from 'zod';
import { defineSlot, listOf, storageKeys } from '../../platform/storage';

// Canned replies: comment texts and escalation justifications the agent reuses. A template is
// either shared by every domain or belongs to one reseller domain; both live in localStorage.

export type TemplateKind = 'comment' | 'escalation';

export interface Template {
  readonly id: string;
  readonly name: string;
  readonly body: string;
  readonly kind: TemplateKind;
  /** A reseller domain, or undefined for a template shared by every domain. */
  readonly domain?: string;
}

export const templatesStorageKey = storageKeys.templates.prefix;

const templateSchema = z.object({
  id: z.string(),
  name: z.string(),
  body: z.string(),
  kind: z.enum(['comment', 'escalation']),
  domain: z.string().optional(),
});
// A damaged template is dropped; the others stay.
const templatesSlot = defineSlot({
  version: 1,
  schema: listOf<Template>(templateSchema),
});

/** False on a workstation that never saved templates (it starts with the starter set). */
export function hasSavedTemplates(storage: Storage): boolean {
  return storage.getItem(templatesStorageKey) !== null;
}

export function loadTemplates(storage: Storage): Template[] {
  return templatesSlot.read(storage, templatesStorageKey) ?? [];
}

export function saveTemplates(storage: Storage, templates: readonly Template[]): void {
  templatesSlot.write(storage, templatesStorageKey, [...templates]);
}

/** Templates usable in this domain for this kind: the domain's own first, then shared ones, each by name. */
export function templatesFor(templates: readonly Template[], domain: string, kind: TemplateKind): Template[] {
  const byName = (a: Template, b: Template): number => a.name.localeCompare(b.name);
  const own = templates.filter((x) => x.kind === kind && x.domain === domain).sort(byName);
  const shared = templates.filter((x) => x.kind === kind && x.domain === undefined).sort(byName);
  return [...own, ...shared];
}

/** Case-insensitive match on name and body; the name matching first. */
export function filterTemplates(templates: readonly Template[], query: string): Template[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...templates];
  const inName = templates.filter((x) => x.name.toLowerCase().includes(q));
  const inBody = templates.filter((x) => !inName.includes(x) && x.body.toLowerCase().includes(q));
  return [...inName, ...inBody];
}

export function addTemplate(templates: readonly Template[], input: Omit<Template, 'id'>, id: string): Template[] {
  const template: Template = {
    id,
    name: input.name.trim(),
    body: input.body,
    kind: input.kind,
    ...(input.domain ? { domain: input.domain } : {}),
  };
  return [...templates, template];
}

export function removeTemplate(templates: readonly Template[], id: string): Template[] {
  return templates.filter((x) => x.id !== id);
}

export interface TemplateVariables {
  readonly caseNumber?: string;
  readonly customer?: string;
  readonly agent?: string;
}

/** Fills `{{caseNumber}}`, `{{customer}}` and `{{agent}}`; unknown or missing ones are left as typed. */
export function fillTemplate(body: string, vars: TemplateVariables): string {
  return body.replace(/\{\{\s*(caseNumber|customer|agent)\s*\}\}/g, (whole, name: keyof TemplateVariables) => vars[name] ?? whole);
}

export interface TextEdit {
  readonly text: string;
  /** Where the caret goes after the edit. */
  readonly caret: number;
}

/** Inserts a template at the selection (replacing it), separated from surrounding text by a newline where needed. */
export function insertAt(text: string, selectionStart: number, selectionEnd: number, insert: string): TextEdit {
  const start = Math.max(0, Math.min(selectionStart, text.length));
  const end = Math.max(start, Math.min(selectionEnd, text.length));
  const before = text.slice(0, start);
  const after = text.slice(end);
  const lead = before === '' || before.endsWith('\n') ? '' : '\n';
  const trail = after === '' || after.startsWith('\n') ? '' : '\n';
  const middle = lead + insert + trail;
  return { text: before + middle + after, caret: before.length + lead.length + insert.length };
}

export interface SlashQuery {
  /** Offset of the "/" that started the command. */
  readonly start: number;
  readonly query: string;
}

/**
 * "/" typed at the start of a line opens the template picker; the words typed after it filter
 * the list (`/template mail` and `/mail` both search for "mail"). Null when the caret is not
 * inside such a command.
 */
export function slashQuery(text: string, caret: number): SlashQuery | null {
  const lineStart = text.lastIndexOf('\n', caret - 1) + 1;
  const line = text.slice(lineStart, caret);
  const match = /^\/(?:template\b ?)?([^\n/]{0,40})$/i.exec(line);
  if (!match) return null;
  return { start: lineStart, query: (match[1] ?? '').trim() };
}

/** Replaces the "/query" command (from its start to the caret) with the template text. */
export function applySlashTemplate(text: string, command: SlashQuery, caret: number, body: string): TextEdit {
  const before = text.slice(0, command.start);
  const after = text.slice(caret);
  return { text: before + body + after, caret: before.length + body.length };
}
