import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentStore, Logger } from '../../../electron/ports';
import { plansFromCsv } from '../../../electron/services/agency/agency-csv';
import { createAgencyService } from '../../../electron/services/agency/agency-service';
import { countPdfPages, createReportService } from '../../../electron/services/customer-report/report-service';
import { DEMO_PLANS, EMPTY_AGENCY_DATA, STARTER_PLAN, type AgencyData, type SlaPlan } from '../../../shared/domain';
import { agencyDataSchema } from '../../../shared/ipc';
import { jsonDocument } from '../../../electron/services/storage/json-document';
import { createCoreFixture } from '../support/core-fixture';

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function fileStore(): { store: DocumentStore; file: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rsc-agency-'));
  dirs.push(dir);
  const file = path.join(dir, 'agency.json');
  return { store: jsonDocument(file, silent), file };
}

const plan24: SlaPlan = {
  id: 'gold',
  name: 'Gold 24×7',
  coverage: { kind: '24x7' },
  targets: {
    P1: { firstResponseMinutes: 15, updateMinutes: 60 },
    P2: { firstResponseMinutes: 60, updateMinutes: 120 },
    P3: { firstResponseMinutes: 240, updateMinutes: 480 },
    P4: { firstResponseMinutes: 480, updateMinutes: 1440 },
  },
};

