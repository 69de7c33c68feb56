/** Shared checks and small flows for the refusal tests (not a test file itself). */
import { expect } from 'vitest';
import { as, type Answer, type UserName } from '../support/api.ts';
import { agreementInput, applicationInput, daysAgo, visitInput } from '../support/fixtures.ts';

export const UNKNOWN_ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

/** The answer is the error contract `{ error: { code, message, field? } }` with this status (and code / field when given). */
export function expectError(res: Answer, status: number, expected: { code?: string; field?: string; message?: RegExp | string } = {}): void {
  const context = `${res.status} ${JSON.stringify(res.body)}`;
  expect(res.status, context).toBe(status);
  expect(res.body, context).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
  expect(res.body.error.message.length, context).toBeGreaterThan(0);
  if (expected.code !== undefined) expect(res.body.error.code, context).toBe(expected.code);
  if (expected.field !== undefined) expect(res.body.error.field, context).toBe(expected.field);
  if (expected.message !== undefined) {
    if (typeof expected.message === 'string') expect(res.body.error.message, context).toContain(expected.message);
    else expect(res.body.error.message, context).toMatch(expected.message);
  }
}

/** Fails with the answer in the message unless the status is the one expected. */
export function expectStatus(res: Answer, status: number): void {
  expect(res.status, `${res.status} ${JSON.stringify(res.body)}`).toBe(status);
}

/** Submits an application as `user` and returns its id. */
export async function submit(roundId: string, overrides: Record<string, unknown> = {}, user: UserName = 'township'): Promise<string> {
  const res = await as(user).post('/applications', applicationInput(roundId, overrides));
  expectStatus(res, 201);
  return res.body.id as string;
}

/** Approves a ready application and returns the loan id. */
export async function approve(appId: string, amountFen = 1_000_000, decidedOn = daysAgo(30), user: UserName = 'district-2'): Promise<string> {
  const res = await as(user).post(`/applications/${appId}/decision`, { decision: 'approve', decidedOn, amountFen });
  expectStatus(res, 200);
  return res.body.loanId as string;
}

export async function signAgreement(loanId: string, signedOn = daysAgo(29), user: UserName = 'district'): Promise<void> {
  expectStatus(await as(user).post(`/loans/${loanId}/agreement`, agreementInput(signedOn)), 200);
}

export const disbursementInput = (amountFen = 1_000_000, overrides: Record<string, unknown> = {}) => ({
  disbursedOn: daysAgo(28),
  amountFen,
  motherPresent: true,
  idChecked: true,
  ...overrides,
});

export const repaymentInput = (amountFen: number, overrides: Record<string, unknown> = {}) => ({
  paidOn: daysAgo(5),
  amountFen,
  receiptNo: `R-${Math.floor(Math.random() * 1e9)}`,
  ...overrides,
});

/** Notice 55 days ago and two good visits, by the given users (for applications outside the `township` user's township). */
export async function makeReady(appId: string, noticeBy: UserName, visitBy: UserName): Promise<void> {
  expectStatus(await as(noticeBy).post(`/applications/${appId}/notice`, { postedOn: daysAgo(55) }), 200);
  expectStatus(await as(visitBy).post(`/applications/${appId}/visits`, visitInput({ visitedOn: daysAgo(45) })), 201);
  expectStatus(await as(visitBy).post(`/applications/${appId}/visits`, visitInput({ visitedOn: daysAgo(35) })), 201);
}

/** Every item of a list, following nextCursor; fails on a repeated cursor. */
export async function listAll<T = any>(user: UserName, path: string, query: Record<string, string>): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < 500; page++) {
    const res = await as(user).get(path, { query: { ...query, ...(cursor ? { cursor } : {}) } });
    expectStatus(res, 200);
    items.push(...(res.body.items as T[]));
    cursor = res.body.nextCursor;
    if (!cursor) return items;
    expect(seen.has(cursor), 'a cursor came back twice').toBe(false);
    seen.add(cursor);
  }
  throw new Error(`${path}: more than 500 pages`);
}
