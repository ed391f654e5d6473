import type { Catalogue } from './en';

export const fr: Catalogue = {
  app: {
    name: 'Console d’assistance revendeur',
    loading: 'Chargement…',
    version: 'Version {{version}}',
    host: { electron: 'Application de bureau', harness: 'Banc de test (Chromium)' },
    heartbeat: 'Signal du processus principal n° {{seq}}',
    noHeartbeat: 'En attente du processus principal…',
    bridgeError: 'L’application ne joint pas son processus principal : {{message}}',
  },
  settings: {
    title: 'Paramètres',
    language: 'Langue',
    theme: 'Thème',
    languages: { system: 'Comme le système', en: 'English', 'zh-TW': '繁體中文', 'zh-CN': '简体中文', id: 'Bahasa Indonesia', fr: 'Français' },
    themes: { system: 'Comme le système', light: 'Clair', dark: 'Sombre' },
  },
  errors: {
    invalid_request: 'La requête n’est pas valide.',
    unknown_channel: 'L’application ne connaît pas cette action.',
    untrusted_sender: 'Cette page ne peut pas communiquer avec l’application.',
    payload_too_large: 'C’est trop volumineux pour être envoyé.',
    unauthorized: 'Veuillez vous reconnecter.',
    forbidden: 'Vous n’avez pas l’autorisation nécessaire.',
    not_found: 'Élément introuvable.',
    conflict: 'Quelqu’un d’autre l’a modifié avant vous.',
    failed_precondition: 'Impossible dans l’état actuel.',
    rate_limited: 'Trop de requêtes ; nouvel essai dans un instant.',
    offline: 'Vous êtes hors ligne ; la modification sera envoyée plus tard.',
    unavailable: 'Le service est indisponible pour le moment.',
    cancelled: 'Annulé.',
    internal: 'Une erreur s’est produite.',
  },
};
