/** The UI language, for modules written before `i18n/`: new code imports from `i18n/index.tsx`. */
export { I18nProvider, LanguageSwitch, useI18n, type Lang, type MessageKey, type Translate } from './i18n/index.tsx';
