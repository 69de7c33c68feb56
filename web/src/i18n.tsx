/** Chinese first, English on a switch. Pages add their own words to `WORDS`. */
import { createContext, useContext, useState, type ReactNode } from 'react';

export type Lang = 'zh' | 'en';

type Dict = Record<string, { zh: string; en: string }>;

const WORDS: Dict = {
  app_title: { zh: '幸福工程 · 贷款管理', en: 'Happiness Project · Loans' },
  sign_in: { zh: '登录', en: 'Sign in' },
  sign_out: { zh: '退出', en: 'Sign out' },
  sign_in_hint: { zh: '请用工作账号登录。首次登录需要修改临时密码并设置动态验证码。', en: 'Sign in with your work account. The first time, you set a new password and an authenticator code.' },
  username: { zh: '用户名', en: 'Username' },
  loading: { zh: '加载中…', en: 'Loading…' },
  empty: { zh: '暂无记录', en: 'Nothing here yet' },
  retry: { zh: '重试', en: 'Retry' },
  cancel: { zh: '取消', en: 'Cancel' },
  confirm: { zh: '确认', en: 'Confirm' },
  save: { zh: '保存', en: 'Save' },
  submit: { zh: '提交', en: 'Submit' },
  back: { zh: '返回', en: 'Back' },
  print: { zh: '打印', en: 'Print' },
  more: { zh: '加载更多', en: 'Load more' },
  network_unreachable: { zh: '网络不通，请稍后再试', en: 'No network; try again later' },
  role_committee: { zh: '组委会', en: 'Committee' },
  role_district: { zh: '区项目办', en: 'District office' },
  role_township: { zh: '乡（街道）', en: 'Township' },
  role_field: { zh: '项目工作人员', en: 'Field staff' },
  nav_applications: { zh: '申请', en: 'Applications' },
  nav_loans: { zh: '贷款', en: 'Loans' },
  nav_ceremony: { zh: '集中放款', en: 'Disbursement day' },
  nav_my_work: { zh: '我的任务', en: 'My work' },
  nav_dashboard: { zh: '总览', en: 'Dashboard' },
  nav_staff: { zh: '人员', en: 'Staff' },
  nav_repayments: { zh: '还款', en: 'Repayments' },
  status_submitted: { zh: '待审批', en: 'Submitted' },
  status_approved: { zh: '已批准', en: 'Approved' },
  status_rejected: { zh: '未批准', en: 'Rejected' },
  status_active: { zh: '正常', en: 'Active' },
  status_overdue: { zh: '逾期', en: 'Overdue' },
  status_repaid: { zh: '已还清', en: 'Repaid' },
  status_written_off: { zh: '已核销', en: 'Written off' },
};

export function addWords(dict: Dict): void {
  Object.assign(WORDS, dict);
}

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: string, vars?: Record<string, string | number>): string;
}

const Ctx = createContext<I18n>({ lang: 'zh', setLang: () => undefined, t: (k) => k });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('lang') === 'en' ? 'en' : 'zh'));
  const setLang = (l: Lang) => {
    localStorage.setItem('lang', l);
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
    setLangState(l);
  };
  const t = (key: string, vars?: Record<string, string | number>) => {
    let text = WORDS[key]?.[lang] ?? key;
    for (const [k, v] of Object.entries(vars ?? {})) text = text.replace(`{${k}}`, String(v));
    return text;
  };
  return <Ctx.Provider value={{ lang, setLang, t }}>{children}</Ctx.Provider>;
}

export const useI18n = () => useContext(Ctx);
