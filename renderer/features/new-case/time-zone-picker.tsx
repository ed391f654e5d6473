import { useMemo, useState } from 'react';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { fieldId } from './form-bits';

const SHOWN = 60;

function allZones(): string[] {
  const supported = (Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return supported.includes('UTC') ? supported : [...supported, 'UTC'];
}

/** "GMT+8" for a zone, in the UI language's format. */
function offsetOf(zone: string, language: string): string {
  try {
    const part = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? '';
  } catch {
    return '';
  }
}

const fold = (s: string): string => s.toLowerCase().replace(/[_/]+/g, ' ');

/** Zones whose name contains every word typed ("new york", "taipei"), with their offset, at most SHOWN. */
export function matchZones(zones: readonly string[], query: string, language: string): Array<{ id: string; label: string }> {
  const words = fold(query).split(' ').filter(Boolean);
  return zones
    .filter((zone) => words.every((word) => fold(zone).includes(word)))
    .slice(0, SHOWN)
    .map((zone) => ({ id: zone, label: `${zone.replaceAll('_', ' ')} (${offsetOf(zone, language)})` }));
}

/** IANA time zones searched as the agent types ("taipei", "paris", "new york"), with their offset. */
export function TimeZonePicker({
  value,
  onChange,
  invalid,
  describedBy,
}: {
  value: string;
  onChange: (zone: string) => void;
  invalid: boolean;
  describedBy?: string;
}): React.JSX.Element {
  const { t, i18n } = useTranslation('newCase');
  const zones = useMemo(allZones, []);
  const [query, setQuery] = useState(value);
  // While the agent types, the list narrows to the words typed; after a choice it lists every zone again.
  const [typing, setTyping] = useState(false);
  const items = useMemo(() => matchZones(zones, typing ? query : '', i18n.language), [zones, query, typing, i18n.language]);
  return (
    <ComboBox
      className="time-zone-combo"
      data-testid="time-zone-picker"
      items={items}
      inputValue={query}
      onInputChange={(next) => {
        setQuery(next);
        setTyping(true);
        // What is typed is the value: a complete zone counts as chosen, anything else is reported at submit.
        onChange(next.trim());
      }}
      selectedKey={zones.includes(value) ? value : null}
      onSelectionChange={(key) => {
        if (typeof key !== 'string') return;
        onChange(key);
        setQuery(key);
        setTyping(false);
      }}
      allowsCustomValue
      allowsEmptyCollection
      menuTrigger="focus"
      aria-describedby={describedBy}
    >
      <Label>{t('language.timeZone')}</Label>
      <Input id={fieldId('timeZone')} className="input" data-testid="time-zone-input" aria-invalid={invalid || undefined} />
      <Popover className="popover category-popover" placement="bottom start">
        <ListBox className="menu" renderEmptyState={() => <p className="muted menu-empty">{t('language.noZone')}</p>}>
          {(item: { id: string; label: string }) => (
            <ListBoxItem id={item.id} className="menu-item" textValue={item.id}>
              {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
