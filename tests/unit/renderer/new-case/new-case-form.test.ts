import { beforeEach, describe, expect, it } from 'vitest';
import { parseEmailList } from '../../../../shared/domain';
import { mutationSchema } from '../../../../shared/ipc';
import {
  buildCreateCase,
  clearNewCaseDraft,
  emptyDraft,
  hasErrors,
  isBlankDraft,
  loadNewCaseDraft,
  newCaseDraftKey,
  saveNewCaseDraft,
  searchCategories,
  validateNewCase,
  type NewCaseDraft,
} from '../../../../renderer/features/new-case/new-case-form';
import { promptOutline } from '../../../../renderer/features/new-case/help-topics';

const ok = { customerAccess: 'authorized' as const, openPii: { title: 0, description: 0 } };

function filled(patch: Partial<NewCaseDraft> = {}): NewCaseDraft {
  return {
    ...emptyDraft('Asia/Taipei', 'zh-TW'),
    customerId: 'C1',
    classificationId: 'cls-1',
    classificationName: 'Google Workspace > Gmail > Mail delivery',
    title: 'External mail delayed',
    description: 'Steps: send from outside. Tried: MX check.',
    priority: 'P2',
    subscribers: 'ops@acme.example, it@acme.example',
    draftId: '6f1c2b84-8d0e-4a55-9f0a-2f4d3c1b0a99',
    ...patch,
  };
}

describe('validation', () => {
  it('accepts a complete form', () => {
    expect(validateNewCase(filled(), ok)).toEqual({});
  });

  it('reports every problem next to its field', () => {
    const errors = validateNewCase(
      { ...emptyDraft('Mars/Olympus', ''), description: 'x'.repeat(1024 * 1024), subscribers: 'ok@acme.example, not-an-email' },
      { customerAccess: undefined, openPii: { title: 0, description: 0 } },
    );
    expect(errors).toEqual({
      customer: { code: 'required' },
      category: { code: 'required' },
      title: { code: 'required' },
      description: { code: 'too_long', max: 30_000, actual: 1024 * 1024 },
      priority: { code: 'required' },
      languageCode: { code: 'required' },
      timeZone: { code: 'invalid_time_zone' },
      subscribers: { code: 'invalid_emails', values: ['not-an-email'] },
    });
    expect(hasErrors(errors)).toBe(true);
  });

  it('blocks customers without reseller access, with the reason', () => {
    expect(validateNewCase(filled(), { ...ok, customerAccess: 'not_authorized' }).customer).toEqual({
      code: 'not_authorized',
      access: 'not_authorized',
    });
    expect(validateNewCase(filled(), { ...ok, customerAccess: 'transferred' }).customer).toEqual({
      code: 'not_authorized',
      access: 'transferred',
    });
  });

  it('refuses offsets and abbreviations as time zones, and blank titles', () => {
    expect(validateNewCase(filled({ timeZone: '-07:00' }), ok).timeZone).toEqual({ code: 'invalid_time_zone' });
    expect(validateNewCase(filled({ timeZone: 'PST' }), ok).timeZone).toEqual({ code: 'invalid_time_zone' });
    expect(validateNewCase(filled({ title: '   ' }), ok).title).toEqual({ code: 'required' });
  });

  it('holds the submit while PII findings wait for a decision', () => {
    expect(validateNewCase(filled(), { ...ok, openPii: { title: 1, description: 2 } })).toEqual({
      title: { code: 'pii_open', count: 1 },
      description: { code: 'pii_open', count: 2 },
    });
  });

  it('flags duplicate subscribers', () => {
    expect(validateNewCase(filled({ subscribers: 'a@acme.example A@acme.example' }), ok).subscribers).toEqual({ code: 'duplicate' });
    expect(parseEmailList(' a@x.example,b@x.example;\n c@x.example ')).toEqual(['a@x.example', 'b@x.example', 'c@x.example']);
  });
});

describe('the queued create', () => {
  it('is a valid create_case mutation, trimmed, with the follow-up reference', () => {
    const mutation = buildCreateCase(filled({ title: '  Title  ', followUpOf: 'organizations/9/cases/123' }), 'local:abc');
    expect(mutationSchema.parse(mutation)).toEqual(mutation);
    expect(mutation).toMatchObject({
      kind: 'create_case',
      localId: 'local:abc',
      displayName: 'Title',
      priority: 'P2',
      languageCode: 'zh-TW',
      timeZone: 'Asia/Taipei',
      subscriberEmails: ['ops@acme.example', 'it@acme.example'],
      followUpOf: 'organizations/9/cases/123',
    });
    expect('followUpOf' in buildCreateCase(filled(), 'local:x')).toBe(false);
  });
});

describe('draft autosave', () => {
  beforeEach(() => localStorage.clear());

  it('is kept per account and restored over the defaults', () => {
    const fallback = emptyDraft('Europe/Paris', 'fr');
    saveNewCaseDraft(localStorage, 'acc1', filled());
    expect(loadNewCaseDraft(localStorage, 'acc1', fallback)).toEqual(filled());
    expect(loadNewCaseDraft(localStorage, 'acc2', fallback)).toEqual(fallback);
    clearNewCaseDraft(localStorage, 'acc1');
    expect(loadNewCaseDraft(localStorage, 'acc1', fallback)).toEqual(fallback);
  });

  it('does not store a blank form and survives tampered storage', () => {
    const blank = emptyDraft('UTC', 'en');
    expect(isBlankDraft(blank)).toBe(true);
    saveNewCaseDraft(localStorage, 'acc1', blank);
    expect(localStorage.getItem(newCaseDraftKey('acc1'))).toBeNull();
    localStorage.setItem(newCaseDraftKey('acc1'), JSON.stringify({ title: 5 }));
    expect(loadNewCaseDraft(localStorage, 'acc1', blank)).toEqual(blank);
    localStorage.setItem(newCaseDraftKey('acc1'), JSON.stringify({ title: 'x', priority: 'P9' }));
    expect(loadNewCaseDraft(localStorage, 'acc1', blank)).toEqual({ ...blank, title: 'x', priority: '' });
  });
});

describe('category search', () => {
  const categories = [
    { id: '1', displayName: 'Google Workspace > Gmail > Mail delivery' },
    { id: '2', displayName: 'Google Workspace > Drive > Sharing and permissions' },
    { id: '3', displayName: 'Gmail sending limits' },
    { id: '4', displayName: 'Google Workspace > Calendar > Interoperability' },
  ];

  it('needs every word, ignores case and accents, and ranks names starting with the query first', () => {
    expect(searchCategories(categories, 'gmail').map((c) => c.id)).toEqual(['3', '1']);
    expect(searchCategories(categories, 'MAIL delivéry').map((c) => c.id)).toEqual(['1']);
    expect(searchCategories(categories, 'drive > sharing').map((c) => c.id)).toEqual(['2']);
    expect(searchCategories(categories, 'nothing here')).toEqual([]);
    expect(searchCategories(categories, '', 2)).toHaveLength(2);
  });
});

it('builds the description outline from the prompts', () => {
  expect(promptOutline(['Steps:', 'Tried:'])).toBe('Steps:\n\nTried:\n\n');
});