describe('agency service', () => {
  it('starts with the starter plan as default and keeps changes on disk, announcing each', async () => {
    const { store, file } = fileStore();
    const announced: AgencyData[] = [];
    const service = createAgencyService(store, silent, (data) => announced.push(data));
    expect(await service.get()).toEqual(EMPTY_AGENCY_DATA);
    await service.savePlan(plan24);
    await service.setDefaultPlan('gold');
    await service.setCustomer({ customerId: 'C1', planId: STARTER_PLAN.id, offering: 'premium', displayName: 'Acme' });
    const onDisk = agencyDataSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(onDisk.defaultPlanId).toBe('gold');
    expect(onDisk.customers).toEqual([{ customerId: 'C1', planId: STARTER_PLAN.id, offering: 'premium', displayName: 'Acme' }]);
    expect(announced).toHaveLength(3);
    // A fresh service (an app restart) reads the same document.
    expect(await createAgencyService(store, silent, () => {}).get()).toEqual(onDisk);
  });

  it('clears a customer field with null and refuses unknown plans and deleting the default', async () => {
    const service = createAgencyService(fileStore().store, silent, () => {});
    await service.savePlan(plan24);
    await service.setCustomer({ customerId: 'C1', planId: 'gold', offering: 'enhanced' });
    expect((await service.setCustomer({ customerId: 'C1', offering: null })).customers).toEqual([{ customerId: 'C1', planId: 'gold' }]);
    await expect(service.setCustomer({ customerId: 'C1', planId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(service.deletePlan(STARTER_PLAN.id)).rejects.toMatchObject({ code: 'failed_precondition' });
    // Deleting a plan sends its customers back to the default plan.
    expect((await service.deletePlan('gold')).customers).toEqual([{ customerId: 'C1' }]);
  });

  it('seeds the demo preset once per sandbox domain, marked as demo; edits and clearing keep the agency’s own data', async () => {
    const service = createAgencyService(fileStore().store, silent, () => {});
    await service.setCustomer({ customerId: 'C-own', offering: 'standard' });
    const customers = [
      { customerId: 'C-own', customerDomain: 'own.example', premium: true },
      { customerId: 'C-p', customerDomain: 'p.example', premium: true },
      { customerId: 'C-s', customerDomain: 's.example', premium: false },
    ];
    await service.seedDemo('reseller-a.example', customers);
    let data = await service.get();
    expect(data.plans.map((p) => p.id)).toEqual([STARTER_PLAN.id, ...DEMO_PLANS.map((p) => p.id)]);
    expect(data.customers.find((c) => c.customerId === 'C-own')).toEqual({ customerId: 'C-own', offering: 'standard' });
    expect(data.customers.find((c) => c.customerId === 'C-p')).toMatchObject({
      offering: 'premium',
      planId: 'demo-enterprise',
      demo: true,
    });
    expect(data.customers.find((c) => c.customerId === 'C-s')?.offering).not.toBe('premium');
    // Once per domain: a second sign-in does not reset the agency's edits.
    await service.setCustomer({ customerId: 'C-p', offering: 'standard' });
    await service.seedDemo('reseller-a.example', customers);
    data = await service.get();
    expect(data.customers.find((c) => c.customerId === 'C-p')).toEqual({
      customerId: 'C-p',
      customerDomain: 'p.example',
      planId: 'demo-enterprise',
      offering: 'standard',
    });
    // Editing a demo plan makes it the agency's own.
    await service.savePlan({ ...(DEMO_PLANS[1] as SlaPlan), name: 'Business' });
    data = await service.clearDemo();
    expect(data.plans.map((p) => p.id)).toEqual([STARTER_PLAN.id, 'demo-business']);
    expect(data.customers.map((c) => c.customerId).sort()).toEqual(['C-own', 'C-p']);
    expect(data.customers.find((c) => c.customerId === 'C-p')?.planId).toBeUndefined();
    expect(data.demoDomains).toEqual(['reseller-a.example']);
  });
});

describe('agency service: damaged files and CSV', () => {
  it('salvages a damaged document: valid plans and customers survive, broken ones are dropped', async () => {
    const store: DocumentStore = {
      read: async () => ({
        version: 1,
        plans: [plan24, { id: 'bad' }],
        defaultPlanId: 'gone',
        customers: [{ customerId: 'C1', planId: 'bad' }, 7],
      }),
      write: async () => {},
    };
    const data = await createAgencyService(store, silent, () => {}).get();
    expect(data.plans.map((p) => p.id)).toEqual(['gold']);
    expect(data.defaultPlanId).toBe('gold');
    expect(data.customers).toEqual([{ customerId: 'C1' }]);
  });

  it('exports and imports CSV: a round trip keeps everything; bad rows are reported by line, good rows applied', async () => {
    const service = createAgencyService(fileStore().store, silent, () => {});
    const holidayPlan: SlaPlan = {
      ...plan24,
      id: 'paris',
      name: '=Paris 8×5',
      coverage: {
        kind: 'business_hours',
        weekdays: [1, 2, 3, 4, 5],
        openMinute: 510,
        closeMinute: 1080,
        holidays: ['2026-12-25'],
        timeZone: 'Europe/Paris',
      },
    };
    await service.savePlan(plan24);
    await service.savePlan(holidayPlan);
    await service.setDefaultPlan('paris');
    await service.setCustomer({
      customerId: 'C1',
      planId: 'gold',
      offering: 'premium',
      customerDomain: 'acme.example',
      reportLanguage: 'fr',
    });
    const plansCsv = await service.exportCsv('plans');
    expect(plansCsv).toContain("'=Paris 8×5"); // a spreadsheet must not run it as a formula
    expect(plansCsv).toContain('Mon Tue Wed Thu Fri');
    const customersCsv = await service.exportCsv('customers');
    const before = await service.get();

    const other = createAgencyService(fileStore().store, silent, () => {});
    expect((await other.importCsv('plans', plansCsv)).problems).toEqual([]);
    const result = await other.importCsv('customers', customersCsv);
    expect(result).toMatchObject({ imported: 1, problems: [] });
    expect(result.data.plans).toEqual(before.plans);
    expect(result.data.defaultPlanId).toBe('paris');
    expect(result.data.customers).toEqual(before.customers);

    const broken = await other.importCsv(
      'customers',
      'customer_id,plan_id,google_support_offering\nC2,gold,premium\nC3,missing,standard\nC4,,platinum\n',
    );
    expect(broken.imported).toBe(1);
    expect(broken.problems.map((p) => p.line)).toEqual([3, 4]);
    expect(broken.problems[0]?.message).toContain('missing');
    expect(broken.data.customers.map((c) => c.customerId)).toContain('C2');
  });

  it('reports a plans file without the needed columns, and rejects impossible hours', () => {
    expect(plansFromCsv('name\nx\n').problems[0]).toMatchObject({ line: 1 });
    const header =
      'id,name,coverage,weekdays,opens,closes,P1_first_response_min,P1_update_min,P2_first_response_min,P2_update_min,P3_first_response_min,P3_update_min,P4_first_response_min,P4_update_min';
    const parsed = plansFromCsv(`${header}\nlate,Late,business_hours,Mon,18:00,09:00,1,1,1,1,1,1,1,1\n`);
    expect(parsed.plans).toEqual([]);
    expect(parsed.problems[0]?.message).toContain('closing time');
  });
});

describe('report service', () => {
  it('saves the printed PDF with its page count where the dialog says, and CSV with a BOM', async () => {
    const { file } = fileStore();
    const dir = path.dirname(file);
    const fakePdf = new TextEncoder().encode(
      '%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >>\n2 0 obj << /Type /Page >>\n3 0 obj << /Type /Page >>\n',
    );
    const reports = createReportService({
      printer: { printToPdf: async () => fakePdf },
      dialogs: { saveAs: async (name) => path.join(dir, name) },
      logger: silent,
    });
    const pdf = await reports.savePdf('Service review: Acme/March');
    expect(pdf).toMatchObject({ saved: true, pages: 2 });
    expect(path.basename(pdf.path ?? '')).toMatch(/\.pdf$/);
    expect(countPdfPages(fakePdf)).toBe(2);
    const csv = await reports.saveText('acme', 'a,b\n1,2\n', '.csv');
    expect(readFileSync(csv.path ?? '', 'utf8')).toBe('\uFEFFa,b\n1,2\n');
    const cancelled = createReportService({
      printer: { printToPdf: async () => fakePdf },
      dialogs: { saveAs: async () => undefined },
      logger: silent,
    });
    await expect(cancelled.savePdf('x')).resolves.toEqual({ saved: false, pages: 0 });
  });

  it('turns a printing failure into a typed error', async () => {
    const reports = createReportService({
      printer: { printToPdf: () => Promise.reject(new Error('boom')) },
      dialogs: { saveAs: async (name) => path.join(os.tmpdir(), name) },
      logger: silent,
    });
    await expect(reports.savePdf('x')).rejects.toMatchObject({ code: 'unavailable' });
  });
});

describe('agency data over the bridge', () => {
  it('seeds the demo preset on the first sign-in to a sandbox domain: Premium customers get an offering that allows escalation', async () => {
    const fixture = await createCoreFixture();
    try {
      const seeded = new Promise<AgencyData>((resolve) => {
        const off = fixture.core.events.subscribe((event, payload) => {
          if (event === 'agency.changed' && (payload as AgencyData).demoDomains.includes('reseller-a.example')) {
            off();
            resolve(payload as AgencyData);
          }
        });
      });
      await fixture.signIn('agent1@reseller-a.example');
      const data = await seeded;
      const sandboxCustomers = fixture.sandbox.admin.customers().filter((c) => c.resellerDomain === 'reseller-a.example' && !c.transferred);
      for (const customer of sandboxCustomers) {
        const entry = data.customers.find((c) => c.customerId === customer.customerId);
        expect(entry?.demo).toBe(true);
        expect(entry?.offering === 'premium').toBe(customer.premium);
      }
      // Bad input over the bridge is refused with a typed error before the service runs.
      const refused = await fixture.core.dispatch('agency.savePlan', { plan: { id: 'x y', name: '' } }, { url: 'test', isMainFrame: true });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      const read = await fixture.core.dispatch('agency.get', {}, { url: 'test', isMainFrame: true });
      expect(read).toMatchObject({ ok: true, value: { demoDomains: ['reseller-a.example'] } });
    } finally {
      await fixture.close();
    }
  });
});
