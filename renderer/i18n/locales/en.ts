// English is the reference catalogue: every other language must have every key (a unit test checks).
export const en = {
  app: {
    name: 'Reseller Support Console',
    loading: 'Loading…',
    version: 'Version {{version}}',
    host: { electron: 'Desktop app', harness: 'Test harness (Chromium)' },
    heartbeat: 'Main process heartbeat #{{seq}}',
    noHeartbeat: 'Waiting for the main process…',
    bridgeError: 'The app could not reach its main process: {{message}}',
  },
  settings: {
    title: 'Settings',
    language: 'Language',
    theme: 'Theme',
    languages: { system: 'Same as the system', en: 'English', 'zh-TW': '繁體中文', 'zh-CN': '简体中文', id: 'Bahasa Indonesia', fr: 'Français' },
    themes: { system: 'Same as the system', light: 'Light', dark: 'Dark' },
  },
  errors: {
    invalid_request: 'The request was not valid.',
    unknown_channel: 'The app does not know this action.',
    untrusted_sender: 'This page may not talk to the app.',
    payload_too_large: 'That is too large to send.',
    unauthorized: 'Please sign in again.',
    forbidden: 'You do not have permission for this.',
    not_found: 'It could not be found.',
    conflict: 'Someone else changed it first.',
    failed_precondition: 'This cannot be done in the current state.',
    rate_limited: 'Too many requests; trying again shortly.',
    offline: 'You are offline; the change will be sent later.',
    unavailable: 'The service is unavailable right now.',
    cancelled: 'Cancelled.',
    internal: 'Something went wrong.',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every translation must have. */
export type Catalogue = Widen<typeof en>;
