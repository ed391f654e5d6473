import type { Catalogue } from './en';

export const id: Catalogue = {
  app: {
    name: 'Konsol Dukungan Reseller',
    loading: 'Memuat…',
    version: 'Versi {{version}}',
    host: { electron: 'Aplikasi desktop', harness: 'Lingkungan uji (Chromium)' },
    heartbeat: 'Detak proses utama #{{seq}}',
    noHeartbeat: 'Menunggu proses utama…',
    bridgeError: 'Aplikasi tidak dapat menjangkau proses utamanya: {{message}}',
  },
  settings: {
    title: 'Setelan',
    language: 'Bahasa',
    theme: 'Tema',
    languages: { system: 'Sama dengan sistem', en: 'English', 'zh-TW': '繁體中文', 'zh-CN': '简体中文', id: 'Bahasa Indonesia', fr: 'Français' },
    themes: { system: 'Sama dengan sistem', light: 'Terang', dark: 'Gelap' },
  },
  errors: {
    invalid_request: 'Permintaan tidak valid.',
    unknown_channel: 'Aplikasi tidak mengenal tindakan ini.',
    untrusted_sender: 'Halaman ini tidak boleh berkomunikasi dengan aplikasi.',
    payload_too_large: 'Terlalu besar untuk dikirim.',
    unauthorized: 'Silakan login kembali.',
    forbidden: 'Anda tidak memiliki izin untuk ini.',
    not_found: 'Tidak ditemukan.',
    conflict: 'Orang lain sudah mengubahnya lebih dulu.',
    failed_precondition: 'Tindakan ini tidak dapat dilakukan pada status saat ini.',
    rate_limited: 'Terlalu banyak permintaan; akan dicoba lagi sebentar lagi.',
    offline: 'Anda sedang offline; perubahan akan dikirim nanti.',
    unavailable: 'Layanan sedang tidak tersedia.',
    cancelled: 'Dibatalkan.',
    internal: 'Terjadi kesalahan.',
  },
};
