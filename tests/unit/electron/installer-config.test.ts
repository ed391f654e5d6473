import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const config = parse(readFileSync(path.join(repoRoot, 'build/electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('electron-builder config', () => {
  it('builds every installer we ship', () => {
    expect(config).toMatchObject({
      appId: expect.any(String),
      productName: 'Reseller Support Console',
      linux: { target: ['AppImage', 'deb'] },
      win: { target: ['nsis'] },
      mac: { target: ['dmg'] },
    });
  });

  it('packs the app into an asar and ships only the build output', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toContain('out/**');
    expect(config.files).not.toContain('electron/**');
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('offers a per-machine install on Windows and a desktop entry on Linux', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true, differentialPackage: true });
    expect(config.linux).toMatchObject({
      desktop: { entry: { Name: 'Reseller Support Console', Categories: expect.stringContaining('Office') } },
    });
  });

  it('publishes to a generic update feed with stable and beta channels', () => {
    expect(config.publish).toEqual([expect.objectContaining({ provider: 'generic', url: expect.stringMatching(/^https:\/\//) })]);
    expect(config.generateUpdatesFilesForAllChannels).toBe(true);
  });
});
