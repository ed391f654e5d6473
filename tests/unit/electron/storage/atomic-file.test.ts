import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFileOf, readJsonFile, writeFileAtomicSync, writeJsonFile } from '../../../../electron/fs/atomic-file';
import type { Logger } from '../../../../electron/ports';
import { createFileVault } from '../../../../electron/services/storage/file-vault';
import { jsonDocument } from '../../../../electron/services/storage/json-document';
import { createSettingsService, defaultSettings } from '../../../../electron/services/settings/settings-service';

const anyObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function recordingLogger(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, info: () => {}, warn: () => {}, error: (message) => void errors.push(message) };
}

/** A reversible stand-in for safeStorage: sealed text must never equal the secret. */
const cipher = {
  seal: (plain: string) => Buffer.from(plain, 'utf8').toString('base64'),
  open: (sealed: string) => Buffer.from(sealed, 'base64').toString('utf8'),
};

const tempDir = () => mkdtemp(path.join(tmpdir(), 'atomic-'));

describe('atomic JSON files', () => {
  it('keeps the previous good version as .bak and leaves no temp files', async () => {
    const file = path.join(await tempDir(), 'doc.json');
    await writeJsonFile(file, { v: 1 });
    await writeJsonFile(file, { v: 2 });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ v: 2 });
    expect(JSON.parse(await readFile(backupFileOf(file), 'utf8'))).toEqual({ v: 1 });
    expect((await readdir(path.dirname(file))).sort()).toEqual(['doc.json', 'doc.json.bak']);
  });

  it('concurrent writers of one file never tear it: the last write wins, whole', async () => {
    const file = path.join(await tempDir(), 'doc.json');
    await Promise.all(Array.from({ length: 100 }, (_, i) => writeJsonFile(file, { i, pad: 'x'.repeat(i * 50) })));
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ i: 99 });
    expect(await readdir(path.dirname(file))).not.toContainEqual(expect.stringMatching(/\.tmp$/));
  });

  it('a truncated file is moved aside (never overwritten) and the .bak restored', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'doc.json');
    await writeJsonFile(file, { good: 1 });
    await writeJsonFile(file, { good: 2 });
    const whole = await readFile(file, 'utf8');
    await writeFile(file, whole.slice(0, whole.length / 2)); // torn by a crash or a full disk
    const result = await readJsonFile(file, anyObject, { now: () => Date.parse('2025-01-02T03:04:05Z') });
    expect(result).toMatchObject({ status: 'restored', value: { good: 1 } });
    const damaged = result.status === 'restored' ? result.damagedPath : '';
    expect(path.basename(damaged)).toBe('doc.json.damaged-2025-01-02T03-04-05-000Z');
    expect(await readFile(damaged, 'utf8')).toBe(whole.slice(0, whole.length / 2));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ good: 1 });
  });

  it('a damaged file without a good backup reads as damaged, not as an empty document', async () => {
    const file = path.join(await tempDir(), 'doc.json');
    await writeFile(file, '{"half":');
    const result = await readJsonFile(file, anyObject);
    expect(result.status).toBe('damaged');
    await expect(readJsonFile(file, anyObject)).resolves.toEqual({ status: 'missing' });
  });

  it('the .bak only ever holds a file that parsed', async () => {
    const file = path.join(await tempDir(), 'doc.json');
    await writeJsonFile(file, { good: true });
    await writeJsonFile(file, { good: 'again' });
    await writeFile(file, 'garbage');
    await writeJsonFile(file, { next: true });
    expect(JSON.parse(await readFile(backupFileOf(file), 'utf8'))).toEqual({ good: true });
  });

  it('the synchronous twin (sandbox store) also keeps a .bak', async () => {
    const file = path.join(await tempDir(), 'state.json');
    writeFileAtomicSync(file, Buffer.from('{"a":1}'));
    writeFileAtomicSync(file, Buffer.from('{"a":2}'));
    expect(await readFile(file, 'utf8')).toBe('{"a":2}');
    expect(await readFile(backupFileOf(file), 'utf8')).toBe('{"a":1}');
  });
});

describe('file vault', () => {
  it('a vault hammered by concurrent writers stays valid JSON with every token present', async () => {
    const file = path.join(await tempDir(), 'vault.json');
    const vault = createFileVault({ file, cipher, logger: recordingLogger() });
    const rounds = 200;
    await Promise.all(
      Array.from({ length: rounds }, async (_, i) => {
        await vault.set(`refresh:${i}`, `token-${i}-a`);
        await vault.delete(`refresh:${i}`);
        await vault.set(`refresh:${i}`, `token-${i}-b`);
      }),
    );
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    expect(Object.keys(onDisk)).toHaveLength(rounds);
    const reopened = createFileVault({ file, cipher, logger: recordingLogger() });
    for (let i = 0; i < rounds; i += 1) await expect(reopened.get(`refresh:${i}`)).resolves.toBe(`token-${i}-b`);
    expect(Object.values(onDisk).some((sealed) => sealed.includes('token-'))).toBe(false);
  });

  it('a truncated vault is reported and its backup used, never silently emptied', async () => {
    const file = path.join(await tempDir(), 'vault.json');
    const vault = createFileVault({ file, cipher, logger: recordingLogger() });
    await vault.set('refresh:a', 'A');
    await vault.set('refresh:b', 'B');
    const whole = await readFile(file, 'utf8');
    await writeFile(file, whole.slice(0, 10));
    const logger = recordingLogger();
    const reopened = createFileVault({ file, cipher, logger });
    await expect(reopened.get('refresh:a')).resolves.toBe('A');
    expect(logger.errors).toEqual(['vault: the token file was damaged and moved aside']);
    expect((await readdir(path.dirname(file))).some((name) => name.startsWith('vault.json.damaged-'))).toBe(true);
  });
});

describe('settings on a durable document', () => {
  it('a damaged settings file is moved aside and reported; the app runs on defaults and can save again', async () => {
    const file = path.join(await tempDir(), 'settings.json');
    await writeFile(file, '{"language":"fr", "theme":');
    const logger = recordingLogger();
    const service = createSettingsService(jsonDocument(file, logger), logger, () => {});
    await expect(service.get()).resolves.toEqual(defaultSettings);
    expect(logger.errors).toEqual(['storage: a damaged file was moved aside; starting from defaults']);
    await service.update({ language: 'id' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ language: 'id' });
    const damaged = (await readdir(path.dirname(file))).find((name) => name.startsWith('settings.json.damaged-')) ?? '';
    expect(await readFile(path.join(path.dirname(file), damaged), 'utf8')).toBe('{"language":"fr", "theme":');
  });

  it('an unreadable settings file gives defaults and is not written over', async () => {
    const failing = {
      read: async () => {
        throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      },
      write: async () => {
        throw new Error('must not write');
      },
    };
    const service = createSettingsService(failing, recordingLogger(), () => {});
    await expect(service.get()).resolves.toEqual(defaultSettings);
    await expect(service.update({ theme: 'dark' })).rejects.toThrow('EIO');
  });
});
