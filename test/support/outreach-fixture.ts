/** 三治 and donor-report fixtures: a loan whose household gave its health consent, a campaign, a session, a published report. */
import { as, type UserName } from './api.ts';
import { activeLoan, CHENGGUAN, daysAgo, openRound, today } from './fixtures.ts';

async function ok(res: Promise<{ status: number; body: any }>, status: number, what: string): Promise<any> {
  const r = await res;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export const healthConsentBody = (givenOn = daysAgo(20)) => ({ kind: 'health', givenOn, takenBy: '王丽' });

/** An active loan of Chengguan whose household gave its health consent 20 days ago (recorded by `user`, a Chengguan district clerk). */
export async function consentedLoan(roundId: string, user: UserName = 'district'): Promise<string> {
  const loanId = await activeLoan(roundId);
  await ok(as(user).post(`/loans/${loanId}/consents`, healthConsentBody()), 201, 'health consent');
  return loanId;
}

export const healthCheckBody = (loanId: string, heldOn = daysAgo(10)) => ({
  districtId: CHENGGUAN,
  heldOn,
  place: '蔡公堂乡卫生院',
  examiners: '城关区妇幼保健院 · 李医生',
  women: [
    { loanId, relation: 'mother', findings: [{ category: 'vaginitis', treated: true }] },
    { loanId, relation: 'household', name: '普珍', findings: [] },
  ],
});

/** A campaign of Chengguan checking the mother of `loanId` (one finding, treated) and a woman of her household. */
export async function healthCheck(loanId: string): Promise<string> {
  return (await ok(as('district').post('/health-checks', healthCheckBody(loanId)), 201, 'health check')).id;
}

export const trainingBody = (loanId: string) => ({
  districtId: CHENGGUAN,
  townshipId: 'lhasa.chengguan.caigongtang',
  heldOn: daysAgo(3),
  place: '蔡公堂乡政府会议室',
  topic: 'work_skills',
  trainer: '城关区农牧局 · 扎西',
  attendees: [loanId],
});

export const publicReportBody = () => ({
  from: '2000-01-01',
  to: today(),
  title: { 'zh-CN': '幸福工程项目成效报告', bo: 'བདེ་སྐྱིད་ལས་གཞིའི་ནུས་ཕན་སྙན་ཞུ།', en: 'Happiness Project: results' },
});

/**
 * A published donor report (all districts, since 2000). A report needs at least 5 mothers helped:
 * in a database with fewer, five loans are paid out in a round of their own first.
 */
export async function publishedReport(): Promise<string> {
  const first = await as('committee').post('/public-reports', publicReportBody());
  if (first.status === 409 && first.body?.error?.code === 'report_group_too_small') {
    const roundId = await openRound({ capitalFen: 10_000_000, grantFen: 10_000_000 });
    for (let i = 0; i < 5; i++) await activeLoan(roundId);
    return (await ok(as('committee').post('/public-reports', publicReportBody()), 201, 'publish a donor report')).id;
  }
  if (first.status !== 201) throw new Error(`publish a donor report: ${first.status} ${JSON.stringify(first.body)}`);
  return first.body.id;
}
