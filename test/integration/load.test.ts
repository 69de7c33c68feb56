/**
 * Load against the dev server over real HTTP: hundreds of concurrent repayments across
 * many loans, a quarter of them duplicates resent with the same Idempotency-Key, then a
 * reconciliation that must find every fen where it belongs, with zero 5xx. A request stopped at its
 * deadline (503 timed_out, on a loaded machine) is sent again with the same key, as a client does:
 * it must then be recorded once.
 * Size: LOAD_LOANS (default 24) loans, LOAD_REQUESTS (default 400) requests, 24 at a time.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../dev/http-server.ts';
import { api, as, tokenFor } from '../support/api.ts';
import { activeLoan, daysAgo, openRound } from '../support/fixtures.ts';

const LOANS = Number(process.env.LOAD_LOANS ?? 24);
const REQUESTS = Number(process.env.LOAD_REQUESTS ?? 400);
const CONCURRENCY = 24;
/** attempts of a request answered 503 timed_out (a loaded machine) before its answer counts */
const RETRIES = 4;
const PRINCIPAL = 1_500_000;

let server: Server;
let base: string;

beforeAll(async () => {
  server = createHttpServer(api);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function pool<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

describe('load on the dev server', () => {
  it('records every accepted repayment exactly once and answers no 5xx (a request stopped at its deadline and sent again is recorded once)', async () => {
    const roundId = await openRound({ capitalFen: LOANS * PRINCIPAL });
    const loanIds = await pool(
      Array.from({ length: LOANS }, () => () => activeLoan(roundId, PRINCIPAL)),
      6,
    );
    const token = await tokenFor('township');

    // requests: random amounts on random loans; every fourth resends an earlier request's key and body
    const originals: { loanId: string; key: string; body: string }[] = [];
    const plan = Array.from({ length: REQUESTS }, (_, i) => {
      if (i % 4 === 3 && originals.length) return originals[Math.floor(Math.random() * originals.length)]!;
      const loanId = loanIds[Math.floor(Math.random() * loanIds.length)]!;
      const body = JSON.stringify({ paidOn: daysAgo(1), amountFen: 10_000 + Math.floor(Math.random() * 140_000), receiptNo: `L-${roundId}-${i}` });
      const request = { loanId, key: `load-${roundId}-${i}`, body };
      originals.push(request);
      return request;
    });
    // a request stopped at its deadline answers 503 "please retry" (rule timed_out): the client sends it
    // again with the same key, as the web app's outbox does; only that answer is retried, and only a few times
    let resent = 0;
    const answers = await pool(
      plan.map((r) => async () => {
        for (let attempt = 1; ; attempt++) {
          const res = await fetch(`${base}/loans/${r.loanId}/repayments`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': r.key },
            body: r.body,
          });
          const body = (await res.json()) as { id?: string; amountFen?: number; error?: { code: string; rule?: string } };
          if (res.status === 503 && body.error?.rule === 'timed_out' && attempt < RETRIES) {
            resent++;
            continue;
          }
          return { request: r, status: res.status, body };
        }
      }),
      CONCURRENCY,
    );
    if (resent > 0) console.log(`load: ${resent} requests stopped at their deadline were sent again with the same key`);

    const statuses = answers.reduce<Record<number, number>>((count, a) => {
      count[a.status] = (count[a.status] ?? 0) + 1;
      return count;
    }, {});
    expect(
      answers.filter((a) => a.status >= 500),
      JSON.stringify(statuses),
    ).toEqual([]);
    for (const a of answers) expect([201, 409, 422], JSON.stringify(a.body)).toContain(a.status);
    const accepted = answers.filter((a) => a.status === 201);
    expect(accepted.length).toBeGreaterThan(REQUESTS / 2);

    // one key → one repayment id, however often it was answered
    const idByKey = new Map<string, string>();
    for (const a of accepted) {
      const known = idByKey.get(a.request.key);
      if (known) expect(a.body.id).toBe(known);
      idByKey.set(a.request.key, a.body.id!);
    }

    // reconciliation: every fen the answers accepted is in exactly one ledger, and nothing else is
    let totalRepaid = 0;
    const ledgerIds = new Set<string>();
    for (const loanId of loanIds) {
      const file = (await as('district').get(`/loans/${loanId}`)).body;
      const ledger = file.repayments.reduce((sum: number, r: { amountFen: number }) => sum + r.amountFen, 0);
      for (const r of file.repayments) {
        expect(ledgerIds.has(r.id)).toBe(false);
        ledgerIds.add(r.id);
      }
      expect(file.repaidFen).toBe(ledger);
      expect(file.balanceFen).toBe(PRINCIPAL - ledger);
      expect(file.balanceFen).toBeGreaterThanOrEqual(0);
      totalRepaid += ledger;
    }
    expect([...ledgerIds].sort()).toEqual([...new Set(idByKey.values())].sort());
    const acceptedFen = [...new Map(accepted.map((a) => [a.body.id, a.body.amountFen!])).values()].reduce((s, v) => s + v, 0);
    expect(totalRepaid).toBe(acceptedFen);
    const round = (await as('committee').get(`/rounds/${roundId}`)).body;
    expect(round.repaidFen).toBe(totalRepaid);
    expect(round.disbursedFen).toBe(LOANS * PRINCIPAL);
  }, 300_000);
});
