// Text the demo world is made of. Titles and descriptions are written the way
// agents write them, in the five languages the console ships in.

export interface CaseTemplate {
  readonly lang: 'en' | 'zh-TW' | 'zh-CN' | 'id' | 'fr';
  readonly category: number; // index into CATEGORIES
  readonly title: string;
  readonly description: string;
}

export const CATEGORIES: readonly string[] = [
  'Google Workspace > Gmail > Mail delivery',
  'Google Workspace > Gmail > Spam and phishing',
  'Google Workspace > Gmail > Mail routing and MX records',
  'Google Workspace > Gmail > DKIM, SPF and DMARC',
  'Google Workspace > Gmail > Outlook and desktop clients',
  'Google Workspace > Account access > Sign-in problems',
  'Google Workspace > Account access > 2-Step Verification',
  'Google Workspace > Account access > SSO and SAML',
  'Google Workspace > Admin console > Users and groups',
  'Google Workspace > Admin console > Organizational units',
  'Google Workspace > Admin console > Domains and DNS verification',
  'Google Workspace > Admin console > Licences and billing',
  'Google Workspace > Drive > Sharing and permissions',
  'Google Workspace > Drive > Shared drives',
  'Google Workspace > Drive > Desktop sync',
  'Google Workspace > Calendar > Invitations and resources',
  'Google Workspace > Calendar > Interoperability',
  'Google Workspace > Meet > Recording and live streaming',
  'Google Workspace > Meet > Audio and video quality',
  'Google Workspace > Chat > Spaces and messages',
  'Google Workspace > Docs, Sheets and Slides > Editing',
  'Google Workspace > Vault > Retention and holds',
  'Google Workspace > Vault > Exports',
  'Google Workspace > Data migration > Migration service',
  'Google Workspace > Devices > Chrome OS and printing',
  'Google Workspace > Devices > Mobile device management',
  'Google Workspace > Security > Alert center',
  'Google Workspace > Security > Data loss prevention',
  'Google Workspace > Groups > Delivery and moderation',
  'Google Workspace > Sites > Publishing',
  'Google Workspace > Other > General question',
];

