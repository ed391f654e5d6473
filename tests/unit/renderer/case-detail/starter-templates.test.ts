import { describe, expect, it } from 'vitest';
import { starterTemplates } from '../../../../renderer/features/case-detail/starter-templates';
import { fillTemplate, templatesFor } from '../../../../renderer/features/case-detail/templates';
import { uiLanguages } from '../../../../renderer/i18n';

describe('starter templates', () => {
  it.each(uiLanguages)('ship in %s: replies and an escalation, each filling the case, customer and agent', (language) => {
    const templates = starterTemplates(language);
    expect(templatesFor(templates, 'reseller-a.example', 'comment').length).toBeGreaterThanOrEqual(3);
    expect(templatesFor(templates, 'reseller-a.example', 'escalation')).toHaveLength(1);
    for (const template of templates) {
      expect(template.name.trim()).not.toBe('');
      const filled = fillTemplate(template.body, { caseNumber: '43595344', customer: 'Acme', agent: 'Ana' });
      expect(filled).toContain('43595344');
      expect(filled).not.toMatch(/\{\{/);
    }
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
  });
});
