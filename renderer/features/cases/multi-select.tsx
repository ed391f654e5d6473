import { useState } from 'react';
import {
  Autocomplete,
  Button,
  Dialog,
  DialogTrigger,
  Input,
  ListBox,
  ListBoxItem,
  Popover,
  SearchField,
  type Selection,
} from 'react-aria-components';
import { Icon, icons } from '../../ui/icons';

export interface MultiSelectOption {
  readonly id: string;
  readonly label: string;
  /** Shown muted after the label (a category's product, a customer's domain). */
  readonly detail?: string;
}

export interface MultiSelectProps {
  readonly label: string;
  /** What the button says about the current choice ("Any status", "Open", "3 selected"). */
  readonly summary: string;
  readonly options: readonly MultiSelectOption[];
  readonly selected: readonly string[];
  readonly onChange: (ids: string[]) => void;
  readonly testId: string;
  /** A search box above the options: returns the ids to show for a query, best first. */
  readonly search?: { readonly placeholder: string; readonly empty: string; readonly find: (query: string) => readonly string[] };
  /** Quick choices above the list ("Open", "Any"). */
  readonly presets?: ReadonlyArray<{ readonly label: string; readonly ids: readonly string[] }>;
}

function toIds(selection: Selection, all: readonly MultiSelectOption[]): string[] {
  return selection === 'all' ? all.map((option) => option.id) : [...selection].map(String);
}

/** A filter button whose popover holds a multi-select list (checkable options), keyboard first. */
export function MultiSelect({ label, summary, options, selected, onChange, testId, search, presets }: MultiSelectProps): React.JSX.Element {
  const [query, setQuery] = useState('');
  const active = selected.length > 0;
  const visible = search && query.trim() !== '' ? orderBy(options, search.find(query)) : options;
  const list = (
    <ListBox
      className="multi-select-list"
      aria-label={label}
      selectionMode="multiple"
      // Escape closes the popover (the choice stays), as everywhere else in the app.
      escapeKeyBehavior="none"
      selectedKeys={new Set(selected)}
      onSelectionChange={(selection) => onChange(toIds(selection, options))}
      items={visible}
      renderEmptyState={() => <p className="muted multi-select-empty">{search?.empty}</p>}
      data-testid={`${testId}-options`}
    >
      {(option) => (
        <ListBoxItem id={option.id} textValue={option.label} className="multi-select-option">
          {({ isSelected }) => (
            <>
              <span className={`check-box${isSelected ? ' checked' : ''}`} aria-hidden="true">
                {isSelected && <Icon icon={icons.ok} />}
              </span>
              <span className="ellipsis">{option.label}</span>
              {option.detail && <span className="muted ellipsis option-detail">{option.detail}</span>}
            </>
          )}
        </ListBoxItem>
      )}
    </ListBox>
  );
  return (
    <DialogTrigger onOpenChange={(open) => !open && setQuery('')}>
      <Button className={`filter-button${active ? ' active' : ''}`} data-testid={testId} aria-label={`${label}: ${summary}`}>
        <span className="filter-button-label">{label}</span>
        <span className="filter-button-value ellipsis">{summary}</span>
        <Icon icon={icons.dropdown} />
      </Button>
      <Popover className="popover multi-select-popover" placement="bottom start">
        <Dialog className="multi-select-dialog" aria-label={label}>
          {presets && (
            <div className="multi-select-presets">
              {presets.map((preset) => (
                <button key={preset.label} type="button" className="link" onClick={() => onChange([...preset.ids])}>
                  {preset.label}
                </button>
              ))}
            </div>
          )}
          {search ? (
            <Autocomplete inputValue={query} onInputChange={setQuery}>
              <SearchField aria-label={search.placeholder} autoFocus className="multi-select-search">
                <Input className="input" placeholder={search.placeholder} data-testid={`${testId}-search`} />
              </SearchField>
              {list}
            </Autocomplete>
          ) : (
            list
          )}
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}

function orderBy(options: readonly MultiSelectOption[], ids: readonly string[]): MultiSelectOption[] {
  const byId = new Map(options.map((option) => [option.id, option]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
