/** The API client, for modules written before `api/`: new code imports from `api/client.ts` and `api/queries.ts`. */
export { ApiError, isNetworkError, newIdempotencyKey, setToken } from './api/client.ts';
