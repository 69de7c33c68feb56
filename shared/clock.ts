/**
 * The time a request is handled at. Always the real time, except in-process where a caller
 * runs a request "at" another moment: the demo data of `npm run dev` records each step of a
 * mother's past case on the day written on its paper, as an office using the system then
 * would have (nothing comes out back-dated, and the history shows when each step was
 * entered). Nothing outside this process can set it: a Lambda has no caller that does.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const simulated = new AsyncLocalStorage<Date>();

/** Now, or the moment the surrounding `runAt` set. */
export const clockNow = (): Date => new Date((simulated.getStore() ?? new Date()).getTime());

/** Runs `work` with `clockNow()` answering `at`. */
export function runAt<T>(at: Date, work: () => Promise<T>): Promise<T> {
  return simulated.run(at, work);
}
