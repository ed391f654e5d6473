import { useDeferredValue, useMemo, useState } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useAccountRuntime } from '../../runtime/runtime-context';
import { builtInViews, type CaseViewPreset, type SavedView } from '../../state/case-views';
import { useTab } from '../../state/tab-store';
import { formatNumber } from '../../ui/format';
import { Icon, icons } from '../../ui/icons';
import { filtersToQuery, hasActiveFilters } from './case-query';
import { scopeIsOpenOnly, viewNames, type ScopeContext } from './case-scope';
import { useScopeContext } from './use-domain-rows';
import './views.css';

/** How many cases each view holds right now (the projection answers; undefined while hydrating). */
function useViewCounts(views: ReadonlyArray<{ id: string } & CaseViewPreset>, ctx: ScopeContext, hydrated: boolean): Map<string, number> {
  // Counting every view is a few projection scans: let typing and scrolling go first.
  const deferred = useDeferredValue(ctx);
  return useMemo(() => {
    const counts = new Map<string, number>();
    if (!hydrated) return counts;
    for (const view of views) {
      const onlyNames = viewNames(view.scope, view.filters.categoryIds, deferred);
      counts.set(
        view.id,
        deferred.projection.query(filtersToQuery(view.filters, { onlyNames, openOnly: scopeIsOpenOnly(view.scope) })).total,
      );
    }
    return counts;
  }, [views, deferred, hydrated]);
}

/** The case views in a domain's rail: built-in ones, then the agent's saved ones, each with its count; the current one is marked. */
export function CaseViewsRail(): React.JSX.Element {
  const { t, i18n } = useTranslation('views');
  const runtime = useAccountRuntime();
  const ctx = useScopeContext(runtime);
  const view = useTab((state) => state.view);
  const caseTab = useTab((state) => state.caseTab);
  const caseView = useTab((state) => state.caseView);
  const filters = useTab((state) => state.filters);
  const savedViews = useTab((state) => state.savedViews);
  const applyView = useTab((state) => state.applyView);
  const all = useMemo(() => [...builtInViews, ...savedViews], [savedViews]);
  const counts = useViewCounts(all, ctx, runtime.isHydrated);
  const showing = view === 'cases' && !caseTab;
  const modified = showing && hasActiveFilters(filters, caseView, savedViews);

  const item = (id: string, name: string, saved?: SavedView): React.JSX.Element => {
    const current = showing && caseView === id;
    const count = counts.get(id);
    return (
      <li key={id} className="rail-view">
        <button
          type="button"
          className={`rail-item view-item${current ? ' selected' : ''}`}
          aria-current={current ? 'true' : undefined}
          data-testid={`case-view-${saved ? 'saved' : id}`}
          data-view={id}
          onClick={() => applyView(id)}
        >
          <span className="ellipsis">{name}</span>
          {current && modified && <span className="muted view-modified">{t('rail.modified')}</span>}
          {count !== undefined && (
            <span className="view-count" aria-label={t('rail.count', { count })}>
              {formatNumber(count, i18n.language)}
            </span>
          )}
        </button>
        {saved && <SavedViewMenu saved={saved} index={savedViews.indexOf(saved)} last={savedViews.length - 1} />}
      </li>
    );
  };

  return (
    <>
      <ul className="rail-views" aria-label={t('rail.label')} data-testid="case-views">
        {builtInViews.map((builtIn) => item(builtIn.id, t(`names.${builtIn.id}`)))}
      </ul>
      {savedViews.length > 0 && (
        <>
          <h2 className="rail-heading">{t('rail.saved')}</h2>
          <ul className="rail-views" aria-label={t('rail.saved')} data-testid="saved-views">
            {savedViews.map((saved) => item(saved.id, saved.name, saved))}
          </ul>
        </>
      )}
    </>
  );
}

/** Rename, move up or down, delete: one saved view's menu (and its inline rename field). */
function SavedViewMenu({ saved, index, last }: { saved: SavedView; index: number; last: number }): React.JSX.Element {
  const { t } = useTranslation('views');
  const renameView = useTab((state) => state.renameView);
  const deleteView = useTab((state) => state.deleteView);
  const moveView = useTab((state) => state.moveView);
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(saved.name);
  if (renaming) {
    return (
      <form
        className="rail-rename"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() !== '') renameView(saved.id, name.trim());
          setRenaming(false);
        }}
      >
        <input
          className="input"
          autoFocus
          value={name}
          maxLength={60}
          aria-label={t('saved.rename')}
          data-testid="rename-view-input"
          onChange={(event) => setName(event.target.value)}
          onBlur={() => setRenaming(false)}
          onKeyDown={(event) => event.key === 'Escape' && setRenaming(false)}
        />
      </form>
    );
  }
  return (
    <MenuTrigger>
      <Button className="icon-button small view-menu" aria-label={t('saved.menu', { name: saved.name })} data-testid="saved-view-menu">
        <Icon icon={icons.menu} />
      </Button>
      <Popover className="popover">
        <Menu
          className="menu"
          aria-label={t('saved.menu', { name: saved.name })}
          disabledKeys={[...(index === 0 ? ['up'] : []), ...(index === last ? ['down'] : [])]}
          onAction={(key) => {
            if (key === 'rename') {
              setName(saved.name);
              setRenaming(true);
            } else if (key === 'up') moveView(saved.id, -1);
            else if (key === 'down') moveView(saved.id, 1);
            else if (key === 'delete') deleteView(saved.id);
          }}
        >
          <MenuItem className="menu-item" id="rename">
            {t('saved.rename')}
          </MenuItem>
          <MenuItem className="menu-item" id="up">
            {t('saved.moveUp')}
          </MenuItem>
          <MenuItem className="menu-item" id="down">
            {t('saved.moveDown')}
          </MenuItem>
          <MenuItem className="menu-item danger" id="delete">
            {t('saved.delete')}
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
