// Templates a new workstation starts with (issue 17 §7), in the agent's language: the
// replies a reseller agent writes every day. They are ordinary templates once seeded — the
// agent edits or deletes them like their own. {{caseNumber}}, {{customer}} and {{agent}}
// are filled in when a template is used (templates.ts).

import type { UiLanguage } from '../../i18n';
import type { Template } from './templates';

type Starter = Omit<Template, 'id' | 'domain'>;

const starters: Record<UiLanguage, readonly Starter[]> = {
  en: [
    {
      kind: 'comment',
      name: 'Evidence attached',
      body: 'Hello Google Support,\n\nFor case {{caseNumber}} ({{customer}}) I attached the evidence you asked for: message headers, screenshots and the list of affected users, with timestamps.\n\nRegards,\n{{agent}}',
    },
    {
      kind: 'comment',
      name: 'Still happening',
      body: 'Hello,\n\nThe problem in case {{caseNumber}} is still happening for {{customer}}. Steps already tried: …\nLatest occurrence (with time zone): …\n\nThank you,\n{{agent}}',
    },
    {
      kind: 'comment',
      name: 'Solution works',
      body: 'Hello,\n\n{{customer}} confirms the solution works. The case {{caseNumber}} can be closed.\n\nThank you for your help,\n{{agent}}',
    },
    {
      kind: 'escalation',
      name: 'Business impact grew',
      body: 'Since the case was opened the impact on {{customer}} has grown: … users cannot …, and … is at stake by …. Please prioritise case {{caseNumber}}.',
    },
  ],
  'zh-TW': [
    {
      kind: 'comment',
      name: '已附上證據',
      body: 'Google 支援團隊您好：\n\n客服案件 {{caseNumber}}（{{customer}}）已附上您要求的資料：郵件標頭、螢幕截圖與受影響使用者清單，並註明時間。\n\n謝謝，\n{{agent}}',
    },
    {
      kind: 'comment',
      name: '問題仍然存在',
      body: '您好：\n\n{{customer}} 的客服案件 {{caseNumber}} 問題仍然存在。已嘗試的步驟：…\n最近一次發生時間（含時區）：…\n\n謝謝，\n{{agent}}',
    },
    {
      kind: 'comment',
      name: '解決方案有效',
      body: '您好：\n\n{{customer}} 確認解決方案有效，客服案件 {{caseNumber}} 可以關閉。\n\n感謝您的協助，\n{{agent}}',
    },
    {
      kind: 'escalation',
      name: '業務影響擴大',
      body: '自建立客服案件以來，對 {{customer}} 的影響已擴大：… 位使用者無法 …，且 … 將在 … 前受到影響。請優先處理客服案件 {{caseNumber}}。',
    },
  ],
  'zh-CN': [
    {
      kind: 'comment',
      name: '已附上证据',
      body: 'Google 支持团队您好：\n\n支持请求 {{caseNumber}}（{{customer}}）已附上您要求的资料：邮件标头、屏幕截图和受影响用户列表，并注明时间。\n\n谢谢，\n{{agent}}',
    },
    {
      kind: 'comment',
      name: '问题仍然存在',
      body: '您好：\n\n{{customer}} 的支持请求 {{caseNumber}} 问题仍然存在。已尝试的步骤：…\n最近一次发生时间（含时区）：…\n\n谢谢，\n{{agent}}',
    },
    {
      kind: 'comment',
      name: '解决方案有效',
      body: '您好：\n\n{{customer}} 确认解决方案有效，支持请求 {{caseNumber}} 可以关闭。\n\n感谢您的帮助，\n{{agent}}',
    },
    {
      kind: 'escalation',
      name: '业务影响扩大',
      body: '自创建支持请求以来，对 {{customer}} 的影响已扩大：… 位用户无法 …，且 … 将在 … 前受到影响。请优先处理支持请求 {{caseNumber}}。',
    },
  ],
  id: [
    {
      kind: 'comment',
      name: 'Bukti terlampir',
      body: 'Halo Dukungan Google,\n\nUntuk kasus {{caseNumber}} ({{customer}}) saya sudah melampirkan bukti yang diminta: header pesan, tangkapan layar, dan daftar pengguna yang terdampak, lengkap dengan waktunya.\n\nSalam,\n{{agent}}',
    },
    {
      kind: 'comment',
      name: 'Masalah masih terjadi',
      body: 'Halo,\n\nMasalah pada kasus {{caseNumber}} masih terjadi di {{customer}}. Langkah yang sudah dicoba: …\nKejadian terakhir (dengan zona waktu): …\n\nTerima kasih,\n{{agent}}',
    },
    {
      kind: 'comment',
      name: 'Solusi berhasil',
      body: 'Halo,\n\n{{customer}} mengonfirmasi solusinya berhasil. Kasus {{caseNumber}} dapat ditutup.\n\nTerima kasih atas bantuannya,\n{{agent}}',
    },
    {
      kind: 'escalation',
      name: 'Dampak bisnis bertambah',
      body: 'Sejak kasus dibuka, dampak bagi {{customer}} bertambah: … pengguna tidak dapat …, dan … dipertaruhkan sebelum …. Mohon prioritaskan kasus {{caseNumber}}.',
    },
  ],
  fr: [
    {
      kind: 'comment',
      name: 'Éléments joints',
      body: 'Bonjour,\n\nPour la demande {{caseNumber}} ({{customer}}), j’ai joint les éléments demandés : en-têtes de message, captures d’écran et liste des utilisateurs concernés, avec les horaires.\n\nCordialement,\n{{agent}}',
    },
    {
      kind: 'comment',
      name: 'Le problème persiste',
      body: 'Bonjour,\n\nLe problème de la demande {{caseNumber}} persiste chez {{customer}}. Étapes déjà essayées : …\nDernière occurrence (avec le fuseau horaire) : …\n\nMerci,\n{{agent}}',
    },
    {
      kind: 'comment',
      name: 'La solution fonctionne',
      body: 'Bonjour,\n\n{{customer}} confirme que la solution fonctionne. La demande {{caseNumber}} peut être fermée.\n\nMerci pour votre aide,\n{{agent}}',
    },
    {
      kind: 'escalation',
      name: 'Impact accru',
      body: 'Depuis l’ouverture de la demande, l’impact pour {{customer}} s’est accru : … utilisateurs ne peuvent plus …, et … est en jeu d’ici …. Merci de traiter en priorité la demande {{caseNumber}}.',
    },
  ],
};

/** The starter templates in a UI language, shared by every domain. */
export function starterTemplates(language: UiLanguage): Template[] {
  return starters[language].map((starter, i) => ({ ...starter, id: `starter-${language}-${i}` }));
}
