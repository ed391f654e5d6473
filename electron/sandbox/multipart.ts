import { badRequest } from './http';

// multipart/related request bodies (the shape googleapis-common sends, CRLF line ends).

export interface Part {
  headers: Record<string, string>;
  body: Buffer;
}

/** Splits a multipart/related body into its parts; a malformed body is a 400. */
export function parseMultipartRelated(contentType: string, raw: Buffer): Part[] {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (boundary === undefined) throw badRequest('multipart/related Content-Type needs a boundary parameter.');
  const delim = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let pos = raw.indexOf(delim);
  if (pos < 0) throw badRequest('multipart body does not contain the declared boundary.');
  for (;;) {
    pos += delim.length;
    if (raw.subarray(pos, pos + 2).toString() === '--') return parts;
    if (raw.subarray(pos, pos + 2).toString() === '\r\n') pos += 2;
    const next = raw.indexOf(delim, pos);
    if (next < 0) throw badRequest('multipart body is not terminated by the closing boundary.');
    let chunk = raw.subarray(pos, next);
    if (chunk.subarray(chunk.length - 2).toString() === '\r\n') chunk = chunk.subarray(0, chunk.length - 2);
    const sep = chunk.indexOf('\r\n\r\n');
    const headerText = sep < 0 ? chunk.toString('utf8') : chunk.subarray(0, sep).toString('utf8');
    const headers: Record<string, string> = {};
    for (const line of headerText.split('\r\n')) {
      const i = line.indexOf(':');
      if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    parts.push({ headers, body: sep < 0 ? Buffer.alloc(0) : chunk.subarray(sep + 4) });
    pos = next;
  }
}
