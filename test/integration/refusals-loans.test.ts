/** Refusals of the loan routes: agreement, disbursement (Idempotency-Key), evaluations and repayments (exactly once). */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/dates.ts';
import { as, call } from '../support/api.ts';
import { activeLoan, agreementInput, confirmLoans, daysAgo, evaluationInput, openRound, readyApplication, today } from '../support/fixtures.ts';
import { approve, disbursementInput, expectError, expectStatus, repaymentInput, signAgreement } from './refusal-helpers.ts';

const tomorrow = () => addDays(today(), 1);
const loanOf = async (loanId: string) => (await as('district').get(`/loans/${loanId}`)).body;
const roundOf = async (roundId: string) => (await as('committee').get(`/rounds/${roundId}`)).body;

let roundId: string;

/** A loan approved 30 days ago, no agreement yet. */
const approvedLoan = async (round = roundId) => approve(await readyApplication(round));
/** A loan approved and confirmed by the committee 30 days ago, with its agreement signed 29 days ago, not disbursed. */
const agreedLoan = async (round = roundId) => {
  const loanId = await approvedLoan(round);
  await confirmLoans([loanId], { on: daysAgo(30) });
  await signAgreement(loanId);
  return loanId;
};

beforeAll(async () => {
  roundId = await openRound({ capitalFen: 1_000_000_000 });
});

describe('POST /loans/{id}/agreement', () => {
  it('refuses signatories without the mother (400 signatories)', async () => {
    const loanId = await approvedLoan();
    const input = { ...agreementInput(daysAgo(29)), signatories: [{ party: 'district', name: '王丽' }] };
    expectError(await as('district').post(`/loans/${loanId}/agreement`, input), 400, { code: 'invalid_request', field: 'signatories' });
    expect((await loanOf(loanId)).agreement).toBeUndefined();
  });

  it('refuses an agreement without guarantors (400)', async () => {
    const loanId = await approvedLoan();
    const { guarantors: _, ...input } = agreementInput(daysAgo(29));
    expectError(await as('district').post(`/loans/${loanId}/agreement`, input), 400, { field: 'guarantors' });
  });

  it('refuses an agreement signed before the approval (422 signedOn)', async () => {
    const loanId = await approvedLoan();
    expectError(await as('district').post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(31))), 422, { code: 'validation_failed', field: 'signedOn' });
  });

  it('refuses an agreement signed in the future (422 signedOn)', async () => {
    const loanId = await approvedLoan();
    expectError(await as('district').post(`/loans/${loanId}/agreement`, agreementInput(tomorrow())), 422, { field: 'signedOn' });
  });

  it('refuses recording the agreement twice (409)', async () => {
    const loanId = await agreedLoan();
    expectError(await as('district').post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(20))), 409, { code: 'already_recorded', message: daysAgo(29) });
    expect((await loanOf(loanId)).agreement.signedOn).toBe(daysAgo(29));
  });

  it('refuses an agreement on an active loan (409)', async () => {
    const loanId = await activeLoan(roundId);
    expectError(await as('district').post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(10))), 409, { code: 'wrong_state' });
  });

  it('a township may not record the agreement (403)', async () => {
    const loanId = await approvedLoan();
    expectError(await as('township').post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(29))), 403, { code: 'forbidden' });
  });
});

