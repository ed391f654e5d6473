// Pure rules for files the agent adds and files the app shows: what is refused before
// anything is queued, what gets a PII check, and how a file may be previewed.

import { blockedAttachmentType, sanitizeFileName, scanPii, type BlockedAttachmentReason, type PiiFinding } from '../../../shared/domain';

/** Text read for the PII check: enough for headers and the top of a log, fast on a 20 MB file. */
export const PII_SCAN_MAX_BYTES = 2 * 1024 * 1024;
/** Text shown in a preview; the rest is for "Save as…". */
export const TEXT_PREVIEW_MAX_BYTES = 1024 * 1024;

export type FileProblem =
  | { readonly code: 'empty' }
  | { readonly code: 'too_large'; readonly maxBytes: number }
  | { readonly code: 'blocked'; readonly extension: string; readonly reason: BlockedAttachmentReason }
  | { readonly code: 'bad_name' };

export interface FileCheck {
  readonly filename: string;
  readonly problem: FileProblem | null;
}

/** Name, type and size checks, in the order an agent can act on them. */
export function checkFile(file: { readonly name: string; readonly size: number }, maxBytes: number): FileCheck {
  const filename = sanitizeFileName(file.name, '');
  if (!filename) return { filename: file.name, problem: { code: 'bad_name' } };
  const blocked = blockedAttachmentType(filename) ?? blockedAttachmentType(file.name);
  if (blocked) return { filename, problem: { code: 'blocked', extension: blocked.extension, reason: blocked.reason } };
  if (file.size <= 0) return { filename, problem: { code: 'empty' } };
  if (file.size > maxBytes) return { filename, problem: { code: 'too_large', maxBytes } };
  return { filename, problem: null };
}

const TEXT_EXTENSIONS = new Set(['txt', 'log', 'csv', 'tsv', 'json', 'eml', 'har', 'xml', 'md', 'ini', 'cfg', 'conf', 'yaml', 'yml']);
const PII_EXTENSIONS = new Set(['txt', 'log', 'csv', 'json', 'eml', 'har']);
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp', 'image/avif']);

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

/** Files whose text is scanned for PII before they are accepted. */
export function needsPiiScan(filename: string): boolean {
  return PII_EXTENSIONS.has(extensionOf(filename));
}

/** Reads the start of a text file and scans it; the agent's own address is expected there. */
export async function scanFileForPii(file: Blob, allowEmails: readonly string[]): Promise<PiiFinding[]> {
  const text = await file.slice(0, PII_SCAN_MAX_BYTES).text();
  return scanPii(text, { allowEmails });
}

export type PreviewKind = 'image' | 'pdf' | 'text' | 'none';

/**
 * How a file is shown inside the app. Markup (HTML, SVG, XML) is shown as text: nothing
 * an attachment carries is ever rendered as a document or executed.
 */
export function previewKind(mimeType: string, filename: string): PreviewKind {
  const mime = mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  const ext = extensionOf(filename);
  if (
    IMAGE_TYPES.has(mime) ||
    ((mime === '' || mime === 'application/octet-stream') && ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp'].includes(ext))
  )
    return 'image';
  if (mime === 'application/pdf' || ext === 'pdf') return 'pdf';
  if (
    mime.startsWith('text/') ||
    mime === 'application/json' ||
    mime === 'message/rfc822' ||
    mime.endsWith('+json') ||
    mime.endsWith('+xml') ||
    mime === 'application/xml' ||
    TEXT_EXTENSIONS.has(ext) ||
    ext === 'svg' ||
    ext === 'html' ||
    ext === 'htm'
  )
    return 'text';
  return 'none';
}

/** Bytes as the agent reads them: the one size formatter of the UI. */
export { formatBytes } from '../../ui/format';
