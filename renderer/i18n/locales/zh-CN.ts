import type { Catalogue } from './en';

export const zhCN: Catalogue = {
  app: {
    name: '经销商支持请求控制台',
    loading: '正在加载…',
    version: '版本 {{version}}',
    host: { electron: '桌面应用', harness: '测试环境（Chromium）' },
    heartbeat: '主进程心跳 #{{seq}}',
    noHeartbeat: '正在等待主进程…',
    bridgeError: '应用无法连接到主进程：{{message}}',
  },
  settings: {
    title: '设置',
    language: '语言',
    theme: '主题',
    languages: { system: '跟随系统', en: 'English', 'zh-TW': '繁體中文', 'zh-CN': '简体中文', id: 'Bahasa Indonesia', fr: 'Français' },
    themes: { system: '跟随系统', light: '浅色', dark: '深色' },
  },
  errors: {
    invalid_request: '请求无效。',
    unknown_channel: '应用无法识别此操作。',
    untrusted_sender: '此页面不能与应用通信。',
    payload_too_large: '内容过大，无法发送。',
    unauthorized: '请重新登录。',
    forbidden: '您没有执行此操作的权限。',
    not_found: '未找到。',
    conflict: '其他人已先更改了此内容。',
    failed_precondition: '当前状态下无法执行此操作。',
    rate_limited: '请求过多，稍后将自动重试。',
    offline: '您当前处于离线状态，更改将稍后发送。',
    unavailable: '服务暂时不可用。',
    cancelled: '已取消。',
    internal: '出现错误。',
  },
};