describe('POST /loans/{id}/disbursement', () => {
  it('refuses a disbursement without the agreement (409 agreement_missing)', async () => {
    const loanId = await approvedLoan();
    expectError(await as('district').post(`/loans/${loanId}/disbursement`, disbursementInput()), 409, { code: 'agreement_missing', message: 'agreement' });
    expect((await loanOf(loanId)).status).toBe('approved');
  });

  it('refuses paying out a loan the committee has not confirmed (409 confirmation_missing); after the committee confirms its list it succeeds', async () => {
    const loanId = await approvedLoan();
    await signAgreement(loanId);
    expectError(await as('district').post(`/loans/${loanId}/disbursement`, disbursementInput()), 409, { code: 'confirmation_missing', message: 'confirmed' });
    const zh = await call('district', 'POST', `/loans/${loanId}/disbursement`, disbursementInput(), { lang: 'zh-CN' });
    expect(zh.body.error.message).toContain('组委会尚未审核确定');
    const sent = await as('district').post('/confirmation-lists', { sentOn: daysAgo(29), loanIds: [loanId] });
    expectStatus(sent, 201);
    expectError(await as('district').post(`/loans/${loanId}/disbursement`, disbursementInput()), 409, { code: 'confirmation_missing', message: 'waiting' });
    expectStatus(await as('committee').post(`/confirmation-lists/${sent.body.id}/decision`, { decidedOn: daysAgo(29) }), 200);
    expectStatus(await as('district').post(`/loans/${loanId}/disbursement`, disbursementInput()), 200);
    expect((await loanOf(loanId)).status).toBe('active');
  });

  it('refuses when the mother is not present (422 motherPresent)', async () => {
    const loanId = await agreedLoan();
    expectError(await as('district').post(`/loans/${loanId}/disbursement`, disbursementInput(1_000_000, { motherPresent: false })), 422, { code: 'validation_failed', field: 'motherPresent' });
    expect((await loanOf(loanId)).status).toBe('approved');
  });

  it('refuses when her ID was not checked (422 idChecked)', async () => {
    const loanId = await agreedLoan();
    expectError(await as('district').post(`/loans/${loanId}/disbursement`, disbursementInput(1_000_000, { idChecked: false })), 422, { code: 'validation_failed', field: 'idChecked' });
  });

  it('refuses an amount other than the principal (422 amountFen)', async () => {
    const loanId = await agreedLoan();
    expectError(await as('district').post(`/loans/${loanId}/disbursement`, disbursementInput(900_000)), 422, { code: 'validation_failed', field: 'amountFen' });
    expectError(await as('district').post(`/loans/${loanId}/disbursement`, disbursementInput(1_000_001)), 422, { field: 'amountFen' });
  });

  it('refuses a disbursement before the agreement or in the future (422 disbursedOn)', async () => {
    const loanId = await agreedLoan();
    expectError(await as('district').post(`/loans/${loanId}/disbursement`, disbursementInput(1_000_000, { disbursedOn: daysAgo(30) })), 422, { field: 'disbursedOn' });
    expectError(await as('district').post(`/loans/${loanId}/disbursement`, disbursementInput(1_000_000, { disbursedOn: tomorrow() })), 422, { field: 'disbursedOn' });
  });

  it('refuses a disbursement without an Idempotency-Key (400 Idempotency-Key)', async () => {
    const loanId = await agreedLoan();
    expectError(await as('district').post(`/loans/${loanId}/disbursement`, disbursementInput(), { idempotencyKey: false }), 400, { field: 'Idempotency-Key' });
    expect((await loanOf(loanId)).status).toBe('approved');
  });

  it('answers the same Idempotency-Key twice with the first answer and counts the money once', async () => {
    const round = await openRound();
    const loanId = await agreedLoan(round);
    const key = `disburse-${loanId}`;
    const first = await as('district').post(`/loans/${loanId}/disbursement`, disbursementInput(), { idempotencyKey: key });
    expectStatus(first, 200);
    const second = await as('district').post(`/loans/${loanId}/disbursement`, disbursementInput(), { idempotencyKey: key });
    expectStatus(second, 200);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await roundOf(round)).toMatchObject({ disbursedFen: 1_000_000, committedFen: 1_000_000 });
    expect((await loanOf(loanId)).history.filter((e: { action: string }) => e.action === 'disbursed')).toHaveLength(1);
  });

  it('refuses disbursing an active loan again with a new key (409) and counts the money once', async () => {
    const round = await openRound();
    const loanId = await activeLoan(round);
    expectError(await as('district').post(`/loans/${loanId}/disbursement`, disbursementInput()), 409, { code: 'wrong_state' });
    expect(await roundOf(round)).toMatchObject({ disbursedFen: 1_000_000 });
  });

  it('field staff may not disburse (403)', async () => {
    const loanId = await agreedLoan();
    expectError(await as('field').post(`/loans/${loanId}/disbursement`, disbursementInput()), 403, { code: 'forbidden' });
  });
});

