import { useSyncExternalStore } from 'react';
import { addTemplate, loadTemplates, removeTemplate, saveTemplates, type Template } from './templates';

// Templates are shared by every domain tab of this window: one cached list, re-read when
// another window changes localStorage.

let cache: Template[] | undefined;
const listeners = new Set<() => void>();

function snapshot(): Template[] {
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
  return useSyncExternalStore(subscribe, snapshot);
}

export function createTemplate(input: Omit<Template, 'id'>): void {
  publish(addTemplate(snapshot(), input, crypto.randomUUID()));
}

export function deleteTemplate(id: string): void {
  publish(removeTemplate(snapshot(), id));
}
