/** Personal data stays out of the logs: no resident ID number is ever written, even in errors. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { logger } from '../../shared/logger.ts';
import { as, call } from '../support/api.ts';
import { activeLoan, applicationInput, openRound, residentId } from '../support/fixtures.ts';

let captured = '';
const spies: { mockRestore(): void }[] = [];

beforeAll(() => {
  logger.setLevel('DEBUG');
  const capture = (chunk: unknown) => {
    captured += String(chunk);
    return true;
  };
  spies.push(vi.spyOn(process.stdout, 'write').mockImplementation(capture), vi.spyOn(process.stderr, 'write').mockImplementation(capture));
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) spies.push(vi.spyOn(console, level).mockImplementation((...args: unknown[]) => capture(args.join(' '))));
});

afterAll(() => {
  for (const spy of spies) spy.mockRestore();
  logger.setLevel('ERROR');
});

describe('logs', () => {
  it('never contain a resident ID number, whatever the request did', async () => {
    const roundId = await openRound();
    const id = residentId();
    const input = applicationInput(roundId, { mother: { name: '德吉', residentId: id } });
    const submitted = await as('township').post('/applications', input);
    expect(submitted.status).toBe(201);
    await as('township').post('/applications', input); // refused: open case
    await as('district').get(`/applications/${submitted.body.id}`);
    await as('district').get(`/applications?roundId=${roundId}`);
    const broken = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    await as('township').post('/applications', applicationInput(roundId, { mother: { name: '德吉', residentId: broken } }));
    await call('township', 'POST', '/applications', undefined, { rawBody: `{"mother":{"residentId":"${id}"` });
    const loanId = await activeLoan(roundId);
    await as('district').get(`/loans/${loanId}`);

    expect(captured.length).toBeGreaterThan(0); // the requests were logged
    expect(captured).toContain('"routeKey":"POST /applications"');
    for (const secret of [id, broken, id.slice(0, 17)]) expect(captured).not.toContain(secret);
  });

  it('mask an ID number that reaches a log line through an error message', () => {
    const id = residentId();
    logger.error(`failed for ${id}`, { detail: { residentId: id } });
    expect(captured).not.toContain(id);
    expect(captured).toContain(`${id.slice(0, 4)}**********${id.slice(14)}`);
  });
});