describe('POST /loans/{id}/evaluations', () => {
  it('refuses an evaluation of an undisbursed loan (409)', async () => {
    const loanId = await agreedLoan();
    expectError(await as('field').post(`/loans/${loanId}/evaluations`, evaluationInput('midterm')), 409, { code: 'wrong_state', message: 'not been disbursed' });
  });

  it('refuses a final evaluation without leftPoverty (400 leftPoverty)', async () => {
    const loanId = await activeLoan(roundId);
    const { leftPoverty: _, ...input } = evaluationInput('final');
    expectError(await as('field').post(`/loans/${loanId}/evaluations`, input), 400, { code: 'invalid_request', field: 'leftPoverty' });
  });

  it('refuses leftPoverty on a mid-term evaluation and repeated methods (400)', async () => {
    const loanId = await activeLoan(roundId);
    expectError(await as('field').post(`/loans/${loanId}/evaluations`, evaluationInput('midterm', { leftPoverty: true })), 400, { field: 'leftPoverty' });
    expectError(await as('field').post(`/loans/${loanId}/evaluations`, evaluationInput('midterm', { methods: ['talk', 'talk'] })), 400, { field: 'methods' });
    expectError(await as('field').post(`/loans/${loanId}/evaluations`, evaluationInput('midterm', { methods: [] })), 400, { field: 'methods' });
  });

  it('refuses a second mid-term evaluation (409)', async () => {
    const loanId = await activeLoan(roundId);
    expectStatus(await as('field').post(`/loans/${loanId}/evaluations`, evaluationInput('midterm')), 201);
    expectError(await as('field').post(`/loans/${loanId}/evaluations`, evaluationInput('midterm')), 409, { code: 'evaluation_recorded', message: 'midterm' });
    expect((await loanOf(loanId)).evaluations).toHaveLength(1);
  });

  it('refuses an evaluation dated before the disbursement or in the future (422 evaluatedOn)', async () => {
    const loanId = await activeLoan(roundId);
    expectError(await as('field').post(`/loans/${loanId}/evaluations`, evaluationInput('midterm', { evaluatedOn: daysAgo(29) })), 422, { code: 'validation_failed', field: 'evaluatedOn' });
    expectError(await as('field').post(`/loans/${loanId}/evaluations`, evaluationInput('midterm', { evaluatedOn: tomorrow() })), 422, { field: 'evaluatedOn' });
    expect((await loanOf(loanId)).evaluations).toHaveLength(0);
  });

  it('a township may not record an evaluation (403)', async () => {
    const loanId = await activeLoan(roundId);
    expectError(await as('township').post(`/loans/${loanId}/evaluations`, evaluationInput('midterm')), 403, { code: 'forbidden' });
  });
});

