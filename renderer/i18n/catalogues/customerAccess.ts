import { defineCatalogue } from '../define';

/**
 * What the agent can do for a customer and why (from Google's answers), the reasons an
 * action on a case is not offered, and why Google refused a queued change. Shared by the
 * customers view, the case detail and the New case form.
 */
export const customerAccess = defineCatalogue({
  en: {
    state: {
      authorized: 'Full access',
      read_only: 'Read-only',
      no_api_access: 'No API access for this customer',
      not_authorized: 'Reseller access not authorised',
      transferred: 'Transferred',
    },
    explain: {
      read_only: 'You can read this customer’s cases but not change them: its organization gives your account view-only support access.',
      no_api_access: 'Its Google Cloud organization does not let your account see its support cases.',
      not_authorized: 'The customer has not authorised reseller access, so the Reseller API refuses it.',
      transferred: 'This customer moved to another reseller; its cases are no longer available to this domain.',
    },
    fix: {
      read_only:
        'A super admin of the customer can give your account or group the Tech Support Editor role. Until then, work on its cases in Google’s portal.',
      no_api_access:
        'A super admin of the customer grants Cloud access (Tech Support Editor and Organization Viewer for your account or group). Until then, work on its cases in Google’s portal.',
      not_authorized:
        'The customer’s admin must authorise reseller access (Admin console › Account settings › Reseller access). Until then, use Google’s portal.',
      transferred: 'The new reseller handles its cases now.',
    },
    suspended: 'A subscription is suspended',
    openPortal: 'Open Google’s portal',
    checked: 'Access checked {{time}}',
    blocked: {
      closed: 'This case is closed.',
      not_filed: 'Available once Google has the case.',
      escalated: 'This case is already escalated.',
      not_offered:
        'Escalation is not offered for this customer: your agency has not recorded a Google support offering that includes escalations. If the customer has one, record it in Settings → SLA plans.',
    },
    refused: {
      PERMISSION_DENIED: 'Google refused this change: your account may not change this customer’s cases.',
      CASE_STATE: 'Google refused this change: the case was already closed.',
      SUPPORT_OFFERING: 'Google refused the escalation: the customer’s support offering does not include escalations.',
      NOT_FOUND: 'Google no longer has this case for your domain.',
      INVALID_ARGUMENT: 'Google did not accept this change as written: edit it and send it again.',
      other: 'Google refused this change.',
      serverSaid: 'Google’s answer: {{message}}',
      edit: 'Edit',
      save: 'Send again',
      cancel: 'Cancel',
      discard: 'Discard',
    },
  },
  'zh-TW': {
    state: {
      authorized: '完整存取權',
      read_only: '唯讀',
      no_api_access: '無法透過 API 存取這位客戶',
      not_authorized: '未授予經銷商存取權',
      transferred: '已轉移',
    },
    explain: {
      read_only: '您可以查看這位客戶的客服案件，但無法變更：客戶的機構只授予您的帳戶唯讀的支援存取權。',
      no_api_access: '客戶的 Google Cloud 機構沒有允許您的帳戶查看其客服案件。',
      not_authorized: '客戶尚未授予經銷商存取權，因此 Reseller API 拒絕存取這位客戶。',
      transferred: '這位客戶已轉移至其他經銷商，這個網域無法再存取其客服案件。',
    },
    fix: {
      read_only: '客戶的超級管理員可以授予您的帳戶或群組「技術支援編輯者」角色。在此之前，請在 Google 入口網站中處理其客服案件。',
      no_api_access:
        '客戶的超級管理員須授予 Cloud 存取權（為您的帳戶或群組授予「技術支援編輯者」和「機構檢視者」角色）。在此之前，請在 Google 入口網站中處理其客服案件。',
      not_authorized: '客戶的管理員必須授予經銷商存取權（管理控制台 › 帳戶設定 › 經銷商存取權）。在此之前，請使用 Google 入口網站。',
      transferred: '客戶的客服案件現在由新的經銷商處理。',
    },
    suspended: '有訂閱已停權',
    openPortal: '開啟 Google 入口網站',
    checked: '已於 {{time}} 檢查存取權',
    blocked: {
      closed: '這個客服案件已關閉。',
      not_filed: 'Google 收到客服案件後即可使用。',
      escalated: '這個客服案件已提報。',
      not_offered: '這位客戶不提供提報：貴機構尚未記錄包含提報的 Google 支援方案。如果客戶已購買，請在「設定」→「SLA 方案」中記錄。',
    },
    refused: {
      PERMISSION_DENIED: 'Google 拒絕了這項變更：您的帳戶無權變更這位客戶的客服案件。',
      CASE_STATE: 'Google 拒絕了這項變更：客服案件已經關閉。',
      SUPPORT_OFFERING: 'Google 拒絕了提報：客戶的支援方案不包含提報。',
      NOT_FOUND: 'Google 已找不到您網域中的這個客服案件。',
      INVALID_ARGUMENT: 'Google 不接受這項變更的內容：請編輯後再傳送。',
      other: 'Google 拒絕了這項變更。',
      serverSaid: 'Google 的回應：{{message}}',
      edit: '編輯',
      save: '重新傳送',
      cancel: '取消',
      discard: '捨棄',
    },
  },
  'zh-CN': {
    state: {
      authorized: '完整访问权限',
      read_only: '只读',
      no_api_access: '无法通过 API 访问此客户',
      not_authorized: '未授予经销商访问权限',
      transferred: '已转移',
    },
    explain: {
      read_only: '您可以查看此客户的支持请求，但无法更改：客户的组织只为您的账号授予了只读的支持访问权限。',
      no_api_access: '客户的 Google Cloud 组织不允许您的账号查看其支持请求。',
      not_authorized: '客户尚未授予经销商访问权限，因此 Reseller API 拒绝访问此客户。',
      transferred: '此客户已转到其他经销商，此网域无法再访问其支持请求。',
    },
    fix: {
      read_only: '客户的超级管理员可以为您的账号或群组授予“技术支持编辑者”角色。在此之前，请在 Google 门户中处理其支持请求。',
      no_api_access:
        '客户的超级管理员需授予 Cloud 访问权限（为您的账号或群组授予“技术支持编辑者”和“组织查看者”角色）。在此之前，请在 Google 门户中处理其支持请求。',
      not_authorized: '客户的管理员必须授予经销商访问权限（管理控制台 › 账号设置 › 经销商访问权限）。在此之前，请使用 Google 门户。',
      transferred: '该客户的支持请求现在由新的经销商处理。',
    },
    suspended: '有订阅已暂停',
    openPortal: '打开 Google 门户',
    checked: '已于 {{time}} 检查访问权限',
    blocked: {
      closed: '此支持请求已关闭。',
      not_filed: 'Google 收到支持请求后即可使用。',
      escalated: '此支持请求已上报。',
      not_offered: '此客户不提供上报：贵机构尚未记录包含上报的 Google 支持方案。如果客户已购买，请在“设置”→“SLA 方案”中记录。',
    },
    refused: {
      PERMISSION_DENIED: 'Google 拒绝了此更改：您的账号无权更改此客户的支持请求。',
      CASE_STATE: 'Google 拒绝了此更改：支持请求已经关闭。',
      SUPPORT_OFFERING: 'Google 拒绝了上报：客户的支持方案不包含上报。',
      NOT_FOUND: 'Google 已找不到您网域中的此支持请求。',
      INVALID_ARGUMENT: 'Google 不接受此更改的内容：请编辑后重新发送。',
      other: 'Google 拒绝了此更改。',
      serverSaid: 'Google 的回复：{{message}}',
      edit: '编辑',
      save: '重新发送',
      cancel: '取消',
      discard: '舍弃',
    },
  },
  id: {
    state: {
      authorized: 'Akses penuh',
      read_only: 'Hanya baca',
      no_api_access: 'Tanpa akses API untuk pelanggan ini',
      not_authorized: 'Akses reseller belum diberikan',
      transferred: 'Dipindahkan',
    },
    explain: {
      read_only:
        'Anda dapat membaca kasus pelanggan ini tetapi tidak dapat mengubahnya: organisasinya hanya memberi akun Anda akses dukungan hanya baca.',
      no_api_access: 'Organisasi Google Cloud pelanggan tidak mengizinkan akun Anda melihat kasus dukungannya.',
      not_authorized: 'Pelanggan belum memberikan akses reseller, sehingga Reseller API menolaknya.',
      transferred: 'Pelanggan ini pindah ke reseller lain; kasusnya tidak lagi tersedia untuk domain ini.',
    },
    fix: {
      read_only:
        'Super admin pelanggan dapat memberi akun atau grup Anda peran Tech Support Editor. Sampai saat itu, tangani kasusnya di portal Google.',
      no_api_access:
        'Super admin pelanggan memberikan akses Cloud (Tech Support Editor dan Organization Viewer untuk akun atau grup Anda). Sampai saat itu, tangani kasusnya di portal Google.',
      not_authorized:
        'Admin pelanggan harus memberikan akses reseller (konsol Admin › Setelan akun › Akses reseller). Sampai saat itu, gunakan portal Google.',
      transferred: 'Kasusnya kini ditangani oleh reseller baru.',
    },
    suspended: 'Ada langganan yang ditangguhkan',
    openPortal: 'Buka portal Google',
    checked: 'Akses diperiksa {{time}}',
    blocked: {
      closed: 'Kasus ini sudah ditutup.',
      not_filed: 'Tersedia setelah Google menerima kasusnya.',
      escalated: 'Kasus ini sudah dieskalasi.',
      not_offered:
        'Eskalasi tidak tersedia untuk pelanggan ini: agensi Anda belum mencatat paket dukungan Google yang mencakup eskalasi. Jika pelanggan memilikinya, catat di Setelan → Paket SLA.',
    },
    refused: {
      PERMISSION_DENIED: 'Google menolak perubahan ini: akun Anda tidak boleh mengubah kasus pelanggan ini.',
      CASE_STATE: 'Google menolak perubahan ini: kasusnya sudah ditutup.',
      SUPPORT_OFFERING: 'Google menolak eskalasi: paket dukungan pelanggan tidak mencakup eskalasi.',
      NOT_FOUND: 'Google tidak lagi memiliki kasus ini untuk domain Anda.',
      INVALID_ARGUMENT: 'Google tidak menerima isi perubahan ini: edit lalu kirim lagi.',
      other: 'Google menolak perubahan ini.',
      serverSaid: 'Jawaban Google: {{message}}',
      edit: 'Edit',
      save: 'Kirim lagi',
      cancel: 'Batal',
      discard: 'Buang',
    },
  },
  fr: {
    state: {
      authorized: 'Accès complet',
      read_only: 'Lecture seule',
      no_api_access: 'Pas d’accès API pour ce client',
      not_authorized: 'Accès revendeur non autorisé',
      transferred: 'Transféré',
    },
    explain: {
      read_only:
        'Vous pouvez lire les demandes de ce client mais pas les modifier : son organisation ne donne à votre compte qu’un accès d’assistance en lecture seule.',
      no_api_access: 'Son organisation Google Cloud ne permet pas à votre compte de voir ses demandes d’assistance.',
      not_authorized: 'Le client n’a pas autorisé l’accès revendeur : l’API Reseller le refuse.',
      transferred: 'Ce client est passé chez un autre revendeur ; ses demandes ne sont plus accessibles depuis ce domaine.',
    },
    fix: {
      read_only:
        'Un super-administrateur du client peut attribuer à votre compte ou groupe le rôle Tech Support Editor. D’ici là, traitez ses demandes dans le portail Google.',
      no_api_access:
        'Un super-administrateur du client accorde l’accès Cloud (Tech Support Editor et Organization Viewer pour votre compte ou groupe). D’ici là, traitez ses demandes dans le portail Google.',
      not_authorized:
        'L’administrateur du client doit autoriser l’accès revendeur (console d’administration › Paramètres du compte › Accès revendeur). D’ici là, utilisez le portail Google.',
      transferred: 'Ses demandes sont désormais gérées par le nouveau revendeur.',
    },
    suspended: 'Un abonnement est suspendu',
    openPortal: 'Ouvrir le portail Google',
    checked: 'Accès vérifié {{time}}',
    blocked: {
      closed: 'Cette demande est fermée.',
      not_filed: 'Disponible dès que Google a reçu la demande.',
      escalated: 'Cette demande est déjà remontée.',
      not_offered:
        'La remontée n’est pas proposée pour ce client : votre agence n’a pas enregistré d’offre d’assistance Google incluant les remontées. S’il en dispose, indiquez-le dans Paramètres → Plans de SLA.',
    },
    refused: {
      PERMISSION_DENIED: 'Google a refusé cette modification : votre compte ne peut pas modifier les demandes de ce client.',
      CASE_STATE: 'Google a refusé cette modification : la demande était déjà fermée.',
      SUPPORT_OFFERING: 'Google a refusé la remontée : l’offre d’assistance du client n’inclut pas les remontées.',
      NOT_FOUND: 'Google n’a plus cette demande pour votre domaine.',
      INVALID_ARGUMENT: 'Google n’a pas accepté cette modification telle quelle : modifiez-la et renvoyez-la.',
      other: 'Google a refusé cette modification.',
      serverSaid: 'Réponse de Google : {{message}}',
      edit: 'Modifier',
      save: 'Renvoyer',
      cancel: 'Annuler',
      discard: 'Abandonner',
    },
  },
});
