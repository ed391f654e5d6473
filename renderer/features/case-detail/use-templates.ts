import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { matchUiLanguage, type UiLanguage } from '../../i18n';
import { starterTemplates } from './starter-templates';
import { browserStorage } from '../../platform/storage';
import { addTemplate, hasSavedTemplates, loadTemplates, removeTemplate, saveTemplates, type Template } from './templates';

// Templates are shared by every domain tab of this window: one cached list, re-read when
// another window changes localStorage.

let cache: Template[] | undefined;
const listeners = new Set<() => void>();

function snapshot(language?: UiLanguage): Template[] {
  // A workstation that never had templates starts with the starter set in the agent's language.
  if (cache === undefined && language && !hasSavedTemplates(browserStorage.local())) {
    cache = starterTemplates(language);
    saveTemplates(browserStorage.local(), cache);
  }
  cache ??= loadTemplates(browserStorage.local());
  return cache;
}

function publish(next: Template[]): void {
  cache = next;
  saveTemplates(browserStorage.local(), next);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (): void => {
    cache = undefined;
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useTemplates(): Template[] {
  const { i18n } = useTranslation();
  const language = matchUiLanguage(i18n.language);
  return useSyncExternalStore(subscribe, () => snapshot(language));
}

export function createTemplate(input: Omit<Template, 'id'>): void {
  publish(addTemplate(snapshot(), input, crypto.randomUUID()));
}

export function deleteTemplate(id: string): void {
  publish(removeTemplate(snapshot(), id));
}
