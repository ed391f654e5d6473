import { useState } from 'react';
import {
  Autocomplete,
  Dialog,
  Header,
  Input,
  ListBox,
  ListBoxItem,
  ListBoxSection,
  Modal,
  ModalOverlay,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { Highlighted } from '../../ui/highlighted';
import { caseNumberQuery } from './palette-commands';
import { usePaletteSections, type Command } from './palette-sections';
import './cases.css';
import './palette.css';

/** Ctrl/Cmd+K: go to a case by number, switch domain, open a view, run an action. */
export function CommandPalette(): React.JSX.Element | null {
  const open = useAppStore((state) => state.paletteOpen);
  const setOpen = useAppStore((state) => state.setPaletteOpen);
  if (!open) return null;
  return (
    <ModalOverlay className="modal-overlay" isOpen onOpenChange={setOpen} isDismissable>
      <Modal className="modal palette-modal">
        <PaletteBody onDone={() => setOpen(false)} />
      </Modal>
    </ModalOverlay>
  );
}

function PaletteBody({ onDone }: { onDone: () => void }): React.JSX.Element {
  const { t } = useTranslation('cases');
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<string>();
  const { sections, byId } = usePaletteSections(query);
  // A number is looked up, not marked in the titles.
  const marked = caseNumberQuery(query) ? '' : query;

  return (
    <Dialog className="palette" aria-label={t('palette.title')} data-testid="palette">
      <Autocomplete inputValue={query} onInputChange={setQuery}>
        <TextField aria-label={t('palette.input')} autoFocus>
          <Input className="palette-input" placeholder={t('palette.placeholder')} data-testid="palette-input" />
        </TextField>
        {message && (
          <p role="alert" className="error-text">
            {message}
          </p>
        )}
        <ListBox
          className="palette-list"
          aria-label={t('palette.results')}
          renderEmptyState={() => <p className="palette-empty">{t('palette.empty')}</p>}
          onAction={(key) => {
            const command = byId.get(String(key));
            if (!command) return;
            Promise.resolve(command.run()).then(onDone, (error: unknown) =>
              setMessage(error instanceof Error ? error.message : String(error)),
            );
          }}
        >
          {sections.map((section) => (
            <ListBoxSection key={section.id} id={section.id}>
              <Header className="palette-section-title">{section.title}</Header>
              {section.items.map((item) => (
                <ListBoxItem
                  key={item.id}
                  id={item.id}
                  textValue={item.label}
                  className="palette-item"
                  data-testid={`palette-item-${item.id}`}
                >
                  <PaletteItemLabel item={item} marked={marked} />
                  {item.hint && <span className="hint">{item.hint}</span>}
                </ListBoxItem>
              ))}
            </ListBoxSection>
          ))}
        </ListBox>
      </Autocomplete>
    </Dialog>
  );
}

/** A command's label; a found case shows its number, title and customer with the query's words marked. */
function PaletteItemLabel({ item, marked }: { item: Command; marked: string }): React.JSX.Element {
  if (!item.found) return <span className="ellipsis">{item.label}</span>;
  return (
    <span className="ellipsis palette-case">
      <span className="mono">#{item.found.number}</span> <Highlighted text={item.found.title} query={marked} />
      <span className="muted"> · </span>
      <span className="muted">
        <Highlighted text={item.found.customer} query={marked} />
      </span>
    </span>
  );
}
