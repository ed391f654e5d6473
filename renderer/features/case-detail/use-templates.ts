import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { matchUiLanguage, type UiLanguage } from '../../i18n';
import { starterTemplates } from './starter-templates';
import { addTemplate, loadTemplates, removeTemplate, saveTemplates, templatesStorageKey, type Template } from './templates';

// Templates are shared by every domain tab of this window: one cached list, re-read when
// another window changes localStorage.

let cache: Template[] | undefined;
const listeners = new Set<() => void>();

function snapshot(language?: UiLanguage): Template[] {
  // A workstation that never had templates starts with the starter set in the agent's language.
  if (cache === undefined && language && localStorage.getItem(templatesStorageKey) === null) {
    cache = starterTemplates(language);
    saveTemplates(localStorage, cache);
  }
  cache ??= loadTemplates(localStorage);
  return cache;
}

function publish(next: Template[]): void {
  cache = next;
  saveTemplates(localStorage, next);
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