export const CASE_TEMPLATES: readonly CaseTemplate[] = [
  {
    lang: 'en',
    category: 0,
    title: 'Mail delivery delays to external recipients',
    description:
      'Since {time} UTC outbound mail delivery from {customer} to external domains is delayed by up to two hours. About {n} users are affected. Message headers of an affected email are attached. No MX or SPF changes were made on our side.',
  },
  {
    lang: 'en',
    category: 5,
    title: 'Users stuck in a login loop after password reset',
    description:
      'After an admin password reset, {n} users at {customer} return to the sign-in page again and again (login loop). Clearing cookies does not help. Error code {code} shows in the browser console.',
  },
  {
    lang: 'en',
    category: 12,
    title: "Shared drive files show 'You need permission'",
    description:
      'Members of the Finance shared drive at {customer} get "You need permission" on files they created themselves. Started {time} UTC, {n} users affected. Sharing settings were not changed.',
  },
  {
    lang: 'en',
    category: 15,
    title: 'Calendar invites not delivered to room resources',
    description:
      'Meeting rooms stopped accepting invitations at {customer}. Invites to rooms stay "awaiting response". {n} rooms affected since {time} UTC.',
  },
  {
    lang: 'en',
    category: 17,
    title: 'Meet recordings missing from Drive',
    description:
      "Recordings of meetings organised by {n} users at {customer} never appear in the organiser's Drive. Recording was allowed for the OU. Last good recording before {time} UTC.",
  },
  {
    lang: 'en',
    category: 24,
    title: 'Printer not showing on managed Chromebooks',
    description:
      'The CUPS printer configured in the Admin console does not show up on managed Chromebooks in the Warehouse OU at {customer}; error code {code}. {n} devices affected.',
  },
  {
    lang: 'en',
    category: 0,
    title: 'Error 500 when opening Gmail for one user',
    description:
      'One user at {customer} gets a "Temporary Error (500)" page when opening Gmail in any browser. Mobile app works. Other users are fine. Started {time} UTC.',
  },
  {
    lang: 'en',
    category: 3,
    title: 'DKIM key generation fails for secondary domain',
    description:
      'Generating a DKIM key for the secondary domain of {customer} fails with error {code}. Mail to Gmail recipients lands in spam because of failed DMARC checks.',
  },
  {
    lang: 'en',
    category: 4,
    title: "Outlook sync tool stuck at 'Syncing'",
    description:
      'Google Workspace Sync for Microsoft Outlook is stuck at "Syncing" for {n} users at {customer} since {time} UTC. Reinstalling did not help; logs attached.',
  },
  {
    lang: 'en',
    category: 22,
    title: 'Vault export stuck in progress for three days',
    description:
      'A Vault export for a legal matter at {customer} has been "In progress" for three days. Export size estimate is small ({n} accounts).',
  },
  {
    lang: 'en',
    category: 6,
    title: '2-Step Verification enforcement locks out field staff',
    description:
      'After enforcing 2-Step Verification for the Field OU at {customer}, {n} users without smartphones cannot sign in. We need guidance on backup codes at scale.',
  },
  {
    lang: 'en',
    category: 1,
    title: 'Legitimate invoices marked as phishing',
    description:
      'Invoices from a long-standing supplier are flagged as phishing for {n} users at {customer} since {time} UTC. The sender passes SPF and DKIM.',
  },
  {
    lang: 'zh-TW',
    category: 0,
    title: '外部郵件延遲送達',
    description: '自 {time} (UTC) 起，{customer} 寄往外部網域的郵件延遲約兩小時，影響約 {n} 位使用者。已附上郵件標頭，MX 記錄沒有變更。',
  },
  {
    lang: 'zh-TW',
    category: 24,
    title: '印表機無法在 Chromebook 上顯示',
    description: '在管理控制台設定的印表機沒有出現在 {customer} 受管理的 Chromebook 上，錯誤代碼 {code}，共 {n} 台裝置受影響。',
  },
  {
    lang: 'zh-TW',
    category: 5,
    title: '使用者無法登入，畫面不斷重新導向',
    description: '{customer} 的 {n} 位使用者在重設密碼後無法登入 Gmail，登入頁面不斷重新導向。已清除瀏覽器快取。',
  },
  {
    lang: 'zh-TW',
    category: 12,
    title: '共用雲端硬碟檔案權限錯誤',
    description: '{customer} 的使用者開啟自己建立的檔案時出現「你需要權限」。自 {time} (UTC) 開始。',
  },
  {
    lang: 'zh-TW',
    category: 15,
    title: '會議室資源收不到日曆邀請',
    description: '{customer} 的會議室資源從 {time} (UTC) 起不再接受日曆邀請，共 {n} 間會議室。',
  },
  {
    lang: 'zh-CN',
    category: 24,
    title: '打印机无法添加到 ChromeOS 设备',
    description: '管理控制台中配置的打印机没有出现在 {customer} 的 {n} 台受管 Chromebook 上，错误代码 {code}。',
  },
  {
    lang: 'zh-CN',
    category: 0,
    title: '外部邮件投递延迟',
    description: '从 {time} (UTC) 开始，{customer} 发往外部域名的邮件延迟约两小时，约 {n} 位用户受影响。邮件头已附上。',
  },
  {
    lang: 'zh-CN',
    category: 0,
    title: '用户打开 Gmail 时出现错误 500',
    description: '{customer} 的一位用户打开 Gmail 时出现“临时错误 (500)”页面，其他用户正常。从 {time} (UTC) 开始。',
  },
  {
    lang: 'zh-CN',
    category: 12,
    title: '云端硬盘文件共享权限异常',
    description: '{customer} 的 {n} 位用户无法打开共享云端硬盘中的文件，提示没有权限。',
  },
  {
    lang: 'zh-CN',
    category: 17,
    title: 'Meet 会议录制未保存到云端硬盘',
    description: '{customer} 的会议录制没有出现在组织者的云端硬盘中，已为组织部门开启录制功能。',
  },
  {
    lang: 'id',
    category: 0,
    title: 'Pengiriman email ke domain eksternal tertunda',
    description:
      'Sejak pukul {time} UTC, email keluar dari {customer} ke domain eksternal tertunda hingga dua jam. Sekitar {n} pengguna terdampak. Header email terlampir.',
  },
  {
    lang: 'id',
    category: 6,
    title: 'Pengguna tidak dapat login setelah verifikasi 2 langkah diaktifkan',
    description: 'Setelah verifikasi 2 langkah diwajibkan, {n} pengguna di {customer} tidak dapat login. Kode error {code}.',
  },
  {
    lang: 'id',
    category: 24,
    title: 'Printer tidak muncul di Chromebook terkelola',
    description: 'Printer yang dikonfigurasi di konsol Admin tidak muncul di {n} Chromebook milik {customer}.',
  },
  {
    lang: 'id',
    category: 15,
    title: 'Undangan Kalender tidak diterima ruang rapat',
    description: 'Ruang rapat di {customer} tidak lagi menerima undangan Kalender sejak {time} UTC.',
  },
  {
    lang: 'id',
    category: 13,
    title: 'File di drive bersama tidak dapat dibuka',
    description:
      'Anggota drive bersama di {customer} mendapat pesan "Anda memerlukan izin" untuk file mereka sendiri. {n} pengguna terdampak.',
  },
  {
    lang: 'fr',
    category: 0,
    title: "Retards de distribution des e-mails vers l'extérieur",
    description:
      "Depuis {time} UTC, les e-mails sortants de {customer} vers des domaines externes sont retardés jusqu'à deux heures. Environ {n} utilisateurs concernés. En-têtes de message joints.",
  },
  {
    lang: 'fr',
    category: 6,
    title: "Connexion impossible après l'activation de la validation en deux étapes",
    description:
      'Après activation de la validation en deux étapes, {n} utilisateurs de {customer} ne peuvent plus se connecter. Code erreur {code}.',
  },
  {
    lang: 'fr',
    category: 24,
    title: "L'imprimante n'apparaît pas sur les Chromebooks gérés",
    description: "L'imprimante configurée dans la console d'administration n'apparaît pas sur les {n} Chromebooks gérés de {customer}.",
  },
  {
    lang: 'fr',
    category: 15,
    title: "Les invitations d'agenda n'arrivent pas aux salles de réunion",
    description:
      'Les salles de réunion de {customer} n’acceptent plus les invitations depuis {time} UTC. Délai de résolution critique pour la direction.',
  },
  {
    lang: 'fr',
    category: 1,
    title: 'Factures légitimes classées comme hameçonnage',
    description:
      'Les factures d’un fournisseur habituel sont classées comme hameçonnage pour {n} utilisateurs de {customer}. Problème de délivrabilité depuis {time} UTC.',
  },
];

