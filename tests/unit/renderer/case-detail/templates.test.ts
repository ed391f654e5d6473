import { beforeEach, describe, expect, it } from 'vitest';
import {
  addTemplate,
  applySlashTemplate,
  fillTemplate,
  filterTemplates,
  insertAt,
  loadTemplates,
  removeTemplate,
  saveTemplates,
  slashQuery,
  templatesFor,
  type Template,
} from '../../../../renderer/features/case-detail/templates';

const t = (id: string, name: string, extra: Partial<Template> = {}): Template => ({
  id,
  name,
  body: `${name} body`,
  kind: 'comment',
  ...extra,
});

describe('template insertion', () => {
  it('inserts at the caret on its own line and puts the caret after it', () => {
    expect(insertAt('Hello', 5, 5, 'Thanks')).toEqual({ text: 'Hello\nThanks', caret: 12 });
    expect(insertAt('', 0, 0, 'Thanks')).toEqual({ text: 'Thanks', caret: 6 });
    expect(insertAt('ab\ncd', 3, 3, 'X')).toEqual({ text: 'ab\nX\ncd', caret: 4 });
  });

  it('replaces the selection and clamps out-of-range offsets', () => {
    expect(insertAt('one two three', 4, 7, 'TWO').text).toBe('one \nTWO\n three');
    expect(insertAt('abc', 99, 120, 'Z')).toEqual({ text: 'abc\nZ', caret: 5 });
  });

  it('fills known variables and leaves unknown or missing ones as typed', () => {
    expect(fillTemplate('Case {{caseNumber}} for {{ customer }} by {{agent}} {{other}}', { caseNumber: '42', customer: 'Acme' })).toBe(
      'Case 42 for Acme by {{agent}} {{other}}',
    );
  });
});

describe('slash command', () => {
  it('opens on "/" at the start of a line and reads the query', () => {
    expect(slashQuery('/', 1)).toEqual({ start: 0, query: '' });
    expect(slashQuery('Hi\n/mail', 8)).toEqual({ start: 3, query: 'mail' });
    expect(slashQuery('/template headers', 17)).toEqual({ start: 0, query: 'headers' });
  });

  it('does not open inside a sentence, a URL or past the line', () => {
    expect(slashQuery('see a/b', 7)).toBeNull();
    expect(slashQuery('https://x', 9)).toBeNull();
    expect(slashQuery('/mail\nmore', 10)).toBeNull();
  });

  it('replaces the command with the template body', () => {
    const text = 'Hello\n/hea tail';
    const command = slashQuery(text, 10);
    expect(command).not.toBeNull();
    if (!command) return;
    expect(applySlashTemplate(text, command, 10, 'Please send the headers.')).toEqual({
      text: 'Hello\nPlease send the headers. tail',
      caret: 30,
    });
  });
});

describe('template lists', () => {
  const all = [
    t('1', 'Zeta', { domain: 'a.example' }),
    t('2', 'Alpha'),
    t('3', 'Beta', { domain: 'b.example' }),
    t('4', 'Esc', { kind: 'escalation' }),
  ];

  it('lists the domain’s own templates first, then shared ones, of the right kind', () => {
    expect(templatesFor(all, 'a.example', 'comment').map((x) => x.id)).toEqual(['1', '2']);
    expect(templatesFor(all, 'b.example', 'comment').map((x) => x.id)).toEqual(['3', '2']);
    expect(templatesFor(all, 'a.example', 'escalation').map((x) => x.id)).toEqual(['4']);
  });

  it('filters by name first, then body', () => {
    const list = [t('1', 'Headers', { body: 'x' }), t('2', 'Other', { body: 'send headers please' }), t('3', 'None', { body: 'y' })];
    expect(filterTemplates(list, 'HEAD').map((x) => x.id)).toEqual(['1', '2']);
    expect(filterTemplates(list, '').length).toBe(3);
  });

  describe('storage', () => {
    beforeEach(() => localStorage.clear());

    it('round-trips and drops malformed entries', () => {
      const list = addTemplate([], { name: ' Thanks ', body: 'Thank you', kind: 'comment', domain: 'a.example' }, 'id1');
      saveTemplates(localStorage, list);
      expect(loadTemplates(localStorage)).toEqual([{ id: 'id1', name: 'Thanks', body: 'Thank you', kind: 'comment', domain: 'a.example' }]);
      localStorage.setItem('rsc-templates', JSON.stringify([{ id: 1 }, ...list]));
      expect(loadTemplates(localStorage)).toHaveLength(1);
      localStorage.setItem('rsc-templates', '{not json');
      expect(loadTemplates(localStorage)).toEqual([]);
      expect(removeTemplate(list, 'id1')).toEqual([]);
    });
  });
});
