/**
 * Demo data: some 30 mothers across two districts and six rounds, in every state of the
 * lifecycle, entered through the API as the people who do each step (so the histories are
 * real). Dates are relative to today, so the states stay right whenever it is loaded.
 */
import { runAt } from '../shared/clock.ts';
import { addDays, addMonths, todayInChina } from '../shared/domain/dates.ts';
import { residentIdCheckChar } from '../shared/domain/resident-id.ts';
import type { LocalApi } from './local-api.ts';
import { DEMO_USERS } from './tokens.ts';

type Stage = 'submitted' | 'noticed' | 'objection' | 'visited' | 'screen_failed' | 'rejected' | 'approved' | 'agreed' | 'active' | 'overdue' | 'repaid';

interface Mother {
  name: string;
  village: string;
  size: number;
  incomeYuan: number;
  villageYuan: number;
  plan: 'one_child' | 'two_daughters' | 'compliant' | 'violation';
  project: [type: string, description: string, returnYuan: number];
  amountYuan: number;
}

const CG = 'lhasa.chengguan';
const DL = 'lhasa.duilongdeqing';
const V = {
  zhiba: `${CG}.caigongtang.zhiba`,
  baiding: `${CG}.caigongtang.baiding`,
  gangzhu: `${CG}.caigongtang.gangzhu`,
  minzu: `${CG}.niangre.minzu`,
  zhaxi: `${CG}.niangre.zhaxi`,
  jbg: `${CG}.jibenggang.jibenggang`,
  lugu: `${CG}.jibenggang.lugu`,
  boma: `${DL}.naiqiong.boma`,
  gangdelin: `${DL}.naiqiong.gangdelin`,
  sangmu: `${DL}.dongga.sangmu`,
};

const m = (name: string, village: string, size: number, incomeYuan: number, plan: Mother['plan'], project: Mother['project'], amountYuan: number, villageYuan = 6200): Mother => ({
  name,
  village,
  size,
  incomeYuan,
  villageYuan,
  plan,
  project,
  amountYuan,
});

const P = {
  yak: ['livestock', '购买牦牛五头，出售酥油、奶渣', 6000] as Mother['project'],
  shop: ['shop', '在村口开小卖部，经营日用百货', 7000] as Mother['project'],
  tractor: ['transport', '购买手扶拖拉机跑运输，拉沙石', 9000] as Mother['project'],
  weave: ['handicraft', '编织卡垫和邦典，交合作社销售', 5500] as Mother['project'],
  tea: ['service', '开甜茶馆，供应甜茶和藏面', 8000] as Mother['project'],
  greenhouse: ['farming', '建蔬菜大棚两座，种植反季节蔬菜', 7500] as Mother['project'],
  pigs: ['livestock', '养殖藏香猪二十头，出售猪肉', 6500] as Mother['project'],
};

