import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../electron/services/logging/file-logger';
import { redactFields, redactText } from '../../../electron/services/logging/redact';

describe('log redaction', () => {
  it('removes bearer tokens, Google tokens, JWTs and sandbox tokens from text', () => {
    const text =
      'Authorization: Bearer ya29.a0AfH6SMBx-abc123 refresh=1//0gAbCdEfGhIjKlMnOpQrStUvWx id=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.sig sat_0123456789abcdefXYZ';
    const redacted = redactText(text);
    expect(redacted).not.toMatch(/ya29|1\/\/0g|eyJhbGci|sat_0123/);
    expect(redacted).toContain('[redacted]');
  });

  it('redacts secret-looking keys at any depth and keeps the rest', () => {
    expect(redactFields({ accessToken: 'abc', nested: { refresh_token: 'def', caseId: '43595344' }, count: 3 })).toEqual({
      accessToken: '[redacted]',
      nested: { refresh_token: '[redacted]', caseId: '43595344' },
      count: 3,
    });
  });

  it('writes only redacted JSON lines to the log file', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'rsc-log-')), 'main.log');
    const logger = createFileLogger(file);
    logger.info('token exchange with Bearer ya29.secret-value', { client_secret: 'GOCSPX-abc', email: 'agent1@reseller-a.example' });
    const line = JSON.parse(readFileSync(file, 'utf8').trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'info', client_secret: '[redacted]', email: 'agent1@reseller-a.example' });
    expect(JSON.stringify(line)).not.toContain('ya29.secret');
  });
});
