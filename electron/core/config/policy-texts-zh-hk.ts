import type { TemplateTexts } from './policy-texts.js';

// Terms follow the project's glossary (renderer/i18n/glossary.ts): 連接測試, 代理伺服器, 證書,
// 核證機關, 用戶編號, 工作站, 認證管理員, 正式環境; "policy" is 原則, as in Windows' 群組原則.
const PLACEHOLDER =
  '終端機內置的地址只是一個永遠無法解析的預留地址，因此在此設定地址之前，無法連接此環境。';

/** The Traditional Chinese (Hong Kong) texts of the Group Policy templates. */
export const ZH_HK: TemplateTexts = {
  displayName: 'CCMS 終端機',
  description:
    'CCMS 終端機（結算參與者的桌面用戶端）的電腦原則。終端機在啟動時讀取原則：更改後請重新啟動終端機。',
  root: 'CCMS 終端機',
  supportedOn: 'CCMS 終端機 {{version}} 或以上版本',
  categories: {
    hosts: '主機及環境',
    network: '網絡',
    desk: '工作站及登入',
    support: '支援',
  },
  restrictingNote:
    '如此值無效，或完全無法讀取原則，便會套用最嚴格的設定：{{whenInvalid}}。終端機會在「設定」中列出有問題的值。',
  harmlessNote: '無效的值會被略過，終端機當作未設定處理，並會在「設定」中列出有問題的值。',
  fields: {
    ProductionUrl: {
      name: '正式環境主機地址',
      explain:
        'CCMS 正式環境主機的 https:// 地址，例如 https://ccms.example.com（最多 {{maxLength}} 個字元）。終端機會自行加上 /api/v1。',
      notConfigured: `未設定：${PLACEHOLDER}`,
      label: '地址（https://…）：',
    },
    ConnectivityTestUrl: {
      name: '連接測試主機地址',
      explain:
        '結算所連接測試主機的 https:// 地址（最多 {{maxLength}} 個字元）。終端機會自行加上 /api/v1。',
      notConfigured: `未設定：${PLACEHOLDER}`,
      label: '地址（https://…）：',
    },
    SimulatorUrl: {
      name: '模擬環境主機地址',
      explain:
        '用於培訓的 CCMS 主機模擬器的 https:// 地址（最多 {{maxLength}} 個字元）。當「容許的環境」列出 simulator 或未設定時，便會提供此環境。',
      notConfigured:
        '未設定：只有在終端機自行執行模擬器時（開發版本，已安裝的終端機永遠不會）才提供模擬環境。',
      label: '地址（https://…）：',
    },
    AllowedEnvironments: {
      name: '容許的環境',
      explain: '用戶可選擇的環境，每行一個：{{values}}。只有設有主機地址的環境才會提供。',
      notConfigured: '未設定：提供所有設有主機地址的環境。',
      label: '環境（每行一個）：',
      whenInvalid: '只提供正式環境',
    },
    ProxyMode: {
      name: '代理伺服器模式',
      explain:
        '終端機如何連接 CCMS 主機。fixed 須設定「代理伺服器」，pac 須設定「PAC 檔案地址」；如未設定，便會改用 Windows 代理伺服器設定，並在「設定」中說明。',
      notConfigured:
        '未設定：如已設定「代理伺服器」，便使用該代理伺服器；否則使用 Windows 代理伺服器設定（包括 PAC 檔案及代理伺服器認證）。',
      label: '模式：',
      items: {
        system: 'Windows 代理伺服器設定',
        direct: '直接連接（不使用代理伺服器）',
        fixed: '「代理伺服器」中的代理伺服器',
        pac: '「PAC 檔案地址」中的 PAC 檔案',
      },
    },
    Proxy: {
      name: '代理伺服器',
      explain:
        '連接 CCMS 主機所用的代理伺服器，例如 http://proxy.example.com:8080。在「代理伺服器模式」為 fixed 或未設定時使用。',
      notConfigured: '未設定：不使用固定的代理伺服器。',
      label: '代理伺服器（http://主機:連接埠）：',
    },
    ProxyPacUrl: {
      name: 'PAC 檔案地址',
      explain:
        '代理伺服器自動設定（PAC）檔案的地址：https://、http:// 或 file://，例如 https://wpad.example.com/proxy.pac。%ProgramData% 等環境變數會被展開。在「代理伺服器模式」為 pac 時使用。',
      notConfigured: '未設定：終端機不使用自己的 PAC 檔案。',
      label: '地址：',
    },
    ProxyBypassList: {
      name: '不經代理伺服器連接的主機',
      explain:
        '當「代理伺服器模式」為 fixed 時，終端機直接連接的主機模式，每行一個：可用 * 萬用字元的主機名稱（*.example.com）、地址範圍（10.0.0.0/8），或代表不含點號名稱的 <local>。最多 {{maxItems}} 項。',
      notConfigured: '未設定：所有主機均經代理伺服器連接。',
      label: '主機模式（每行一個）：',
    },
    ExtraCaCertificates: {
      name: '額外信任的核證機關證書',
      explain:
        'PEM 檔案的完整路徑，每行一個。除 Windows 證書存放區外，終端機亦會信任這些檔案內的核證機關，用於 CCMS 主機：適用於會檢查 TLS 並重新簽署主機證書的代理伺服器，或使用自己核證機關的測試主機。此清單內的環境變數不會被展開。最多 {{maxItems}} 項。',
      notConfigured: '未設定：只信任 Windows 證書存放區。',
      label: 'PEM 檔案路徑（每行一個）：',
    },
    IdleTimeoutCeilingSec: {
      name: '閒置鎖定上限（秒）',
      explain:
        '即使主機容許更長時間，終端機最遲在閒置這麼多秒後鎖定（{{min}} 至 {{max}}）。如主機的閒置時限較短，則以主機為準。',
      notConfigured: '未設定：以主機的閒置時限為準。',
      label: '秒數：',
      whenInvalid: '終端機閒置 {{mostRestrictive}} 秒後便會鎖定',
    },
    SharedDesk: {
      name: '共用工作站（不記住任何資料）',
      explain:
        '已啟用：終端機不會在此工作站保留任何資料：不記住上次的用戶編號，亦不在 Windows 認證管理員儲存任何項目。適用於由多名操作員共用的工作站。\n\n已停用：終端機會記住上次的用戶編號（除非已停用「記住上次的用戶編號」），並在 Windows 認證管理員儲存此工作站的裝置憑證。',
      notConfigured: '未設定：與「已停用」相同。',
      label: '共用工作站',
      whenInvalid: '啟用共用工作站',
    },
    RememberUserId: {
      name: '記住上次的用戶編號',
      explain:
        '已啟用：登入畫面會預先填上此工作站上次使用的用戶編號。\n\n已停用：用戶每次都須輸入用戶編號，已記住的用戶編號會被移除。如已啟用「共用工作站」，則以該設定為準。',
      notConfigured: '未設定：與「已啟用」相同。',
      label: '記住上次的用戶編號',
      whenInvalid: '不記住用戶編號',
    },
    LogLevel: {
      name: '記錄詳細程度',
      explain:
        '終端機寫入記錄檔的詳細程度（記錄檔位於用戶應用程式資料內的 logs 資料夾）。任何程度均不會寫入密碼、一次性密碼或權杖。',
      notConfigured: '未設定：一般資訊。',
      label: '程度：',
      items: {
        error: '只限錯誤',
        warn: '警告及錯誤',
        info: '一般資訊',
        debug: '除錯（供 DCASS 熱線使用）',
      },
    },
  },
};