export interface CommentTemplate {
  readonly role: 'google' | 'agent' | 'customer';
  readonly body: string;
}

export const GOOGLE_PICKUP =
  'Hello, this is Google Workspace Support. I have started working on your case and will update you as soon as I have more information.';
export const GOOGLE_ASK =
  'Could you please send the full message headers of an affected email, the exact time the issue occurred (with time zone) and a HAR file captured while reproducing it?';
export const GOOGLE_SOLVE =
  'We identified a configuration issue on our side and applied a fix. Please confirm whether the problem is resolved. If we do not hear back, the case will be closed automatically.';

export const AGENT_REPLIES: readonly string[] = [
  'Attached the requested headers and a log export. The issue still reproduces for several users.',
  'The customer confirms the workaround helps, but they need a permanent fix before the end of the month.',
  'Any update? The customer is escalating internally and asks for an ETA.',
  'We reproduced it with a test account; steps: sign in, open the shared drive, open any file created last week.',
];

export const CUSTOMER_REPLIES: readonly string[] = [
  'We see the problem again this morning, around 09:00 local time.',
  'Thanks, the issue is resolved on our side.',
  'Merci, le problème est résolu de notre côté.',
  '谢谢，问题已经解决。',
  '謝謝，問題已經解決。',
  'Terima kasih, masalah sudah teratasi.',
];

export const PARTNERS = [
  { id: 'partner-northwind', name: 'Northwind Cloud Partners', domains: ['reseller-a.example', 'apac.reseller-a.example'] },
  { id: 'partner-blueharbor', name: 'Blue Harbor IT', domains: ['reseller-b.example'] },
  { id: 'partner-lumiere', name: 'Lumière Services Numériques', domains: ['reseller-c.example'] },
] as const;

export const AGENT_NAMES: readonly (readonly [string, string])[] = [
  ['agent1', 'Ana Agent'],
  ['agent2', 'Budi Santoso'],
  ['agent3', 'Chen Mei-Ling'],
];

/** Customer company stems per reseller domain, so APAC customers look like APAC customers. */
export const CUSTOMER_STEMS: Readonly<Record<string, readonly string[]>> = {
  'reseller-a.example': [
    'acme-logistics',
    'contoso-retail',
    'fabrikam-legal',
    'tailspin-travel',
    'wingtip-toys',
    'litware-labs',
    'proseware-health',
    'adatum-finance',
    'northridge-school',
    'fourth-coffee',
    'alpine-ski',
    'lakeshore-dental',
  ],
  'apac.reseller-a.example': [
    'taipei-trading',
    'shenzhen-devices',
    'jakarta-kopi',
    'bandung-textile',
    'kaohsiung-port',
    'hangzhou-tea',
    'surabaya-logistik',
    'singapore-fintech',
    'taichung-machinery',
    'guangzhou-foods',
    'bali-resorts',
    'medan-agri',
  ],
  'reseller-b.example': [
    'blue-yonder-airlines',
    'margie-travel',
    'relecloud',
    'trey-research',
    'woodgrove-bank',
    'coho-winery',
    'graphic-design-inst',
    'humongous-insurance',
    'lucerne-publishing',
    'southridge-video',
    'datum-corp',
    'consolidated-messenger',
  ],
  'reseller-c.example': [
    'boulangerie-dupont',
    'cabinet-martin',
    'transports-leroy',
    'clinique-lumiere',
    'atelier-moreau',
    'ecole-saint-exupery',
    'vins-de-bordeaux',
    'hotel-riviera',
    'pharmacie-centrale',
    'agence-horizon',
    'lycee-voltaire',
    'mairie-de-lyon',
  ],
};

export const TIME_ZONES: Readonly<Record<CaseTemplate['lang'], readonly string[]>> = {
  en: ['America/New_York', 'Europe/London', 'America/Los_Angeles', 'Europe/Berlin'],
  'zh-TW': ['Asia/Taipei'],
  'zh-CN': ['Asia/Shanghai'],
  id: ['Asia/Jakarta'],
  fr: ['Europe/Paris'],
};

export const SKUS = [
  { skuId: '1010020027', skuName: 'Google Workspace Business Starter' },
  { skuId: '1010020028', skuName: 'Google Workspace Business Standard' },
  { skuId: '1010020025', skuName: 'Google Workspace Business Plus' },
  { skuId: '1010020020', skuName: 'Google Workspace Enterprise Plus' },
] as const;
