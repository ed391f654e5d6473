import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../electron/sandbox/index';
import { apiFor, enc, http, startTestSandbox } from './helpers';

describe('demo world', () => {
  let sb: SandboxHandle;
  beforeAll(async () => {
    sb = await startTestSandbox();
  });
  afterAll(() => sb.close());

  it('has ≥ 2 partners, ≥ 4 domains, ≥ 40 customers of every kind and ≥ 2,000 cases over every state, priority and language', async () => {
    const partners = new Set(sb.demoAccounts.map((d) => d.partner));
    const domains = new Set(sb.demoAccounts.map((d) => d.domain));
    expect(partners.size).toBeGreaterThanOrEqual(2);
    expect(domains.size).toBeGreaterThanOrEqual(4);
    expect(domains).toContain('apac.reseller-a.example');
    const customers = sb.admin.customers();
    expect(customers.length).toBeGreaterThanOrEqual(40);
    for (const pred of [
      (c: (typeof customers)[number]) => !c.authorized,
      (c: (typeof customers)[number]) => c.transferred,
      (c: (typeof customers)[number]) => c.premium,
      (c: (typeof customers)[number]) => !c.premium,
    ]) {
      expect(customers.some(pred)).toBe(true);
    }
    expect(sb.admin.caseCount()).toBeGreaterThanOrEqual(2000);
    const states = new Set<string>();
    const priorities = new Set<string>();
    const languages = new Set<string>();
    for (const c of customers.filter((x) => x.readers.length > 0)) {
      const a = apiFor(sb, c.readers[0] as string);
      const r = await a.get(`/v2/${c.organization}/cases:search?pageSize=1000`);
      for (const k of r.body.cases ?? []) {
        states.add(k.state);
        priorities.add(k.priority);
        languages.add(k.languageCode);
      }
    }
    expect([...states].sort()).toEqual(['ACTION_REQUIRED', 'CLOSED', 'IN_PROGRESS_GOOGLE_SUPPORT', 'NEW', 'SOLUTION_PROVIDED']);
    expect([...priorities].sort()).toEqual(['P0', 'P1', 'P2', 'P3', 'P4']);
    expect([...languages].sort()).toEqual(['en', 'fr', 'id', 'zh-CN', 'zh-TW']);
    const a = apiFor(sb, 'agent1@reseller-b.example');
    const orgB = customers.find((c) => c.writers.includes('agent1@reseller-b.example'))?.organization ?? '';
    expect((await a.get(`/v2/${orgB}/cases:search?query=${enc('"mail"')}`)).body.cases.length).toBeGreaterThan(0);
  });
});

describe('cli', () => {
  it('prints one ready line with the connection details and stops on SIGTERM', async () => {
    const args = [
      '--import',
      'tsx',
      'electron/sandbox/cli.ts',
      '--port',
      '0',
      '--seed',
      'cli',
      '--cases',
      '60',
      '--extensions',
      'adminEndpoint',
    ];
    const child = spawn(process.execPath, args, { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const lines = createInterface({ input: child.stdout });
    const first = await new Promise<string>((resolve) => lines.once('line', resolve));
    const ready = JSON.parse(first) as Record<string, unknown>;
    expect(ready).toMatchObject({ event: 'ready' });
    for (const k of ['baseUrl', 'issuer', 'adminUrl', 'adminToken', 'demoAccounts']) expect(ready[k]).toBeDefined();
    const caps = await http(`${String(ready['baseUrl'])}/sandbox/capabilities`);
    expect(caps.body.extensions.adminEndpoint.enabled).toBe(true);
    expect(ready['extensions']).toEqual(['adminEndpoint']);
    expect(
      (await http(`${String(ready['adminUrl'])}/stats`, { headers: { authorization: `Bearer ${String(ready['adminToken'])}` } })).status,
    ).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
