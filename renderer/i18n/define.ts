// A catalogue is one i18next namespace in all five UI languages. English is the
// reference: the type makes every other language carry every English key, and a
// unit test checks the same at run time (non-empty, same placeholders).

export const uiLanguages = ['en', 'zh-TW', 'zh-CN', 'id', 'fr'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages<T> = Widen<T>;

export type Catalogue<T> = { readonly en: T } & { readonly [L in Exclude<UiLanguage, 'en'>]: Messages<T> };

export function defineCatalogue<const T>(catalogue: { en: T } & { [L in Exclude<UiLanguage, 'en'>]: Messages<T> }): Catalogue<T> {
  return catalogue;
}
