/**
 * The UI language: 中文 (default), བོད་ཡིག, English. One catalogue per language; keys are
 * typed from the Chinese one, so a missing key fails the type-check. Chinese ships with the
 * app; Tibetan and English load when chosen, and Tibetan falls back to Chinese for words not
 * yet translated. `<html lang>` and the API's Accept-Language follow the choice.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { chinese, translator, type Catalogue, type MessageKey, type Translate } from './catalogue.ts';
import { setApiLanguage } from '../api/client.ts';
import { queryClient } from '../api/queries.ts';
import { langTag, type Lang } from './format.ts';

export type { Lang, MessageKey, Translate };
export { addChinese, interpolate, isMessageKey, translator } from './catalogue.ts';

/** The languages offered, each named in its own script. */
export const LANGUAGES: { lang: Lang; name: string }[] = [
  { lang: 'zh', name: '中文' },
  { lang: 'bo', name: 'བོད་ཡིག' },
  { lang: 'en', name: 'English' },
];

const loaders: Record<Lang, () => Promise<Catalogue>> = {
  zh: async () => chinese,
  bo: async () => (await import('./bo.ts')).bo,
  en: async () => (await import('./en.ts')).en,
};

const STORAGE_KEY = 'lang';

/** The saved choice (anything else means Chinese). */
function savedLang(): Lang {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return saved === 'bo' || saved === 'en' ? saved : 'zh';
}

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
}

const Ctx = createContext<I18n>({ lang: 'zh', setLang: () => undefined, t: translator(chinese) });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(savedLang);
  const [catalogue, setCatalogue] = useState<{ lang: Lang; words: Catalogue }>({ lang: 'zh', words: chinese });
  const first = useRef(true);
  useEffect(() => {
    let live = true;
    document.documentElement.lang = langTag(lang);
    setApiLanguage(langTag(lang));
    // what the API wrote in the old language (refusals, history texts) is read again in the new one
    if (!first.current) void queryClient.invalidateQueries();
    first.current = false;
    void loaders[lang]().then((words) => live && setCatalogue({ lang, words }));
    return () => {
      live = false;
    };
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => ({ lang: catalogue.lang, setLang, t: translator(catalogue.words) }), [catalogue, setLang]);
  // the window's title in the UI language too (index.html's is the Chinese one)
  useEffect(() => {
    document.title = value.t('app_title');
  }, [value]);
  // at start nothing is shown in a language other than the one saved (a short wait while its
  // catalogue loads); on a switch the page stays, in the old language, until the new one is in
  const [started, setStarted] = useState(catalogue.lang === lang);
  if (!started && catalogue.lang === lang) setStarted(true);
  if (!started) return null;
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export const useI18n = () => useContext(Ctx);

/** The language switch: 中文 / བོད་ཡིག / English. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { lang, setLang, t } = useI18n();
  return (
    <fieldset className={`lang-switch ${className ?? ''}`} aria-label={t('language')}>
      {LANGUAGES.map((l) => (
        <button key={l.lang} type="button" className="link" lang={langTag(l.lang)} translate="no" aria-pressed={lang === l.lang} onClick={() => setLang(l.lang)}>
          {l.name}
        </button>
      ))}
    </fieldset>
  );
}
