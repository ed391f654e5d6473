import { useMemo, useState } from 'react';
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
import { SELECTABLE_PRIORITIES } from '../../../shared/domain';
import { openCase } from '../../runtime/open-case';
import { useRuntimes } from '../../runtime/runtime-context';
import { allDomainsTabId, useAppStore } from '../../state/app-store';
import { tabStoreFor, type DomainView } from '../../state/tab-store';
import type { BulkAction } from './bulk';
import { runBulk } from './bulk-targets';
import { Highlighted } from '../../ui/highlighted';
import { caseNumberQuery, findCasesByNumber, findCasesByText, labelMatches } from './palette-commands';
import './cases.css';
import './palette.css';

interface Command {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  /** A case found by its words: its title is shown with the matches marked. */
  readonly found?: { readonly title: string; readonly customer: string; readonly number: string };
  readonly run: () => void | Promise<void>;
}

interface Section {
  readonly id: string;
  readonly title: string;
  readonly items: Command[];
}

const views: ReadonlyArray<{ view: DomainView; label: string }> = [
  { view: 'cases', label: 'palette.view.cases' },
  { view: 'customers', label: 'palette.view.customers' },
  { view: 'new-case', label: 'palette.view.newCase' },
  { view: 'pending', label: 'palette.view.pending' },
  { view: 'settings', label: 'palette.view.settings' },
];

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
  const runtimes = useRuntimes();
  const activeTabId = useAppStore((state) => state.activeTabId);
  const tabOrder = useAppStore((state) => state.tabOrder);
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<string>();

  const accounts = useMemo(
    () => [...runtimes.values()].sort((a, b) => tabOrder.indexOf(a.account.id) - tabOrder.indexOf(b.account.id)),
    [runtimes, tabOrder],
  );
  // The domain the palette acts in: the active one, else the first.
  const active = (activeTabId && runtimes.get(activeTabId)) || accounts[0];
  const selectedCase = active && activeTabId === active.account.id ? tabStoreFor(active.account.id).getState().selectedCase : undefined;

  const sections = useMemo((): Section[] => {
    const out: Section[] = [];
    const digits = caseNumberQuery(query);
    const sources = accounts
      .filter((runtime) => runtime.isHydrated)
      .map((runtime) => ({ accountId: runtime.account.id, projection: runtime.projection }));
    // A number finds the case by its number; words find cases by title, customer or thread, in every domain.
    const hits = digits ? findCasesByNumber(sources, digits) : findCasesByText(sources, query);
    if (hits.length > 0) {
      out.push({
        id: 'cases',
        title: t('palette.sections.cases'),
        items: hits.map((hit) => ({
          id: `case:${hit.accountId}:${hit.name}`,
          label: `#${hit.caseNumber} ${hit.title} · ${hit.customerName}`,
          hint: runtimes.get(hit.accountId)?.account.domain ?? '',
          found: { title: hit.title, customer: hit.customerName, number: hit.caseNumber },
          run: () => openCase(hit.accountId, hit.name),
        })),
      });
    }
    if (active && selectedCase) {
      const number = selectedCase.split('/').pop() ?? selectedCase;
      const act = async (action: BulkAction): Promise<void> => {
        const [outcome] = await runBulk(active, action, [selectedCase]);
        if (outcome?.outcome === 'refused') {
          throw new Error(outcome.refused ? t(`bulk.reason.${outcome.refused}`) : t(`common:errors.${outcome.errorCode ?? 'internal'}`));
        }
      };
      out.push({
        id: 'actions',
        title: t('palette.sections.actions', { number }),
        items: [
          { id: 'action:open', label: t('palette.action.open', { number }), run: () => openCase(active.account.id, selectedCase) },
          { id: 'action:close', label: t('palette.action.close', { number }), run: () => act({ kind: 'close' }) },
          ...SELECTABLE_PRIORITIES.map((priority) => ({
            id: `action:priority:${priority}`,
            label: t('palette.action.priority', { number, priority: t(`priority.${priority}`) }),
            run: () => act({ kind: 'set_priority', priority }),
          })),
        ],
      });
    }
    out.push({
      id: 'domains',
      title: t('palette.sections.domains'),
      items: [
        ...accounts.map((runtime) => ({
          id: `domain:${runtime.account.id}`,
          label: t('palette.goToDomain', { domain: runtime.account.domain }),
          run: () => useAppStore.getState().activateTab(runtime.account.id),
        })),
        { id: 'domain:all', label: t('palette.allDomains'), run: () => useAppStore.getState().activateTab(allDomainsTabId) },
      ],
    });
    if (active) {
      out.push({
        id: 'views',
        title: t('palette.sections.views', { domain: active.account.domain }),
        items: views.map((item) => ({
          id: `view:${item.view}`,
          label: t(item.label),
          hint: active.account.domain,
          run: () => {
            tabStoreFor(active.account.id).getState().setView(item.view);
            useAppStore.getState().activateTab(active.account.id);
          },
        })),
      });
    }
    return out
      .map((section) => ({
        ...section,
        items: section.id === 'cases' ? section.items : section.items.filter((item) => labelMatches(item.label, digits ? '' : query)),
      }))
      .filter((section) => section.items.length > 0);
  }, [query, accounts, active, selectedCase, runtimes, t]);

  const digits = caseNumberQuery(query);
  const byId = useMemo(() => new Map(sections.flatMap((section) => section.items.map((item) => [item.id, item] as const))), [sections]);

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
                  {item.found ? (
                    <span className="ellipsis palette-case">
                      <span className="mono">#{item.found.number}</span> <Highlighted text={item.found.title} query={digits ? '' : query} />
                      <span className="muted"> · </span>
                      <span className="muted">
                        <Highlighted text={item.found.customer} query={digits ? '' : query} />
                      </span>
                    </span>
                  ) : (
                    <span className="ellipsis">{item.label}</span>
                  )}
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
