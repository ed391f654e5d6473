import { useMemo, useState } from 'react';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { PiiPanel } from '../case-detail';
import { FieldError, fieldId, invalidProps } from './form-bits';
import { DESCRIPTION_PROMPTS, promptOutline } from './help-topics';
import { searchCategories } from './new-case-form';
import { keywordCategoryMatcher } from './suggestions';
import type { NewCaseForm } from './use-new-case-form';

type Category = { id: string; displayName: string };

/** Category (searched as the agent types, with suggestions from the description), title and description with their PII findings. */
export function ProblemSection({ form }: { form: NewCaseForm }): React.JSX.Element {
  const { t } = useTranslation('newCase');
  const { draft, errors, update, categories } = form;
  const [categoryQuery, setCategoryQuery] = useState(draft.classificationName);
  const matches = useMemo(
    () => searchCategories(categories ?? [], categoryQuery === draft.classificationName ? '' : categoryQuery, 40),
    [categories, categoryQuery, draft.classificationName],
  );
  const suggested = useMemo(
    () => keywordCategoryMatcher.rank(categories ?? [], `${draft.title}\n${draft.description}`, 3),
    [categories, draft.title, draft.description],
  );
  const choose = (chosen: Category): void => {
    update({ classificationId: chosen.id, classificationName: chosen.displayName });
    setCategoryQuery(chosen.displayName);
  };

  return (
    <section className="form-section" aria-labelledby="sec-problem">
      <h3 id="sec-problem">{t('sections.problem')}</h3>
      <p className="muted">{t('productType')}</p>
      <div className="field" data-field="category">
        <ComboBox
          className="category-combo"
          aria-describedby={errors.category ? 'new-case-category-error' : undefined}
          items={matches}
          inputValue={categoryQuery}
          onInputChange={setCategoryQuery}
          selectedKey={draft.classificationId || null}
          allowsEmptyCollection
          menuTrigger="focus"
          onSelectionChange={(key) => {
            const chosen = (categories ?? []).find((c) => c.id === key);
            if (chosen) choose(chosen);
          }}
        >
          <Label>{t('category.label')}</Label>
          <Input
            id={fieldId('category')}
            className="input"
            data-testid="category-input"
            placeholder={t('category.placeholder')}
            aria-invalid={errors.category ? true : undefined}
          />
          <Popover className="popover category-popover" placement="bottom start">
            <ListBox
              className="menu"
              renderEmptyState={() => (
                <p className="muted menu-empty">
                  {categories && categories.length === 0 ? t('category.noCategories') : t('category.noMatch')}
                </p>
              )}
            >
              {(item: Category) => (
                <ListBoxItem id={item.id} className="menu-item" textValue={item.displayName}>
                  {item.displayName}
                </ListBoxItem>
              )}
            </ListBox>
          </Popover>
        </ComboBox>
        {suggested.length > 0 && suggested[0]?.id !== draft.classificationId && (
          <div className="category-suggestions" data-testid="category-suggestions">
            <span className="muted small">{t('guided.suggestedCategory')}</span>
            {suggested.map((category) => (
              <button key={category.id} type="button" className="chip" onClick={() => choose(category)}>
                {category.displayName.replace(/^Google Workspace > /, '')}
              </button>
            ))}
          </div>
        )}
        {draft.classificationId && <span className="muted small">{t('category.chosen', { name: draft.classificationName })}</span>}
        <FieldError field="category" errors={errors} />
      </div>
      <label className="field wide">
        <span>{t('titleField.label')}</span>
        <input
          id={fieldId('title')}
          className="input"
          data-testid="title-input"
          value={draft.title}
          placeholder={t('titleField.placeholder')}
          onChange={(event) => update({ title: event.target.value })}
          {...invalidProps(errors, 'title')}
        />
        <FieldError field="title" errors={errors} />
      </label>
      <FieldPii form={form} field="title" />
      <DescriptionField form={form} />
      <FieldPii form={form} field="description" />
    </section>
  );
}

/** The PII findings of one text field, right under it ("keep anyway" needs a reason). */
function FieldPii({ form, field }: { form: NewCaseForm; field: 'title' | 'description' }): React.JSX.Element {
  return (
    <PiiPanel
      text={form.draft[field]}
      findings={form.pii[field].findings}
      decisions={form.pii[field].decisions}
      testId={`${field}-pii`}
      onRemove={(finding) => form.removePii(field, finding)}
      onKeep={(finding, reason) => form.keepPii(field, finding, reason)}
    />
  );
}

function DescriptionField({ form }: { form: NewCaseForm }): React.JSX.Element {
  const { t } = useTranslation('newCase');
  const { draft, errors, update } = form;
  return (
    <div className="description-row">
      <label className="field wide">
        <span>{t('description.label')}</span>
        <textarea
          id={fieldId('description')}
          className="input description-input"
          data-testid="description-input"
          rows={10}
          value={draft.description}
          onChange={(event) => update({ description: event.target.value })}
          {...invalidProps(errors, 'description')}
        />
        <FieldError field="description" errors={errors} />
      </label>
      <aside className="prompts" aria-label={t('description.promptsTitle')}>
        <strong>{t('description.promptsTitle')}</strong>
        <ul>
          {DESCRIPTION_PROMPTS.map((p) => (
            <li key={p}>{t(`description.prompts.${p}`)}</li>
          ))}
        </ul>
        <button
          type="button"
          className="button"
          onClick={() =>
            update({
              description:
                (draft.description.trim() ? `${draft.description.trimEnd()}\n\n` : '') +
                promptOutline(DESCRIPTION_PROMPTS.map((p) => t(`description.outline.${p}`))),
            })
          }
        >
          {t('description.insertOutline')}
        </button>
      </aside>
    </div>
  );
}
