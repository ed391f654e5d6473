import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ESCALATION_REASONS,
  parseEmailList,
  SELECTABLE_PRIORITIES,
  searchCategories,
  type EscalationReason,
  type SelectablePriority,
} from '../../../shared/domain';
import { mutationSchema, type Mutation, type OutboxEntry } from '../../../shared/ipc';
import type { CategoryRecord } from '../../data';

/** Whether the pending view can edit this kind of change (the kind and the case stay; the content changes). */
export function isEditable(entry: OutboxEntry): boolean {
  return ['comment', 'set_priority', 'set_subscribers', 'escalate', 'create_case'].includes(entry.mutation.kind);
}

type Draft = Mutation;

function PriorityField({ value, onChange }: { value: SelectablePriority; onChange: (p: SelectablePriority) => void }): React.JSX.Element {
  const { t } = useTranslation('pending');
  return (
    <label className="field">
      <span>{t('edit.priority')}</span>
      <select value={value} onChange={(event) => onChange(event.target.value as SelectablePriority)} data-testid="edit-priority">
        {SELECTABLE_PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {t(`cases:priority.${p}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A category picked by search (synonyms in five languages), for a new case the server refused. */
function CategoryField({
  categories,
  value,
  onChange,
}: {
  categories: readonly CategoryRecord[];
  value: { id: string; name?: string | undefined };
  onChange: (category: CategoryRecord) => void;
}): React.JSX.Element {
  const { t } = useTranslation('pending');
  const [query, setQuery] = useState('');
  const matches = useMemo(() => searchCategories(categories, query, 8), [categories, query]);
  const current = categories.find((category) => category.id === value.id)?.displayName ?? value.name ?? t('edit.unknownCategory');
  return (
    <fieldset className="field category-field">
      <legend>{t('edit.category')}</legend>
      <p className="muted">{t('edit.currentCategory', { name: current })}</p>
      <input
        className="input"
        value={query}
        placeholder={t('edit.categorySearch')}
        onChange={(event) => setQuery(event.target.value)}
        data-testid="edit-category-search"
      />
      <ul className="category-matches" role="listbox" aria-label={t('edit.category')}>
        {matches.map((category) => (
          <li key={category.id} role="option" aria-selected={category.id === value.id}>
            <button type="button" className="link" onClick={() => onChange(category)}>
              {category.displayName}
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function Fields({
  draft,
  set,
  categories,
}: {
  draft: Draft;
  set: (next: Draft) => void;
  categories: readonly CategoryRecord[];
}): React.JSX.Element | null {
  const { t } = useTranslation('pending');
  switch (draft.kind) {
    case 'comment':
      return (
        <label className="field">
          <span>{t('edit.comment')}</span>
          <textarea
            className="input"
            rows={5}
            value={draft.body}
            onChange={(event) => set({ ...draft, body: event.target.value })}
            data-testid="edit-body"
          />
        </label>
      );
    case 'set_priority':
      return <PriorityField value={draft.priority} onChange={(priority) => set({ ...draft, priority })} />;
    case 'set_subscribers':
      return (
        <label className="field">
          <span>{t('edit.subscribers')}</span>
          <textarea
            className="input"
            rows={3}
            value={draft.subscriberEmails.join(', ')}
            onChange={(event) => set({ ...draft, subscriberEmails: parseEmailList(event.target.value) })}
            data-testid="edit-subscribers"
          />
        </label>
      );
    case 'escalate':
      return (
        <>
          <label className="field">
            <span>{t('caseDetail:escalate.reason')}</span>
            <select value={draft.reason} onChange={(event) => set({ ...draft, reason: event.target.value as EscalationReason })}>
              {ESCALATION_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {t(`caseDetail:escalate.reasons.${reason}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('caseDetail:escalate.justification')}</span>
            <textarea
              className="input"
              rows={4}
              value={draft.justification}
              onChange={(event) => set({ ...draft, justification: event.target.value })}
            />
          </label>
        </>
      );
    case 'create_case':
      return (
        <>
          <label className="field">
            <span>{t('edit.title')}</span>
            <input
              className="input"
              value={draft.displayName}
              onChange={(event) => set({ ...draft, displayName: event.target.value })}
              data-testid="edit-title"
            />
          </label>
          <label className="field">
            <span>{t('edit.description')}</span>
            <textarea
              className="input"
              rows={5}
              value={draft.description}
              onChange={(event) => set({ ...draft, description: event.target.value })}
            />
          </label>
          <PriorityField value={draft.priority} onChange={(priority) => set({ ...draft, priority })} />
          <CategoryField
            categories={categories}
            value={{ id: draft.classificationId, name: draft.classificationName }}
            onChange={(category) => set({ ...draft, classificationId: category.id, classificationName: category.displayName })}
          />
        </>
      );
    default:
      return null;
  }
}

/** Edits a queued or refused change in place; saving sends it again. */
export function EntryEditor({
  entry,
  categories,
  onSave,
  onCancel,
}: {
  entry: OutboxEntry;
  categories: readonly CategoryRecord[];
  onSave: (mutation: Mutation) => Promise<void>;
  onCancel: () => void;
}): React.JSX.Element {
  const { t } = useTranslation('pending');
  const [draft, setDraft] = useState<Draft>(entry.mutation);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const parsed = mutationSchema.safeParse(draft);
  return (
    <form
      className="entry-editor"
      data-testid="entry-editor"
      onSubmit={(event) => {
        event.preventDefault();
        if (!parsed.success) return;
        setBusy(true);
        onSave(parsed.data)
          .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)))
          .finally(() => setBusy(false));
      }}
    >
      <Fields draft={draft} set={setDraft} categories={categories} />
      {!parsed.success && <p className="error-text">{t('edit.invalid')}</p>}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('edit.cancel')}
        </button>
        <button type="submit" className="button primary" disabled={busy || !parsed.success} data-testid="edit-save">
          {t('edit.save')}
        </button>
      </div>
    </form>
  );
}