describe('POST /loans/{id}/repayments', () => {
  it('refuses more than the balance (422 amountFen)', async () => {
    const loanId = await activeLoan(roundId);
    expectError(await as('township').post(`/loans/${loanId}/repayments`, repaymentInput(1_000_001)), 422, { code: 'validation_failed', field: 'amountFen' });
    expectStatus(await as('township').post(`/loans/${loanId}/repayments`, repaymentInput(600_000)), 201);
    expectError(await as('township').post(`/loans/${loanId}/repayments`, repaymentInput(400_001)), 422, { field: 'amountFen' });
    expect(await loanOf(loanId)).toMatchObject({ balanceFen: 400_000, repaidFen: 600_000 });
  });

  it('refuses a repayment on an undisbursed loan (409)', async () => {
    const loanId = await agreedLoan();
    expectError(await as('township').post(`/loans/${loanId}/repayments`, repaymentInput(100_000)), 409, { code: 'wrong_state', message: 'not been disbursed' });
    expectError(await as('township').post(`/loans/${loanId}/repayments`, repaymentInput(1_000_000)), 409, { code: 'wrong_state' });
    expect(await loanOf(loanId)).toMatchObject({ status: 'approved', repaidFen: 0, repayments: [] });
  });

  it('refuses a repayment without an Idempotency-Key (400 Idempotency-Key)', async () => {
    const loanId = await activeLoan(roundId);
    expectError(await as('township').post(`/loans/${loanId}/repayments`, repaymentInput(100_000), { idempotencyKey: false }), 400, { field: 'Idempotency-Key' });
  });

  it('records a repayment once for the same Idempotency-Key and replays the first answer', async () => {
    const round = await openRound();
    const loanId = await activeLoan(round);
    const body = repaymentInput(300_000);
    const key = `repay-${loanId}-1`;
    const first = await as('township').post(`/loans/${loanId}/repayments`, body, { idempotencyKey: key });
    expectStatus(first, 201);
    const second = await as('township').post(`/loans/${loanId}/repayments`, body, { idempotencyKey: key });
    expectStatus(second, 201);
    expect(second.body).toEqual(first.body);
    const loan = await loanOf(loanId);
    expect(loan.repayments).toHaveLength(1);
    expect(loan).toMatchObject({ balanceFen: 700_000, repaidFen: 300_000 });
    expect(await roundOf(round)).toMatchObject({ repaidFen: 300_000 });
  });

  it('records a repayment once when the same request is sent twice at the same time', async () => {
    const round = await openRound();
    const loanId = await activeLoan(round);
    const body = repaymentInput(250_000);
    const key = `repay-${loanId}-race`;
    const [a, b] = await Promise.all([
      as('township').post(`/loans/${loanId}/repayments`, body, { idempotencyKey: key }),
      as('township').post(`/loans/${loanId}/repayments`, body, { idempotencyKey: key }),
    ]);
    expectStatus(a, 201);
    expectStatus(b, 201);
    expect(b.body).toEqual(a.body);
    const loan = await loanOf(loanId);
    expect(loan.repayments).toHaveLength(1);
    expect(loan).toMatchObject({ balanceFen: 750_000, repaidFen: 250_000 });
    expect(await roundOf(round)).toMatchObject({ repaidFen: 250_000 });
  });

  it('refuses the same Idempotency-Key with a different body (422 Idempotency-Key)', async () => {
    const loanId = await activeLoan(roundId);
    const key = `repay-${loanId}-2`;
    expectStatus(await as('township').post(`/loans/${loanId}/repayments`, repaymentInput(100_000, { receiptNo: `R-A-${loanId}` }), { idempotencyKey: key }), 201);
    expectError(await as('township').post(`/loans/${loanId}/repayments`, repaymentInput(200_000, { receiptNo: `R-A-${loanId}` }), { idempotencyKey: key }), 422, {
      code: 'validation_failed',
      field: 'Idempotency-Key',
    });
    const loan = await loanOf(loanId);
    expect(loan.repayments).toHaveLength(1);
    expect(loan.balanceFen).toBe(900_000);
  });

  it('refuses another repayment after full repayment (409)', async () => {
    const loanId = await activeLoan(roundId);
    const repaid = await as('township').post(`/loans/${loanId}/repayments`, repaymentInput(1_000_000));
    expectStatus(repaid, 201);
    expect(repaid.body.balanceAfterFen).toBe(0);
    expectError(await as('township').post(`/loans/${loanId}/repayments`, repaymentInput(1)), 409, { code: 'wrong_state', message: 'repaid' });
    expect(await loanOf(loanId)).toMatchObject({ status: 'repaid', balanceFen: 0, repaidFen: 1_000_000 });
  });

  it('refuses a repayment dated before the disbursement or in the future (422 paidOn)', async () => {
    const loanId = await activeLoan(roundId);
    expectError(await as('township').post(`/loans/${loanId}/repayments`, repaymentInput(100_000, { paidOn: daysAgo(29) })), 422, { code: 'validation_failed', field: 'paidOn' });
    expectError(await as('township').post(`/loans/${loanId}/repayments`, repaymentInput(100_000, { paidOn: tomorrow() })), 422, { field: 'paidOn' });
    expect((await loanOf(loanId)).repayments).toHaveLength(0);
  });

  it.each([
    ['zero', 0],
    ['negative', -1],
    ['fractional', 0.5],
    ['huge', 1e13],
  ])('refuses a %s amount (400 amountFen)', async (_what, amountFen) => {
    const loanId = await activeLoan(roundId);
    expectError(await as('township').post(`/loans/${loanId}/repayments`, repaymentInput(amountFen as number)), 400, { code: 'invalid_request', field: 'amountFen' });
  });

  it('refuses a repayment without a receipt number (400 receiptNo)', async () => {
    const loanId = await activeLoan(roundId);
    const { receiptNo: _, ...body } = repaymentInput(100_000);
    expectError(await as('township').post(`/loans/${loanId}/repayments`, body), 400, { field: 'receiptNo' });
  });

  it('field staff may not record repayments (403)', async () => {
    const loanId = await activeLoan(roundId);
    expectError(await as('field').post(`/loans/${loanId}/repayments`, repaymentInput(100_000)), 403, { code: 'forbidden' });
  });
});
