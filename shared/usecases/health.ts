import { getRecord } from '../store/records.ts';

/** Liveness plus a read of the table, so a broken database shows as 503 here first. */
export async function checkHealth(): Promise<{ status: 'ok'; database: 'reachable'; time: string }> {
  await getRecord({ pk: 'HEALTH', sk: 'HEALTH' });
  return { status: 'ok', database: 'reachable', time: new Date().toISOString() };
}
