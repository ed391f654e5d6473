import {
  HELP_LANGUAGES,
  HELP_SEARCH_PATH,
  helpCenterSearchUrl,
  type HelpArticle,
  type HelpLanguage,
  type SearchHelpArticlesResponse,
} from '../../shared/api';
import { isStopword } from '../../shared/domain';
import { ApiError, json } from './http';
import type { Route } from './router';
import { documentTokens, queryTokens } from './text-index';

// Sandbox extension `helpCenter` (declared in /sandbox/capabilities, off by default): a
// small multilingual corpus of admin help articles, searched by the words of a problem
// description. Google has no such API. Links go to the help center's own search for the
// article's title: we do not invent answer ids that may not exist.

type Texts = Readonly<Record<HelpLanguage, readonly [title: string, snippet: string]>>;

interface CorpusArticle {
  readonly id: string;
  readonly products: readonly string[];
  readonly texts: Texts;
}

const CORPUS: readonly CorpusArticle[] = [
  {
    id: 'mail-delivery-delays',
    products: ['gmail'],
    texts: {
      en: [
        'Mail delivery delays and bounced messages',
        'Trace a delayed or bounced email with Email Log Search in the Admin console, check the MX records, and check the Google Workspace Status Dashboard for a known outage.',
      ],
      'zh-TW': [
        '郵件傳送延遲和退回的郵件',
        '在管理控制台中使用電子郵件記錄搜尋追蹤延遲或退回的郵件，檢查 MX 記錄，並查看 Google Workspace 狀態資訊主頁是否有已知的服務中斷。',
      ],
      'zh-CN': [
        '邮件递送延迟和退回的邮件',
        '在管理控制台中使用电子邮件日志搜索跟踪延迟或退回的邮件，检查 MX 记录，并查看 Google Workspace 状态信息中心是否有已知的服务中断。',
      ],
      id: [
        'Keterlambatan pengiriman email dan pesan yang terpental',
        'Lacak email yang terlambat atau terpental dengan Penelusuran Log Email di konsol Admin, periksa data MX, dan periksa Dasbor Status Google Workspace untuk pemadaman yang diketahui.',
      ],
      fr: [
        'Retards de distribution des e-mails et messages renvoyés',
        "Suivez un e-mail retardé ou renvoyé avec la recherche dans les journaux d'e-mails de la console d'administration, vérifiez les enregistrements MX et consultez le Google Workspace Status Dashboard pour une interruption connue.",
      ],
    },
  },
  {
    id: 'mx-records',
    products: ['gmail'],
    texts: {
      en: [
        'Set up MX records for Gmail',
        'External mail does not arrive when the MX records at the domain host do not point to Google. Check them and allow up to 72 hours for DNS changes.',
      ],
      'zh-TW': [
        '設定 Gmail 的 MX 記錄',
        '如果網域代管商的 MX 記錄沒有指向 Google，就收不到外部郵件。請檢查記錄；DNS 變更最多可能需要 72 小時才會生效。',
      ],
      'zh-CN': [
        '为 Gmail 设置 MX 记录',
        '如果域名托管商的 MX 记录没有指向 Google，就收不到外部邮件。请检查记录；DNS 更改最多可能需要 72 小时才会生效。',
      ],
      id: [
        'Menyiapkan data MX untuk Gmail',
        'Email eksternal tidak tiba jika data MX di host domain tidak mengarah ke Google. Periksa data tersebut; perubahan DNS bisa memerlukan hingga 72 jam.',
      ],
      fr: [
        'Configurer les enregistrements MX pour Gmail',
        "Les e-mails externes n'arrivent pas si les enregistrements MX de l'hébergeur du domaine ne pointent pas vers Google. Vérifiez-les ; un changement DNS peut prendre jusqu'à 72 heures.",
      ],
    },
  },
  {
    id: 'spf-dkim-dmarc',
    products: ['gmail'],
    texts: {
      en: [
        'Authenticate email with SPF, DKIM and DMARC',
        'Messages sent from the domain land in spam or are rejected when SPF, DKIM or DMARC records are missing or wrong.',
      ],
      'zh-TW': [
        '使用 SPF、DKIM 和 DMARC 驗證電子郵件',
        '如果缺少 SPF、DKIM 或 DMARC 記錄或設定錯誤，從網域寄出的郵件會被歸為垃圾郵件或遭到拒絕。',
      ],
      'zh-CN': [
        '使用 SPF、DKIM 和 DMARC 验证电子邮件',
        '如果缺少 SPF、DKIM 或 DMARC 记录或设置错误，从域名发出的邮件会被归为垃圾邮件或被拒绝。',
      ],
      id: [
        'Mengautentikasi email dengan SPF, DKIM, dan DMARC',
        'Pesan dari domain masuk ke spam atau ditolak jika data SPF, DKIM, atau DMARC tidak ada atau salah.',
      ],
      fr: [
        'Authentifier les e-mails avec SPF, DKIM et DMARC',
        'Les messages envoyés depuis le domaine arrivent dans le spam ou sont refusés si les enregistrements SPF, DKIM ou DMARC manquent ou sont erronés.',
      ],
    },
  },
  {
    id: 'sign-in-problems',
    products: ['accounts'],
    texts: {
      en: [
        'Users cannot sign in',
        'Reset the password in the Admin console, check whether an admin suspended or locked the account, and check the 2-Step Verification device.',
      ],
      'zh-TW': ['使用者無法登入', '在管理控制台中重設密碼，確認帳戶是否遭管理員停權或鎖定，並檢查兩步驟驗證裝置。'],
      'zh-CN': ['用户无法登录', '在管理控制台中重置密码，确认帐号是否被管理员暂停或锁定，并检查两步验证设备。'],
      id: [
        'Pengguna tidak dapat login',
        'Setel ulang sandi di konsol Admin, periksa apakah admin menangguhkan atau mengunci akun, dan periksa perangkat Verifikasi 2 Langkah.',
      ],
      fr: [
        'Les utilisateurs ne peuvent pas se connecter',
        "Réinitialisez le mot de passe dans la console d'administration, vérifiez si un administrateur a suspendu ou verrouillé le compte, et vérifiez l'appareil de validation en deux étapes.",
      ],
    },
  },
  {
    id: 'two-step-verification',
    products: ['accounts'],
    texts: {
      en: [
        '2-Step Verification: lost phone or security key',
        'An admin can generate backup verification codes for the user or turn 2-Step Verification off for them temporarily (2SV, 2FA).',
      ],
      'zh-TW': ['兩步驟驗證：遺失手機或安全金鑰', '管理員可以為使用者產生備用驗證碼，或暫時為使用者關閉兩步驟驗證（2SV、2FA）。'],
      'zh-CN': ['两步验证：手机或安全密钥丢失', '管理员可以为用户生成备用验证码，或暂时为用户关闭两步验证（2SV、2FA）。'],
      id: [
        'Verifikasi 2 Langkah: ponsel atau kunci keamanan hilang',
        'Admin dapat membuat kode verifikasi cadangan untuk pengguna atau menonaktifkan Verifikasi 2 Langkah sementara (2SV, 2FA).',
      ],
      fr: [
        'Validation en deux étapes : téléphone ou clé de sécurité perdus',
        "Un administrateur peut générer des codes de secours pour l'utilisateur ou désactiver temporairement sa validation en deux étapes (2SV, 2FA).",
      ],
    },
  },
  {
    id: 'saml-sso',
    products: ['accounts'],
    texts: {
      en: [
        'SAML single sign-on errors',
        'A sign-in loop or a SAML error usually means the identity provider certificate expired or the ACS URL or entity ID does not match the SSO profile.',
      ],
      'zh-TW': ['SAML 單一登入錯誤', '登入迴圈或 SAML 錯誤通常表示識別資訊提供者的憑證已過期，或 ACS 網址或實體 ID 與 SSO 設定檔不符。'],
      'zh-CN': ['SAML 单点登录错误', '登录循环或 SAML 错误通常表示身份提供方的证书已过期，或 ACS 网址或实体 ID 与 SSO 配置文件不符。'],
      id: [
        'Error single sign-on SAML',
        'Loop login atau error SAML biasanya berarti sertifikat penyedia identitas kedaluwarsa atau URL ACS atau ID entitas tidak cocok dengan profil SSO.',
      ],
      fr: [
        "Erreurs d'authentification unique SAML",
        "Une boucle de connexion ou une erreur SAML indique souvent que le certificat du fournisseur d'identité a expiré, ou que l'URL ACS ou l'ID d'entité ne correspond pas au profil SSO.",
      ],
    },
  },
  {
    id: 'attachment-limits',
    products: ['gmail', 'drive'],
    texts: {
      en: [
        'Attachments will not send or download',
        'Gmail attachments are limited to 25 MB; some file types are blocked. Larger files go through Google Drive links.',
      ],
      'zh-TW': ['附件無法傳送或下載', 'Gmail 附件上限為 25 MB，且部分檔案類型會遭到封鎖。較大的檔案請改用 Google 雲端硬碟連結。'],
      'zh-CN': ['附件无法发送或下载', 'Gmail 附件上限为 25 MB，且部分文件类型会被屏蔽。较大的文件请改用 Google 云端硬盘链接。'],
      id: [
        'Lampiran tidak dapat dikirim atau didownload',
        'Lampiran Gmail dibatasi 25 MB; beberapa jenis file diblokir. File yang lebih besar dikirim melalui link Google Drive.',
      ],
      fr: [
        "Les pièces jointes ne s'envoient pas ou ne se téléchargent pas",
        'Les pièces jointes Gmail sont limitées à 25 Mo et certains types de fichiers sont bloqués. Les fichiers plus gros passent par des liens Google Drive.',
      ],
    },
  },
  {
    id: 'desktop-sync',
    products: ['drive', 'gmail'],
    texts: {
      en: [
        'Desktop clients do not sync',
        'Drive for desktop and Outlook sync problems: reconnect the account, check the OAuth grants in the Admin console and update the client.',
      ],
      'zh-TW': ['桌面用戶端無法同步', '電腦版雲端硬碟和 Outlook 同步問題：重新連結帳戶、在管理控制台中檢查 OAuth 授權，並更新用戶端。'],
      'zh-CN': ['桌面客户端无法同步', '桌面版云端硬盘和 Outlook 同步问题：重新关联帐号，在管理控制台中检查 OAuth 授权，并更新客户端。'],
      id: [
        'Klien desktop tidak sinkron',
        'Masalah sinkronisasi Drive untuk desktop dan Outlook: hubungkan ulang akun, periksa izin OAuth di konsol Admin, dan update klien.',
      ],
      fr: [
        'Les clients de bureau ne se synchronisent pas',
        "Problèmes de synchronisation de Drive pour ordinateur et d'Outlook : reconnectez le compte, vérifiez les autorisations OAuth dans la console d'administration et mettez le client à jour.",
      ],
    },
  },
  {
    id: 'sharing-permissions',
    products: ['drive', 'calendar'],
    texts: {
      en: [
        'Sharing files and calendars outside the organization',
        'Sharing settings are set per organizational unit: check the Drive and Calendar sharing policy of the user’s OU before changing the file.',
      ],
      'zh-TW': ['與機構外部分享檔案和日曆', '分享設定是按機構單位設定的：變更檔案前，請先檢查使用者所屬機構單位的雲端硬碟和日曆分享政策。'],
      'zh-CN': ['与组织外部共享文件和日历', '共享设置按组织部门设置：更改文件前，请先检查用户所属组织部门的云端硬盘和日历共享政策。'],
      id: [
        'Berbagi file dan kalender di luar organisasi',
        'Setelan berbagi diatur per unit organisasi: periksa kebijakan berbagi Drive dan Kalender untuk unit organisasi pengguna sebelum mengubah file.',
      ],
      fr: [
        "Partager des fichiers et des agendas hors de l'organisation",
        "Les paramètres de partage sont définis par unité organisationnelle : vérifiez la règle de partage Drive et Agenda de l'UO de l'utilisateur avant de modifier le fichier.",
      ],
    },
  },
  {
    id: 'meet-quality',
    products: ['meet'],
    texts: {
      en: [
        'Google Meet calls fail to connect or have poor audio',
        'Check the network allows the Meet media ports (UDP 19302–19309), and look up the call in the Meet quality tool of the Admin console.',
      ],
      'zh-TW': [
        'Google Meet 通話無法連線或音訊品質不佳',
        '確認網路允許 Meet 媒體通訊埠（UDP 19302–19309），並在管理控制台的 Meet 品質工具中查詢該通話。',
      ],
      'zh-CN': [
        'Google Meet 通话无法连接或音频质量差',
        '确认网络允许 Meet 媒体端口（UDP 19302–19309），并在管理控制台的 Meet 质量工具中查询该通话。',
      ],
      id: [
        'Panggilan Google Meet gagal tersambung atau audio buruk',
        'Pastikan jaringan mengizinkan port media Meet (UDP 19302–19309), dan cari panggilan di alat kualitas Meet konsol Admin.',
      ],
      fr: [
        'Les appels Google Meet ne se connectent pas ou le son est mauvais',
        "Vérifiez que le réseau autorise les ports média de Meet (UDP 19302–19309) et recherchez l'appel dans l'outil de qualité Meet de la console d'administration.",
      ],
    },
  },
  {
    id: 'status-dashboard',
    products: ['gmail', 'drive', 'calendar', 'meet', 'chat'],
    texts: {
      en: [
        'Check for a known outage first',
        'The Google Workspace Status Dashboard shows current incidents for Gmail, Drive, Calendar, Meet and other services. If one matches, note it in the case.',
      ],
      'zh-TW': [
        '先檢查是否有已知的服務中斷',
        'Google Workspace 狀態資訊主頁會顯示 Gmail、雲端硬碟、日曆、Meet 等服務目前的事件。如果有相符的事件，請在客服案件中註明。',
      ],
      'zh-CN': [
        '先检查是否有已知的服务中断',
        'Google Workspace 状态信息中心会显示 Gmail、云端硬盘、日历、Meet 等服务当前的事件。如果有相符的事件，请在支持请求中注明。',
      ],
      id: [
        'Periksa pemadaman yang diketahui terlebih dahulu',
        'Dasbor Status Google Workspace menampilkan insiden terkini untuk Gmail, Drive, Kalender, Meet, dan layanan lainnya. Jika ada yang cocok, catat di kasus.',
      ],
      fr: [
        "Vérifiez d'abord s'il y a une interruption connue",
        "Le Google Workspace Status Dashboard affiche les incidents en cours pour Gmail, Drive, Agenda, Meet et d'autres services. Si l'un d'eux correspond, indiquez-le dans la demande.",
      ],
    },
  },
];

