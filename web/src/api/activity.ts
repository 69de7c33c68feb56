/**
 * How many API requests are on their way, as a leaf module: what can wait (the Tibetan web font
 * on a Chinese or English screen) starts once the first screen's requests are answered, so it
 * does not share a village connection with them.
 */
let inFlight = 0;
const listeners = new Set<() => void>();

/** A request starts (`request` in client.ts); the function it gives back says it ended. */
export function begin(): () => void {
  inFlight++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    inFlight--;
    for (const l of [...listeners]) l();
  };
}

/**
 * Runs `run` once, when the page has loaded and no request has been on its way for `quietMs`,
 * or after `capMs` at the latest (a list that fetches loans ahead one by one is never quiet).
 */
export function whenQuiet(run: () => void, { quietMs = 500, capMs = 10_000 } = {}): void {
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finish = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    clearTimeout(cap);
    listeners.delete(check);
    run();
  };
  const check = () => {
    clearTimeout(timer);
    if (inFlight === 0) timer = setTimeout(() => inFlight === 0 && finish(), quietMs);
  };
  const cap = setTimeout(finish, capMs);
  const start = () => {
    listeners.add(check);
    check();
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