/** [round, stage, mother] — the demo programme. */
const PLAN: [string, Stage, Mother][] = [
  // Chengguan round 1 (six years ago): all repaid, one of them borrows again later
  ['cg1', 'repaid', m('次仁卓玛', V.zhiba, 5, 9000, 'two_daughters', P.yak, 10000)],
  ['cg1', 'repaid', m('央金', V.zhiba, 4, 8000, 'one_child', P.weave, 5000)],
  ['cg1', 'repaid', m('王秀英', V.jbg, 3, 10500, 'one_child', P.shop, 8000, 7800)],
  ['cg1', 'repaid', m('拉姆', V.baiding, 6, 12000, 'two_daughters', P.tractor, 15000)],
  ['cg1', 'repaid', m('德吉', V.minzu, 4, 7600, 'compliant', P.tea, 10000)],
  // Chengguan round 2 (four years ago): repaid, one far overdue
  ['cg2', 'repaid', m('格桑梅朵', V.gangzhu, 5, 10000, 'two_daughters', P.greenhouse, 12000)],
  ['cg2', 'repaid', m('李桂兰', V.lugu, 3, 9900, 'one_child', P.shop, 10000, 7800)],
  ['cg2', 'repaid', m('白玛', V.zhaxi, 5, 9500, 'compliant', P.pigs, 8000)],
  ['cg2', 'overdue', m('索朗卓嘎', V.zhiba, 6, 11000, 'two_daughters', P.tractor, 15000)],
  // Chengguan round 3 (twenty months ago): active loans, evaluations under way
  ['cg3', 'active', m('次仁卓玛', V.zhiba, 5, 14000, 'two_daughters', P.tea, 15000)],
  ['cg3', 'active', m('达瓦', V.baiding, 4, 8800, 'one_child', P.weave, 6000)],
  ['cg3', 'active', m('张淑珍', V.jbg, 3, 11000, 'one_child', P.shop, 10000, 7800)],
  ['cg3', 'active', m('旦增曲珍', V.minzu, 5, 9000, 'two_daughters', P.greenhouse, 12000)],
  ['cg3', 'active', m('普布', V.zhaxi, 4, 9200, 'compliant', P.yak, 9000)],
  // Chengguan round 4 (open now): every step before and at disbursement
  ['cg4', 'submitted', m('尼玛', V.zhiba, 5, 10000, 'two_daughters', P.yak, 10000)],
  ['cg4', 'noticed', m('边巴', V.baiding, 4, 9000, 'one_child', P.weave, 6000)],
  ['cg4', 'objection', m('桑珠', V.gangzhu, 6, 12500, 'compliant', P.tractor, 15000)],
  ['cg4', 'visited', m('刘玉梅', V.lugu, 3, 10800, 'one_child', P.shop, 8000, 7800)],
  ['cg4', 'screen_failed', m('仁青', V.minzu, 5, 36000, 'compliant', P.tea, 10000)],
  ['cg4', 'rejected', m('曲珍', V.zhaxi, 4, 8000, 'violation', P.pigs, 8000)],
  ['cg4', 'approved', m('扎西拉姆', V.zhiba, 5, 9500, 'two_daughters', P.greenhouse, 12000)],
  ['cg4', 'agreed', m('陈丽华', V.jbg, 4, 12000, 'one_child', P.shop, 10000, 7800)],
  ['cg4', 'active', m('巴桑', V.baiding, 6, 10200, 'two_daughters', P.yak, 10000)],
  ['cg4', 'submitted', m('王秀英', V.jbg, 3, 13000, 'one_child', P.tea, 12000, 7800)],
  // Duilongdeqing round 1 (three years ago)
  ['dl1', 'repaid', m('措姆', V.boma, 5, 9000, 'two_daughters', P.yak, 10000, 5800)],
  ['dl1', 'repaid', m('益西卓玛', V.gangdelin, 4, 7200, 'one_child', P.weave, 6000, 5800)],
  ['dl1', 'overdue', m('杨春燕', V.boma, 3, 8100, 'one_child', P.shop, 8000, 6600)],
  ['dl1', 'repaid', m('次珍', V.boma, 6, 10000, 'two_daughters', P.tractor, 15000, 5800)],
  // Duilongdeqing round 2 (open now)
  ['dl2', 'submitted', m('米玛', V.gangdelin, 4, 8000, 'two_daughters', P.pigs, 9000, 5800)],
  ['dl2', 'noticed', m('赵红梅', V.sangmu, 3, 9000, 'one_child', P.greenhouse, 10000, 6600)],
  ['dl2', 'approved', m('卓嘎', V.boma, 5, 8500, 'two_daughters', P.yak, 10000, 5800)],
  ['dl2', 'active', m('拉巴', V.gangdelin, 5, 9500, 'compliant', P.weave, 7000, 5800)],
];

