/**
 * Evaluation reports (中期 / 年终 / 终期评估报告): a round paid out half a year ago whose
 * mid-term evaluations are logged. The drafted report's figures equal those computed here
 * independently from the loan files; submitting makes it immutable; the committee's dashboard
 * shows the point overdue before, submitted after, and received once the committee takes it; a
 * revision is a new version; the history names who submitted and who received.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../shared/domain/dates.ts';
import { as, call } from '../support/api.ts';
import { CHENGGUAN, daysAgo, evaluationInput, openRound, today } from '../support/fixtures.ts';
import { evaluatedRound, oldLoan } from '../support/evaluation-reports.ts';
import { expectError, expectStatus } from './refusal-helpers.ts';

const DISBURSED = 168;

interface LoanFile {
  principalFen: number;
  evaluations: { kind: string; incomeToDateFen: number; forecastFen: number; problems?: string; actionsUrged?: string; methods: string[] }[];
}

/** The figures of a mid-term report, computed from the loan files alone. */
function expectedFigures(files: LoanFile[]) {
  const evaluated = files.flatMap((f) => f.evaluations.filter((e) => e.kind === 'midterm').map((e) => ({ e, principalFen: f.principalFen })));
  return {
    householdsDue: files.length,
    householdsEvaluated: evaluated.length,
    householdsNotEvaluated: files.length - evaluated.length,
    principalEvaluatedFen: evaluated.reduce((s, x) => s + x.principalFen, 0),
    incomeToDateFen: evaluated.reduce((s, x) => s + x.e.incomeToDateFen, 0),
    forecastFen: evaluated.reduce((s, x) => s + x.e.forecastFen, 0),
    withProblems: evaluated.filter((x) => x.e.problems).length,
    withActionsUrged: evaluated.filter((x) => x.e.actionsUrged).length,
    followUp: files.length - evaluated.length + evaluated.filter((x) => x.e.problems).length,
    methods: Object.fromEntries(['talk', 'check', 'look', 'ask'].map((m) => [m, evaluated.filter((x) => x.e.methods.includes(m)).length])),
  };
}

const dueRow = async (user: 'committee' | 'district', roundId: string) => {
  const res = await as(user).get('/evaluation-reports/due', { query: { districtId: CHENGGUAN } });
  expectStatus(res, 200);
  const district = res.body.districts.find((d: { districtId: string }) => d.districtId === CHENGGUAN);
  return district.rows.find((r: { roundId: string; point: number }) => r.roundId === roundId && r.point === 0);
};

