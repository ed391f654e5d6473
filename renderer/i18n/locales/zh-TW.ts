import type { Catalogue } from './en';

export const zhTW: Catalogue = {
  app: {
    name: '經銷商客服案件主控台',
    loading: '載入中…',
    version: '版本 {{version}}',
    host: { electron: '桌面應用程式', harness: '測試環境（Chromium）' },
    heartbeat: '主程序心跳 #{{seq}}',
    noHeartbeat: '正在等待主程序…',
    bridgeError: '應用程式無法連線至主程序：{{message}}',
  },
  settings: {
    title: '設定',
    language: '語言',
    theme: '佈景主題',
    languages: { system: '與系統相同', en: 'English', 'zh-TW': '繁體中文', 'zh-CN': '简体中文', id: 'Bahasa Indonesia', fr: 'Français' },
    themes: { system: '與系統相同', light: '淺色', dark: '深色' },
  },
  errors: {
    invalid_request: '要求無效。',
    unknown_channel: '應用程式不認得這個動作。',
    untrusted_sender: '這個頁面不得與應用程式通訊。',
    payload_too_large: '內容太大，無法傳送。',
    unauthorized: '請重新登入。',
    forbidden: '您沒有執行此動作的權限。',
    not_found: '找不到項目。',
    conflict: '已有其他人先變更了此項目。',
    failed_precondition: '目前的狀態無法執行此動作。',
    rate_limited: '要求過多，稍後將自動重試。',
    offline: '您目前離線，變更會在稍後傳送。',
    unavailable: '服務目前無法使用。',
    cancelled: '已取消。',
    internal: '發生錯誤。',
  },
};
