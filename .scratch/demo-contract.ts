/** One-off: load the demo data through a LocalApi with the contract check on, then read every list and detail as every user. */
import '../dev/env.ts';
import { ensureTables, startDynamoLocal } from '../dev/dynamodb-local.ts';
import { localTables } from '../infra/local-tables.ts';
import { LocalApi } from '../dev/local-api.ts';
import { DEMO_USERS, TokenIssuer } from '../dev/tokens.ts';

const dynamo = await startDynamoLocal({ dataDir: null, port: 8799 });
try {
  const tables = localTables();
  await ensureTables(dynamo.client, tables);
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  Object.assign(process.env, tables.environment);
  const api = new LocalApi(new TokenIssuer('x'.repeat(40)), { checkResponses: true });
  const { ensureOffices } = await import('../dev/offices.ts');
  await ensureOffices();
  const { loadDemoData } = await import('../dev/demo-data.ts');
  console.log(await loadDemoData(api));
  const { closeOfBusiness } = await import('../shared/usecases/close-of-business.ts');
  console.log(await closeOfBusiness());
  const seen = new Map<string, number>();
  for (const u of DEMO_USERS) {
    const token = await api.tokens.sign(u);
    const get = async (path: string, query: Record<string, string> = {}) => {
      const res = await api.handle({ method: 'GET', path, query, headers: { authorization: `Bearer ${token}` } });
      seen.set(`${res.status}`, (seen.get(`${res.status}`) ?? 0) + 1);
      return res.status === 200 && res.headers['content-type']?.startsWith('application/json') ? JSON.parse(res.body) : undefined;
    };
    await get('/offices');
    const rounds = (await get('/rounds', { limit: '100' }))?.items ?? [];
    for (const r of rounds) await get(`/rounds/${r.id}`);
    await get('/round-requests');
    const apps = (await get('/applications', { limit: '100' }))?.items ?? [];
    for (const a of apps) await get(`/applications/${a.id}`);
    const loans = (await get('/loans', { limit: '100' }))?.items ?? [];
    for (const l of loans) await get(`/loans/${l.id}`);
    for (const s of ['overdue', 'active', 'repaid', 'written_off', 'approved']) await get('/loans', { status: s });
    const batches = (await get('/remittances'))?.items ?? [];
    for (const b of batches) await get(`/remittances/${b.id}`);
    await get('/remittances/waiting');
    for (const rep of ['repayment', 'portfolio', 'outcomes', 'evaluations', 'fund', 'remittances'])
      for (const groupBy of ['district', 'township', 'round', 'year']) { await get(`/reports/${rep}`, { groupBy }); await get(`/reports/${rep}`, { groupBy, asOf: '2025-06-30' }); }
    console.log(u.username, rounds.length, apps.length, loans.length, batches.length);
  }
  console.log('statuses', Object.fromEntries(seen));
} finally {
  await dynamo.stop();
}