describe('evaluation reports', () => {
  let roundId: string;
  let loans: string[];

  beforeAll(async () => {
    roundId = await openRound({ evaluationMonths: [3, 12], termMonths: 24 });
    loans = [await oldLoan(roundId, '卓玛', 1_000_000), await oldLoan(roundId, '央金', 800_000), await oldLoan(roundId, '拉姆', 600_000)];
    const [a, b] = loans;
    expectStatus(
      await as('field').post(
        `/loans/${a}/evaluations`,
        evaluationInput('midterm', {
          evaluatedOn: daysAgo(70),
          incomeToDateFen: 320_000,
          forecastFen: 950_000,
          problems: '草场退化，牦牛掉膘',
          actionsUrged: '轮牧并补饲',
          methods: ['talk', 'look', 'ask'],
        }),
      ),
      201,
    );
    expectStatus(
      await as('field').post(`/loans/${b}/evaluations`, evaluationInput('midterm', { evaluatedOn: daysAgo(65), incomeToDateFen: 150_000, forecastFen: 600_000, methods: ['check', 'look'] })),
      201,
    );
  }, 180_000);

  it('a district whose mid-term report fell due and was not sent shows as overdue on the committee’s dashboard', async () => {
    const row = await dueRow('committee', roundId);
    const pointOn = addMonths(daysAgo(DISBURSED), 3);
    expect(row).toMatchObject({ kind: 'midterm', pointOn, dueOn: addDays(pointOn, 30), state: 'overdue', overdue: true });
    expect(await dueRow('district', roundId)).toEqual(row);
    // the district of another place does not see it
    expectError(await as('district-b').get('/evaluation-reports/due', { query: { districtId: CHENGGUAN } }), 403);
  });

  it('the drafted report’s figures equal those computed from the evaluations; submitting makes it immutable; the committee receives it', async () => {
    const drafted = await as('district').post('/evaluation-reports', { roundId, point: 0 });
    expectStatus(drafted, 201);
    const files: LoanFile[] = await Promise.all(loans.map(async (id) => (await as('district').get(`/loans/${id}`)).body));
    expect(drafted.body.figures).toEqual(expectedFigures(files));
    expect(drafted.body.figures).toMatchObject({ householdsDue: 3, householdsEvaluated: 2, incomeToDateFen: 470_000, forecastFen: 1_550_000, followUp: 2 });
    expect(drafted.body).toMatchObject({ status: 'draft', revision: 1, kind: 'midterm', asOf: today(), dueOn: addDays(addMonths(daysAgo(DISBURSED), 3), 30), districtId: CHENGGUAN });
    const annex = new Map(drafted.body.annex.map((l: { loanId: string }) => [l.loanId, l]));
    expect(annex.get(loans[0])).toMatchObject({
      motherName: '卓玛',
      evaluated: true,
      problems: '草场退化，牦牛掉膘',
      actionsUrged: '轮牧并补饲',
      followUp: 'problems',
      methods: ['talk', 'look', 'ask'],
    });
    expect(annex.get(loans[2])).toMatchObject({ motherName: '拉姆', evaluated: false, followUp: 'not_evaluated' });
    const id = drafted.body.id as string;
    expect((await dueRow('committee', roundId)).state).toBe('drafted');

    // a second draft of the same point is refused while this one is open
    expectError(await as('district').post('/evaluation-reports', { roundId, point: 0 }), 409, { code: 'report_exists' });
    // no assessment: not submitted, in the caller's language
    const bare = await call('district', 'POST', `/evaluation-reports/${id}/submit`, { reportedOn: today() }, { lang: 'zh-CN' });
    expectError(bare, 422, { field: 'assessment' });
    expect(bare.body.error.message).toBe('报送前请先填写区项目办评估意见');
    expectStatus(await call('district', 'PATCH', `/evaluation-reports/${id}`, { assessment: '两户资金按计划使用；拉姆家尚未评估，督促乡里十日内补评。' }), 200);
    const submitted = await as('district').post(`/evaluation-reports/${id}/submit`, { reportedOn: today() });
    expectStatus(submitted, 200);
    expect(submitted.body).toMatchObject({ status: 'submitted', submittedOn: today(), submittedBy: { username: 'district' } });

    // immutable: no edit, and an evaluation logged afterwards does not change its figures
    expectError(await call('district', 'PATCH', `/evaluation-reports/${id}`, { assessment: '改写', refreshFigures: true }), 409, { code: 'report_submitted' });
    expectError(await as('district').post(`/evaluation-reports/${id}/submit`, { reportedOn: today() }), 409, { code: 'report_submitted' });
    expectStatus(await as('field').post(`/loans/${loans[2]}/evaluations`, evaluationInput('midterm', { evaluatedOn: daysAgo(2) })), 201);
    const after = await as('committee').get(`/evaluation-reports/${id}`);
    expect(after.body.figures).toEqual(drafted.body.figures);
    expect(after.body.annex).toEqual(drafted.body.annex);
    expect(await dueRow('committee', roundId)).toMatchObject({ state: 'submitted', overdue: false, reportId: id });

    // the committee asks for a revision (a comment is required), the district drafts version 2
    expectError(await as('committee').post(`/evaluation-reports/${id}/review`, { decision: 'revision', reviewedOn: today() }), 400, { field: 'comment' });
    expectError(await as('district').post(`/evaluation-reports/${id}/review`, { decision: 'received', reviewedOn: today() }), 403);
    expectStatus(await as('committee').post(`/evaluation-reports/${id}/review`, { decision: 'revision', reviewedOn: today(), comment: '请补充拉姆家的评估' }), 200);
    expect((await dueRow('district', roundId)).state).toBe('revision_requested');
    const second = await as('district').post('/evaluation-reports', { roundId, point: 0 });
    expectStatus(second, 201);
    expect(second.body).toMatchObject({ revision: 2, previousId: id, status: 'draft', assessment: '两户资金按计划使用；拉姆家尚未评估，督促乡里十日内补评。' });
    const filesNow: LoanFile[] = await Promise.all(loans.map(async (l) => (await as('district').get(`/loans/${l}`)).body));
    expect(second.body.figures).toEqual(expectedFigures(filesNow));
    expect(second.body.figures.householdsEvaluated).toBe(3);
    // the first version never changed
    expect((await as('committee').get(`/evaluation-reports/${id}`)).body).toMatchObject({ status: 'revision_requested', figures: drafted.body.figures, reviewComment: '请补充拉姆家的评估' });

    expectStatus(await as('district').post(`/evaluation-reports/${second.body.id}/submit`, { reportedOn: today() }), 200);
    const received = await as('committee').post(`/evaluation-reports/${second.body.id}/review`, { decision: 'received', reviewedOn: today(), comment: '已阅' });
    expectStatus(received, 200);
    expect(received.body).toMatchObject({ status: 'received', reviewedBy: { username: 'committee' } });
    expectError(await as('committee').post(`/evaluation-reports/${second.body.id}/review`, { decision: 'received', reviewedOn: today() }), 409, { code: 'report_not_submitted' });
    expectError(await as('district').post('/evaluation-reports', { roundId, point: 0 }), 409, { code: 'report_exists' });

    // the committee's dashboard shows it received; the history names who submitted and who received
    expect(await dueRow('committee', roundId)).toMatchObject({ state: 'received', overdue: false, reportId: second.body.id, revision: 2 });
    const file = await call('committee', 'GET', `/evaluation-reports/${second.body.id}`, undefined, { lang: 'zh-CN' });
    const history = file.body.history.map((h: { action: string; actor: { username: string }; text: string }) => [h.action, h.actor.username, h.text]);
    expect(history).toEqual([
      ['evaluation_report_drafted', 'district', '系统起草中期评估报告（第 2 版）：应评估 3 户，已评估 3 户'],
      ['evaluation_report_submitted', 'district', '提交中期评估报告（第 2 版）'],
      ['evaluation_report_received', 'committee', '组委会已收到中期评估报告，意见：已阅'],
    ]);
    // both versions are listed for the round
    const listed = await as('committee').get('/evaluation-reports', { query: { roundId } });
    expect(listed.body.items.map((r: { revision: number; status: string }) => [r.revision, r.status])).toEqual([
      [1, 'revision_requested'],
      [2, 'received'],
    ]);
    expect(listed.body.items[0].annex).toBeUndefined();
  }, 120_000);

  it('a round whose households are not yet due has nothing to report; a point outside the schedule is refused', async () => {
    const fresh = await openRound();
    expectError(await as('district').post('/evaluation-reports', { roundId: fresh, point: 0 }), 409, { code: 'report_nothing_due' });
    expectError(await as('district').post('/evaluation-reports', { roundId: fresh, point: 5 }), 422, { field: 'point' });
    // evaluated ahead of time, a household counts
    const { roundId: early } = await evaluatedRound();
    const drafted = await as('district').post('/evaluation-reports', { roundId: early, point: 0 });
    expectStatus(drafted, 201);
    expect(drafted.body.figures).toMatchObject({ householdsDue: 1, householdsEvaluated: 1 });
    expectError(await as('district-b').post('/evaluation-reports', { roundId: early, point: 0 }), 403);
  }, 120_000);
});
