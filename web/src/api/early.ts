/**
 * The first screen's reads, sent by the app's entry (`main.ts`) while the app's code is still
 * downloading: on a village connection each round trip is 0.4 s, and the list would otherwise be
 * asked for only once React has started (~3 s in). `request` (client.ts) takes an answer from
 * here instead of asking again when the same GET goes with the same token and language, once,
 * within a minute; anything else is asked for as usual. The query cache stays the only cache.
 */
interface Early {
  token: string;
  language: string;
  sentAt: number;
  answer: Promise<Response>;
}

/**
 * The reads sent and not yet taken, by URL: on the window, because index.html's inline script
 * (a copy of this module, first-screen.ts) sends them before the entry that takes them has run.
 */
const holder = (typeof window === 'undefined' ? {} : window) as { __early?: Map<string, Early> };
holder.__early ??= new Map<string, Early>();
const sent = holder.__early;

/** Sends these GETs (`/path?query`, as client.ts writes them) to the API at `base`; one already sent and not yet taken is not sent again. */
export function sendEarly(base: string, paths: readonly string[], token: string, language: string): void {
  for (const path of paths) {
    if (sent.has(`${base}${path}`)) continue;
    const answer = fetch(`${base}${path}`, { headers: { accept: 'application/json', 'accept-language': language, authorization: `Bearer ${token}` } });
    answer.catch(() => undefined); // one nobody takes must not be an unhandled rejection
    sent.set(`${base}${path}`, { token, language, sentAt: Date.now(), answer });
  }
}

/** The early answer to this GET, if one was sent the same way (taken once). */
export function takeEarly(url: string, token: string | undefined, language: string): Promise<Response> | undefined {
  const early = sent.get(url);
  if (!early) return undefined;
  sent.delete(url);
  return early.token === token && early.language === language && Date.now() - early.sentAt < 60_000 ? early.answer : undefined;
}
