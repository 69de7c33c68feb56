/**
 * The sign-in page without React: what a browser with nobody signed in shows first, from the
 * app's entry (`main.ts`), so it downloads none of the app's code (React, the query cache, the
 * pages); the OpenID Connect client loads on the click, the app once back from the provider.
 * The same words, classes and language switch as the app's own sign-in page (LoginPage.tsx,
 * shown when a session ends inside the app).
 */
import { chinese, translator, type Catalogue, type MessageKey } from '../../i18n/catalogue.ts';
import { langTag, type Lang } from '../../i18n/format.ts';
import { signInRedirect } from '../../oidc.ts';

/** The languages offered, each named in its own script (as the app's switch names them). */
const LANGUAGES: { lang: Lang; name: string }[] = [
  { lang: 'zh', name: '中文' },
  { lang: 'bo', name: 'བོད་ཡིག' },
  { lang: 'en', name: 'English' },
];

async function catalogueOf(lang: Lang): Promise<Catalogue> {
  if (lang === 'bo') return (await import('../../i18n/bo.ts')).bo;
  if (lang === 'en') return (await import('../../i18n/en.ts')).en;
  return chinese;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

function alert(text: string): HTMLElement {
  const box = element('div', { className: 'error', textContent: text });
  box.setAttribute('role', 'alert');
  return box;
}

/** Shows the sign-in page in `root`, in the saved language (nothing is shown until its words are in). */
export async function showSignInPage(root: HTMLElement, saved: Lang): Promise<void> {
  let lang = saved;
  let problem: MessageKey | undefined;
  let busy = false;
  let t = translator(await catalogueOf(lang));
  const render = () => {
    document.documentElement.lang = langTag(lang);
    const button = element('button', { type: 'button', className: 'sign-in', textContent: t('sign_in'), disabled: busy });
    button.addEventListener('click', () => {
      busy = true;
      problem = undefined;
      render();
      signInRedirect().catch(() => {
        busy = false;
        problem = 'network_unreachable';
        render();
      });
    });
    const languages = element('fieldset', { className: 'lang-switch' });
    languages.setAttribute('aria-label', t('language'));
    for (const l of LANGUAGES) {
      // a language's own name, never translated
      const b = element('button', { type: 'button', className: 'link', lang: langTag(l.lang), translate: false, textContent: l.name });
      b.setAttribute('aria-pressed', String(l.lang === lang));
      b.addEventListener('click', () => {
        localStorage.setItem('lang', l.lang);
        // the page stays in the old language until the new one's words are in
        void catalogueOf(l.lang).then((words) => {
          lang = l.lang;
          t = translator(words);
          render();
        });
      });
      languages.append(b);
    }
    document.title = t('app_title');
    const card = element(
      'div',
      { className: 'card' },
      element('h1', { textContent: t('app_title') }),
      element('p', { className: 'muted', textContent: t('app_motto') }),
      ...(problem ? [alert(t(problem))] : []),
      element('p', { textContent: t('sign_in_hint') }),
      button,
      languages,
    );
    root.replaceChildren(element('div', { className: 'login' }, card));
  };
  render();
}
