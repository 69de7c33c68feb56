/** Builders of valid requests; each test changes only what it is about. */
import { COLUMN_KEYS, type ColumnKey } from '../../shared/domain/import-schemas.ts';
import { randomInt } from 'node:crypto';
import { addDays, todayInChina } from '../../shared/domain/dates.ts';
import { residentIdCheckChar } from '../../shared/domain/resident-id.ts';
import { as, call, type UserName } from './api.ts';

export const today = () => todayInChina();
export const daysAgo = (n: number) => addDays(today(), -n);

/** A valid, unique-enough resident ID of a woman born in Chengguan district. */
export function residentId(region = '540102'): string {
  const year = 1970 + randomInt(25);
  const birth = `${year}${String(1 + randomInt(12)).padStart(2, '0')}${String(1 + randomInt(28)).padStart(2, '0')}`;
  const seq = String(randomInt(1000)).padStart(3, '0');
  const first17 = `${region}${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
}

/**
 * Resident IDs unique within a test file: a region code of its own (`regionPrefix`, four digits,
 * and two random ones), then one birth date after another from a random start, one sequence number.
 */
export function residentIdSequence(regionPrefix: string): () => string {
  const region = `${regionPrefix}${String(randomInt(100)).padStart(2, '0')}`;
  const firstDay = addDays('1960-01-01', randomInt(3000));
  const seq = String(randomInt(1000)).padStart(3, '0');
  let issued = 0;
  return () => {
    const first17 = `${region}${addDays(firstDay, issued++).replaceAll('-', '')}${seq}`;
    return first17 + residentIdCheckChar(first17);
  };
}

export const CHENGGUAN = 'lhasa.chengguan';
export const ZHIBA = 'lhasa.chengguan.caigongtang.zhiba';
export const MINZU = 'lhasa.chengguan.niangre.minzu';
export const BOMA = 'lhasa.duilongdeqing.naiqiong.boma';

export function roundInput(overrides: Record<string, unknown> = {}) {
  return { districtId: CHENGGUAN, name: `测试轮次 ${randomInt(1e6)}`, openedOn: daysAgo(400), capitalFen: 10_000_000, ...overrides };
}

/** An application; the mother's consent is dated on the application date unless `overrides` names one (`consent: undefined` leaves it out). */
export function applicationInput(roundId: string, overrides: Record<string, unknown> = {}) {
  const input = {
    roundId,
    submittedOn: daysAgo(60),
    villageId: ZHIBA,
    mother: { name: '次仁卓玛', residentId: residentId() },
    householdSize: 5,
    householdAnnualIncomeFen: 1_200_000,
    villagePerCapitaIncomeFen: 400_000,
    familyPlanning: 'two_daughters',
    project: { type: 'livestock', description: '养殖牦牛十头，出售酥油和奶渣', expectedAnnualReturnFen: 800_000 },
    amountRequestedFen: 1_000_000,
    ...overrides,
  };
  if ('consent' in overrides) return input;
  return { ...input, consent: { givenOn: (input.submittedOn as string | undefined) ?? today(), takenBy: '格桑' } };
}

export const visitInput = (overrides: Record<string, unknown> = {}) => ({
  visitedOn: daysAgo(40),
  visitors: ['达瓦', '王丽'],
  willingToWork: true,
  planCredible: true,
  notes: '家中有劳动力，草场条件好',
  ...overrides,
});

export const agreementInput = (signedOn = daysAgo(20)) => ({
  signedOn,
  guarantors: { townshipHead: '格桑', villageHead: '扎西' },
  signatories: [
    { party: 'committee', name: '次仁' },
    { party: 'district', name: '王丽' },
    { party: 'mother', name: '次仁卓玛' },
  ],
});

export const evaluationInput = (kind: 'midterm' | 'yearend' | 'final', overrides: Record<string, unknown> = {}) => ({
  kind,
  evaluatedOn: today(),
  fundUse: '购买牦牛八头',
  progress: '正常',
  operatingState: '经营良好',
  incomeToDateFen: 300_000,
  forecastFen: 900_000,
  methods: ['talk', 'look'],
  ...(kind === 'final' ? { leftPoverty: true } : {}),
  ...overrides,
});

export async function openRound(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await as('committee').post('/rounds', roundInput(overrides));
  if (res.status !== 201) throw new Error(`openRound: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** An application ready for approval: notice over, two good visits. */
export async function readyApplication(roundId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const app = await as('township').post('/applications', applicationInput(roundId, overrides));
  if (app.status !== 201) throw new Error(`submit: ${app.status} ${JSON.stringify(app.body)}`);
  const id = app.body.id as string;
  for (const [path, body, user] of [
    [`/applications/${id}/notice`, { postedOn: daysAgo(55) }, 'township'],
    [`/applications/${id}/visits`, visitInput({ visitedOn: daysAgo(45) }), 'field'],
    [`/applications/${id}/visits`, visitInput({ visitedOn: daysAgo(35) }), 'field'],
  ] as const) {
    const r = await as(user).post(path, body);
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return id;
}

/**
 * The committee confirms approved loans (审核确定): a district officer sends them on a
 * confirmation list, the committee confirms the list, both dated `on` (default today).
 * `sender` is a test user or the token of a district officer of the loans' district.
 */
export async function confirmLoans(loanIds: string[], opts: { on?: string; sender?: UserName | { token: string }; committee?: UserName | { token: string } } = {}): Promise<string> {
  const on = opts.on ?? today();
  const send = (who: UserName | { token: string }, path: string, body: unknown) => (typeof who === 'string' ? call(who, 'POST', path, body) : call(null, 'POST', path, body, { token: who.token }));
  const sent = await send(opts.sender ?? 'district', '/confirmation-lists', { sentOn: on, loanIds });
  if (sent.status !== 201) throw new Error(`send for confirmation: ${sent.status} ${JSON.stringify(sent.body)}`);
  const decided = await send(opts.committee ?? 'committee', `/confirmation-lists/${sent.body.id}/decision`, { decidedOn: on });
  if (decided.status !== 200) throw new Error(`confirm: ${decided.status} ${JSON.stringify(decided.body)}`);
  return sent.body.id as string;
}

/** A loan approved, confirmed by the committee, agreed and disbursed 30 days ago. */
export async function activeLoan(roundId: string, amountFen = 1_000_000, overrides: Record<string, unknown> = {}): Promise<string> {
  const appId = await readyApplication(roundId, { amountRequestedFen: amountFen, ...overrides });
  // four eyes: the second district clerk approves, so the first may record the disbursement
  const decision = await as('district-2').post(`/applications/${appId}/decision`, { decision: 'approve', decidedOn: daysAgo(30), amountFen });
  if (decision.status !== 200) throw new Error(`approve: ${decision.status} ${JSON.stringify(decision.body)}`);
  const loanId = decision.body.loanId as string;
  await confirmLoans([loanId], { on: daysAgo(30) });
  const agreement = await as('district').post(`/loans/${loanId}/agreement`, agreementInput(daysAgo(29)));
  if (agreement.status !== 200) throw new Error(`agreement: ${agreement.status} ${JSON.stringify(agreement.body)}`);
  const paid = await as('district').post(`/loans/${loanId}/disbursement`, { disbursedOn: daysAgo(28), amountFen, motherPresent: true, idChecked: true });
  if (paid.status !== 200) throw new Error(`disburse: ${paid.status} ${JSON.stringify(paid.body)}`);
  return loanId;
}

/** A township's import file (CSV, the columns' English names) of one application: a mother of `villageId`, dated 60 days ago. */
export function importCsv(residentIdOfMother: string, villageId: string): string {
  const row: Record<ColumnKey, string> = {
    name: '次仁卓玛',
    residentId: residentIdOfMother,
    villageId,
    householdSize: '5',
    householdAnnualIncomeYuan: '12000',
    villagePerCapitaIncomeYuan: '4000',
    familyPlanning: 'two_daughters',
    projectType: 'livestock',
    projectDescription: '养殖牦牛十头，出售酥油和奶渣',
    expectedAnnualReturnYuan: '8000',
    amountRequestedYuan: '10000',
    submittedOn: daysAgo(60),
    consentOn: daysAgo(60),
    consentTakenBy: '格桑',
    phone: '13800138000',
  };
  return `${COLUMN_KEYS.join(',')}\r\n${COLUMN_KEYS.map((k) => row[k]).join(',')}\r\n`;
}