interface IndexedArticle {
  readonly article: CorpusArticle;
  /** Tokens of every translation: a description in any language finds the article. */
  readonly titleTokens: ReadonlySet<string>;
  readonly bodyTokens: ReadonlySet<string>;
}

export interface HelpCenter {
  search(query: string, languageCode: string, pageSize: number): HelpArticle[];
  /** Its one route, registered only while the extension is on. */
  readonly route: Route;
}

function isHelpLanguage(code: string): code is HelpLanguage {
  return (HELP_LANGUAGES as readonly string[]).includes(code);
}

/** The closest corpus language for a BCP 47 tag (zh-Hant → zh-TW, zh → zh-CN, in → id), else English. */
function corpusLanguage(tag: string): HelpLanguage {
  if (isHelpLanguage(tag)) return tag;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return /hant|tw|hk|mo/.test(lower) ? 'zh-TW' : 'zh-CN';
  if (lower.startsWith('id') || lower.startsWith('in')) return 'id';
  if (lower.startsWith('fr')) return 'fr';
  return 'en';
}

export function createHelpCenter(): HelpCenter {
  const index: IndexedArticle[] = CORPUS.map((article) => {
    const titleTokens = new Set<string>();
    const bodyTokens = new Set<string>();
    for (const [title, snippet] of Object.values(article.texts)) {
      documentTokens(title, titleTokens);
      documentTokens(snippet, bodyTokens);
    }
    return { article, titleTokens, bodyTokens };
  });

  const search = (query: string, languageCode: string, pageSize: number): HelpArticle[] => {
    // A description, not a query: any word counts; title words count double; short words (a, of, 的) are noise.
    const words = queryTokens(query).filter((token) => !isStopword(token));
    if (words.length === 0) return [];
    const language = corpusLanguage(languageCode);
    return (
      index
        .map((entry) => ({
          entry,
          score: words.reduce((sum, w) => sum + (entry.titleTokens.has(w) ? 2 : 0) + (entry.bodyTokens.has(w) ? 1 : 0), 0),
        }))
        .filter((hit) => hit.score >= 3)
        .sort((a, b) => b.score - a.score || a.entry.article.id.localeCompare(b.entry.article.id))
        // Common CJK bigrams (使用, 用者) match much: keep what is close to the best hit.
        .filter((hit, _index, hits) => hit.score * 3 >= (hits[0]?.score ?? 0))
        .slice(0, pageSize)
        .map(({ entry }) => {
          const [title, snippet] = entry.article.texts[language];
          return {
            id: entry.article.id,
            languageCode: language,
            title,
            snippet,
            uri: helpCenterSearchUrl(title, language),
            products: [...entry.article.products],
          };
        })
    );
  };

  return {
    search,
    route: {
      method: 'GET',
      template: HELP_SEARCH_PATH,
      name: 'sandbox.help.search',
      handle: ({ url }) => {
        const query = url.searchParams.get('query') ?? '';
        if (query.length > 4000) throw new ApiError('INVALID_ARGUMENT', 'query is longer than 4000 characters');
        const rawSize = url.searchParams.get('pageSize');
        const pageSize = rawSize === null ? 5 : Number(rawSize);
        if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 20) throw new ApiError('INVALID_ARGUMENT', 'pageSize must be 1–20');
        const body: SearchHelpArticlesResponse = { articles: search(query, url.searchParams.get('languageCode') ?? 'en', pageSize) };
        return json(200, body);
      },
    },
  };
}
