/**
 * The reads of the work list's first screen, as `request` (api/client.ts) writes them: what
 * `loadWork` (work-data.ts: evaluations due, open rounds, submitted applications read 100 at a
 * time) and `loadOffices` (field-data.ts) ask for. The app's entry sends them while the app's
 * code downloads (api/early.ts); a list asked for differently is simply asked for again.
 */
export const MY_WORK_FIRST_REQUESTS = ['/reports/evaluations', '/rounds?status=open&limit=100', '/applications?status=submitted&limit=100', '/offices'] as const;
