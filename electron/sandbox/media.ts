import { deflateSync } from 'node:zlib';

// Small, valid demo files generated in code so the repository carries no binaries.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A 32×20 RGB "screenshot" whose colours depend on `seed`. */
export function makePng(seed: number): Uint8Array {
  const w = 32;
  const h = 20;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3;
      const bar = y < 3;
      raw[o] = bar ? 26 : (seed * 37 + x * 5) & 0xff;
      raw[o + 1] = bar ? 115 : (seed * 11 + y * 9) & 0xff;
      raw[o + 2] = bar ? 232 : 200;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** A one-page PDF with a line of text; xref offsets are computed so readers accept it. */
export function makePdf(title: string): Uint8Array {
  const text = title.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '');
  const stream = `BT /F1 14 Tf 40 780 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export function makeLog(caseId: string, startMs: number): Uint8Array {
  const lines: string[] = [];
  for (let i = 0; i < 40; i++) {
    const t = new Date(startMs + i * 17_000).toISOString();
    const level = i % 7 === 3 ? 'ERROR' : i % 5 === 0 ? 'WARN' : 'INFO';
    lines.push(
      `${t} ${level} sync[${1000 + i}] case=${caseId} op=${i % 3 === 0 ? 'fetch' : 'push'} status=${level === 'ERROR' ? '503 backend unavailable' : 'ok'}`,
    );
  }
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

export function makeMailHeaders(customerDomain: string, startMs: number): Uint8Array {
  const d = new Date(startMs).toUTCString();
  const text = [
    `Delivered-To: user@${customerDomain}`,
    `Received: by 2002:a05:6a10:8e0c:b0:4c1:2f4:1a2b with SMTP id m12csp123456pxc; ${d}`,
    `Received: from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com; ${d}`,
    `Authentication-Results: mx.google.com; dkim=pass header.i=@${customerDomain}; spf=pass; dmarc=pass`,
    `From: Billing <billing@${customerDomain}>`,
    'To: partner@external.example',
    'Subject: Invoice 2026-0042',
    `Date: ${d}`,
    `Message-ID: <CAF=${startMs.toString(36)}@mail.gmail.com>`,
    '',
  ].join('\r\n');
  return Buffer.from(text, 'utf8');
}