/** Rounds: district, months ago it opened, name, capital in yuan, and the disbursement date (months ago) of its loans. */
const ROUNDS: Record<string, { districtId: string; openedMonthsAgo: number; name: string; capitalYuan: number; disbursedMonthsAgo: number }> = {
  cg1: { districtId: CG, openedMonthsAgo: 74, name: '城关区第一轮', capitalYuan: 60000, disbursedMonthsAgo: 72 },
  cg2: { districtId: CG, openedMonthsAgo: 50, name: '城关区第二轮', capitalYuan: 60000, disbursedMonthsAgo: 48 },
  cg3: { districtId: CG, openedMonthsAgo: 22, name: '城关区第三轮', capitalYuan: 60000, disbursedMonthsAgo: 20 },
  cg4: { districtId: CG, openedMonthsAgo: 3, name: '城关区第四轮', capitalYuan: 120000, disbursedMonthsAgo: 0 },
  dl1: { districtId: DL, openedMonthsAgo: 38, name: '堆龙德庆区第一轮', capitalYuan: 50000, disbursedMonthsAgo: 36 },
  dl2: { districtId: DL, openedMonthsAgo: 2, name: '堆龙德庆区第二轮', capitalYuan: 50000, disbursedMonthsAgo: 0 },
};

/** Deterministic valid resident IDs: the same mother (by name) gets the same number. */
function residentIdOf(name: string, districtId: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) % 1_000_000;
  const region = districtId === CG ? '540102' : '540103';
  const year = 1968 + (h % 24);
  const month = String(1 + (h % 12)).padStart(2, '0');
  const day = String(1 + (h % 28)).padStart(2, '0');
  const first17 = `${region}${year}${month}${day}${String(h % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

export async function loadDemoData(api: LocalApi, log: (line: string) => void = () => undefined): Promise<{ rounds: number; applications: number }> {
  const T = todayInChina();
  const tokens = new Map<string, string>();
  for (const u of DEMO_USERS) tokens.set(u.username, await api.tokens.sign(u));
  let n = 0;
  /** the day of the step before, for steps whose body has no date (screening) */
  let lastDay = T;
  /**
   * Each step is recorded on the day written on its paper (its body's first `…On` date), at
   * 11:00 in Lhasa plus a second per step, as an office using the system then would have:
   * the history shows when it was entered and nothing comes out back-dated, except what
   * `recordedOn` enters late on purpose (the exceptions report then has something to show).
   */
  const post = async (user: string, path: string, body?: unknown, recordedOn?: string) => {
    const paperDay = Object.entries((body ?? {}) as Record<string, unknown>).find(([k, v]) => k.endsWith('On') && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))?.[1] as string | undefined;
    lastDay = recordedOn ?? paperDay ?? lastDay;
    const at = new Date(Date.parse(`${lastDay}T03:00:00Z`) + (n + 1) * 1000);
    const res = await runAt(at, () =>
      api.handle({
        method: 'POST',
        path,
        headers: { authorization: `Bearer ${tokens.get(user)}`, 'content-type': 'application/json', 'idempotency-key': `demo-${++n}-${path.length}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    if (res.status >= 300) throw new Error(`demo data: POST ${path} as ${user} → ${res.status} ${res.body}`);
    return JSON.parse(res.body) as Record<string, unknown> & { id: string };
  };

  const roundIds: Record<string, string> = {};
  for (const [key, r] of Object.entries(ROUNDS)) {
    const round = await post('committee', '/rounds', { districtId: r.districtId, name: r.name, openedOn: addMonths(T, -r.openedMonthsAgo), capitalFen: r.capitalYuan * 100 });
    roundIds[key] = round.id;
  }

  let index = 0;
  for (const [roundKey, stage, mother] of PLAN) {
    index++;
    const round = ROUNDS[roundKey]!;
    const district = round.districtId === CG ? 'district' : 'district-b';
    // the township user of Caigongtang / Naiqiong enters its own villages' cases; the district office the others
    const township = mother.village.includes('.caigongtang.') ? 'township' : mother.village.includes('.naiqiong.') ? 'township-b' : district;
    const field = round.districtId === CG ? 'field' : 'field-b';
    // four eyes: whoever submitted, posted the notice, visited or screened does not approve, and the approver does not pay out
    const approver = round.districtId === CG ? 'district-2' : 'district-b';
    const payer = round.districtId === CG ? 'district' : 'township-b';
    // the day of disbursement anchors every other date of this mother's case
    const B = round.disbursedMonthsAgo ? addDays(addMonths(T, -round.disbursedMonthsAgo), index % 9) : addDays(T, -(index % 5));
    const early = stage === 'submitted' || stage === 'noticed' || stage === 'objection';
    const submittedOn = early ? addDays(T, -(3 + (index % 4))) : addDays(B, -45);
    const app = await post(township, '/applications', {
      roundId: roundIds[roundKey],
      submittedOn,
      villageId: mother.village,
      mother: { name: mother.name, residentId: residentIdOf(mother.name, round.districtId) },
      // she signs the consent form when the township explains the programme to her, the day of her application
      consent: { givenOn: submittedOn, takenBy: township === 'township-b' ? '巴桑' : township === 'township' ? '格桑' : '王丽' },
      householdSize: mother.size,
      householdAnnualIncomeFen: mother.incomeYuan * 100,
      villagePerCapitaIncomeFen: mother.villageYuan * 100,
      familyPlanning: mother.plan,
      project: { type: mother.project[0], description: mother.project[1], expectedAnnualReturnFen: mother.project[2] * 100 },
      amountRequestedFen: mother.amountYuan * 100,
    });
    const a = `/applications/${app.id}`;
    if (stage === 'submitted') continue;
    await post(township, `${a}/notice`, { postedOn: early ? addDays(submittedOn, 1) : addDays(B, -44), place: '村委会公示栏' });
    if (stage === 'noticed') continue;
    if (stage === 'objection') {
      await post(township, `${a}/objections`, { raisedOn: addDays(submittedOn, 2), raisedBy: '同村村民', content: '该户去年新买了拖拉机，家境并不困难' });
      continue;
    }
    await post(field, `${a}/visits`, { visitedOn: addDays(B, -35), visitors: ['达瓦', '王丽'], willingToWork: true, planCredible: true, notes: '家中劳动力充足，项目条件具备' });
    if (stage === 'visited') continue;
    await post(field, `${a}/visits`, { visitedOn: addDays(B, -30), visitors: ['达瓦'], willingToWork: mother.plan !== 'violation', planCredible: true, notes: '第二次走访，核实收入和项目计划' });
    const screening = await post(field, `${a}/screening`);
    if (stage === 'screen_failed') continue;
    if (stage === 'rejected' || !screening.passed) {
      await post(district, `${a}/decision`, { decision: 'reject', decidedOn: addDays(B, -25), reason: '不符合“三不一优先”条件：违反计划生育政策' });
      continue;
    }
    const approved = await post(approver, `${a}/decision`, { decision: 'approve', decidedOn: addDays(B, -25), amountFen: mother.amountYuan * 100 });
    const l = `/loans/${approved.loanId as string}`;
    // approved loans wait for the committee's confirmation (审核确定); the others were sent and confirmed on their paper dates
    if (stage === 'approved') continue;
    const list = await post(district, '/confirmation-lists', { sentOn: addDays(B, -24), loanIds: [approved.loanId] });
    await post('committee', `/confirmation-lists/${list.id as string}/decision`, { decidedOn: addDays(B, -20) });
    await post(district, `${l}/agreement`, {
      signedOn: addDays(B, -10),
      guarantors: { townshipHead: '格桑', villageHead: '扎西' },
      signatories: [
        { party: 'committee', name: '次仁' },
        { party: 'district', name: district === 'district' ? '王丽' : '扎西' },
        { party: 'mother', name: mother.name },
      ],
    });
    if (stage === 'agreed') continue;
    await post(payer, `${l}/disbursement`, { disbursedOn: B, amountFen: mother.amountYuan * 100, motherPresent: true, idChecked: true, place: '乡政府放款仪式' });
    const due = addMonths(B, 24);
    const evaluate = async (kind: 'midterm' | 'yearend' | 'final', on: string, extra: Record<string, unknown> = {}) => {
      if (on > T) return;
      await post(field, `${l}/evaluations`, {
        kind,
        evaluatedOn: on,
        fundUse: `按计划使用：${mother.project[1]}`,
        progress: kind === 'midterm' ? '项目已启动' : '项目运转正常',
        operatingState: stage === 'overdue' ? '经营困难，收入不稳定' : '经营良好',
        incomeToDateFen: (kind === 'midterm' ? mother.project[2] / 2 : kind === 'yearend' ? mother.project[2] : mother.project[2] * 2) * 100,
        forecastFen: mother.project[2] * 200,
        problems: stage === 'overdue' ? '牲畜病死两头' : '无',
        actionsUrged: '按时还款，扩大经营',
        methods: ['talk', 'check', 'look', 'ask'],
        ...extra,
      });
    };
    await evaluate('midterm', addMonths(B, 6));
    await evaluate('yearend', addMonths(B, 12));
    const principal = mother.amountYuan * 100;
    if (stage === 'repaid') {
      const half = Math.floor(principal / 2);
      await post(township, `${l}/repayments`, { paidOn: addMonths(B, 12), amountFen: half, receiptNo: `SJ${index}01` });
      await post(township, `${l}/repayments`, { paidOn: addDays(due, -(index % 10)), amountFen: principal - half, receiptNo: `SJ${index}02` });
      await evaluate('final', addDays(due, 5), { leftPoverty: index % 6 !== 0 });
    } else if (stage === 'overdue') {
      const paidOn = addMonths(B, 13);
      // the township clerk entered this receipt twelve days after it was written: marked back-dated, in the exceptions report
      if (paidOn <= T) await post(township, `${l}/repayments`, { paidOn, amountFen: Math.floor(principal / 4), receiptNo: `SJ${index}01` }, addDays(paidOn, 12) <= T ? addDays(paidOn, 12) : undefined);
    }
    log(`  ${mother.name} (${roundKey}): ${stage}`);
  }
  // hand-offs: Caigongtang hands its collected repayments to the district, which remits part to the committee
  const get = async (user: string, path: string) => {
    const res = await api.handle({ method: 'GET', path, headers: { authorization: `Bearer ${tokens.get(user)}` } });
    return JSON.parse(res.body) as { items: { id: string; loanId: string; amountFen: number; paidOn: string }[] };
  };
  const held = (await get('township', '/remittances/waiting')).items.slice(0, 12);
  if (held.length) {
    const lastPaid = held
      .map((r) => r.paidOn)
      .sort()
      .at(-1)!;
    const sum = held.reduce((s, r) => s + r.amountFen, 0);
    await post('township', '/remittances', {
      level: 'township_to_district',
      fromOfficeId: 'lhasa.chengguan.caigongtang',
      handedOverOn: lastPaid,
      amountFen: sum,
      repaymentRefs: held.map((r) => ({ id: r.id, loanId: r.loanId })),
      handedOverBy: '格桑',
      receivedBy: '王丽',
    });
    const atDistrict = (await get('district', '/remittances/waiting')).items.slice(0, 6);
    const sent = atDistrict.reduce((s, r) => s + r.amountFen, 0);
    // counted short by 100 yuan at the hand-off: the reconciliation flags it
    if (atDistrict.length)
      await post('district', '/remittances', {
        level: 'district_to_committee',
        fromOfficeId: CG,
        handedOverOn: T,
        amountFen: sent - 10_000,
        repaymentRefs: atDistrict.map((r) => ({ id: r.id, loanId: r.loanId })),
        handedOverBy: '王丽',
        receivedBy: '次仁',
        note: '现金清点少100元，待查',
      });
  }

  // rounds whose term has ended are closed: their unused capital returns to the fund
  for (const key of ['cg1', 'cg2', 'dl1']) {
    const r = ROUNDS[key]!;
    await post(r.districtId === CG ? 'district' : 'district-b', `/rounds/${roundIds[key]}/close`, { closedOn: addMonths(T, -(r.disbursedMonthsAgo - 1)) });
  }
  return { rounds: Object.keys(ROUNDS).length, applications: PLAN.length };
}
