/**
 * A generated ledger with known figures: rounds, loans, repayments and write-offs as an
 * office would write them (CSV, Chinese headers, amounts in yuan), and the same records
 * kept here so a test can compute any report figure as of any date by hand.
 */
import { randomInt } from 'node:crypto';
import { addDays, addMonths, todayInChina } from '../../shared/domain/dates.ts';
import { residentIdCheckChar } from '../../shared/domain/resident-id.ts';

export interface GenRepayment {
  paidOn: string;
  amountFen: number;
  receiptNo: string;
}
export interface GenLoan {
  round: number;
  name: string;
  residentId: string;
  villageId: string;
  householdSize: number;
  principalFen: number;
  approvedOn: string;
  disbursedOn: string;
  dueOn: string;
  repayments: GenRepayment[];
  writeOff?: { writtenOffOn: string; amountFen: number; reason: string };
}
export interface GenRound {
  name: string;
  openedOn: string;
  capitalFen: number;
  grantFen: number;
  closedOn?: string;
}

export interface GeneratedLedger {
  rounds: GenRound[];
  loans: GenLoan[];
  files: { rounds: string; loans: string; repayments: string; writeOffs: string };
  declaredTotals: { disbursedFen: number; repaidFen: number; writtenOffFen: number; outstandingFen: number };
  lastDate: string;
}

const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const csv = (rows: (string | number)[][]) => `\uFEFF${rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',')).join('\r\n')}\r\n`;

/** A valid resident ID unique within the run (its own region code and a sequence). */
export function residentIds(): () => string {
  const region = `5401${String(10 + randomInt(80))}`;
  const seq0 = randomInt(500);
  // a random first birthday too: ledgers of many test files share one database, and two of them must not
  // start with the same mother (her open case would refuse the other ledger's rows)
  const day0 = randomInt(7000);
  let n = 0;
  return () => {
    const birth = addDays('1975-01-01', (day0 + n * 37) % 7000).replaceAll('-', '');
    const first17 = `${region}${birth}${String((seq0 + n++) % 1000).padStart(3, '0')}`;
    return first17 + residentIdCheckChar(first17);
  };
}

/**
 * `rounds` rounds 18 months apart (all but the last closed), `loans` loans spread over them,
 * about `repayments` repayments: loans of closed rounds are repaid in instalments (one late,
 * one written off after two payments, one still open and overdue), loans of the open round
 * partly repaid. One mother borrows again in the second round after repaying the first.
 */
export function generateLedger(opts: { villages: string[]; rounds?: number; loans?: number; repayments?: number; today?: string; receiptPrefix?: string; roundName?: string }): GeneratedLedger {
  const today = opts.today ?? todayInChina();
  const roundCount = opts.rounds ?? 3;
  const loanCount = opts.loans ?? 50;
  const perLoan = Math.max(2, Math.round((opts.repayments ?? 300) / loanCount));
  const nextId = residentIds();
  // no Latin letters: the page walk reads these receipt numbers on a Chinese screen
  const prefix = opts.receiptPrefix ?? `账${randomInt(1e6)}`;
  const start = addMonths(today, -(18 * (roundCount - 1) + 8));
  const rounds: GenRound[] = Array.from({ length: roundCount }, (_, k) => {
    const openedOn = addMonths(start, 18 * k);
    const closedOn = k < roundCount - 1 ? addMonths(openedOn, 17) : undefined;
    return {
      name: `${opts.roundName ?? '台账'}第${k + 1}轮`,
      openedOn,
      capitalFen: 40_000_000 * Math.ceil(loanCount / roundCount / 25),
      grantFen: 40_000_000 * Math.ceil(loanCount / roundCount / 25),
      ...(closedOn ? { closedOn } : {}),
    };
  });
  const loans: GenLoan[] = [];
  let receipt = 0;
  let repeatMother: { residentId: string; name: string } | undefined;
  for (let i = 0; i < loanCount; i++) {
    const round = i % roundCount;
    const r = rounds[round]!;
    const approvedOn = addDays(r.openedOn, 10 + (i % 20));
    const disbursedOn = addDays(approvedOn, 7);
    const dueOn = addMonths(disbursedOn, 24);
    const principalFen = 500_000 + ((i * 7_919) % 10) * 100_000 + (i % 3 === 0 ? 50 : 0);
    const reuse = round === 1 && i === 1 ? repeatMother : undefined;
    const mother = reuse ?? { residentId: nextId(), name: `母亲${i + 1}` };
    const last = round === roundCount - 1;
    const loan: GenLoan = {
      round,
      name: mother.name,
      residentId: mother.residentId,
      villageId: opts.villages[i % opts.villages.length]!,
      householdSize: 3 + (i % 5),
      principalFen,
      approvedOn,
      disbursedOn,
      dueOn,
      repayments: [],
    };
    const j = Math.floor(i / roundCount);
    const kind = last ? 'open' : round === 0 && j === 2 ? 'writeoff' : round === 0 && j === 3 ? 'overdue' : j === 1 && addDays(dueOn, 45) <= today ? 'late' : 'repaid';
    const gap = last ? Math.max(1, Math.floor(Math.min(150, Math.max(0, (Date.parse(today) - Date.parse(disbursedOn)) / 86_400_000 - 1)) / perLoan)) : i === 0 ? 40 : Math.floor(700 / perLoan);
    const count = kind === 'writeoff' ? 2 : kind === 'overdue' ? perLoan - 1 : perLoan;
    const part = Math.floor(principalFen / (perLoan + (last || kind === 'overdue' ? 1 : 0)));
    let paid = 0;
    for (let j = 0; j < count; j++) {
      const full = kind === 'repaid' || kind === 'late';
      const amountFen = full && j === count - 1 ? principalFen - paid : part;
      const paidOn = kind === 'late' && j === count - 1 ? addDays(dueOn, 45) : addDays(disbursedOn, gap * (j + 1));
      if (paidOn > today) break;
      loan.repayments.push({ paidOn, amountFen, receiptNo: `${prefix}-${++receipt}` });
      paid += amountFen;
    }
    if (kind === 'writeoff') loan.writeOff = { writtenOffOn: [addDays(dueOn, 100), today].sort()[0]!, amountFen: principalFen - paid, reason: '牲畜全部病死，无力偿还' };
    if (round === 0 && kind === 'repaid' && !repeatMother) repeatMother = mother;
    loans.push(loan);
  }
  const statusOf = (l: GenLoan) => (l.writeOff ? '已核销' : l.repayments.reduce((s, x) => s + x.amountFen, 0) === l.principalFen ? '已还清' : l.dueOn < today ? '逾期' : '在贷');
  const sums = (ls: GenLoan[]) => {
    const disbursedFen = ls.reduce((s, l) => s + l.principalFen, 0);
    const repaidFen = ls.reduce((s, l) => s + l.repayments.reduce((t, x) => t + x.amountFen, 0), 0);
    const writtenOffFen = ls.reduce((s, l) => s + (l.writeOff?.amountFen ?? 0), 0);
    return { disbursedFen, repaidFen, writtenOffFen, outstandingFen: disbursedFen - repaidFen - writtenOffFen };
  };
  const files = {
    rounds: csv([
      ['轮次名称', '开始日期', '本轮资金(元)', '其中新拨款(元)', '借款期限(月)', '结束日期', '发放合计(元)', '还款合计(元)', '核销合计(元)', '余额合计(元)'],
      ...rounds.map((r, k) => {
        const s = sums(loans.filter((l) => l.round === k));
        return [r.name, r.openedOn, yuan(r.capitalFen), yuan(r.grantFen), 24, r.closedOn ?? '', yuan(s.disbursedFen), yuan(s.repaidFen), yuan(s.writtenOffFen), yuan(s.outstandingFen)];
      }),
    ]),
    loans: csv([
      ['序号', '轮次名称', '姓名', '身份证号', '村', '家庭人口', '借款金额(元)', '批准日期', '发放日期', '到期日期', '乡担保人', '村担保人', '状态'],
      ...loans.map((l, i) => [
        i + 1,
        rounds[l.round]!.name,
        l.name,
        l.residentId,
        l.villageId,
        l.householdSize,
        yuan(l.principalFen),
        l.approvedOn,
        l.disbursedOn,
        l.dueOn,
        '格桑',
        '扎西',
        statusOf(l),
      ]),
    ]),
    repayments: csv([
      ['身份证号', '轮次名称', '还款日期', '还款金额(元)', '收据号'],
      ...loans.flatMap((l) => l.repayments.map((r) => [l.residentId, rounds[l.round]!.name, r.paidOn, yuan(r.amountFen), r.receiptNo])),
    ]),
    writeOffs: csv([
      ['身份证号', '轮次名称', '核销日期', '核销金额(元)', '核销原因'],
      ...loans.filter((l) => l.writeOff).map((l) => [l.residentId, rounds[l.round]!.name, l.writeOff!.writtenOffOn, yuan(l.writeOff!.amountFen), l.writeOff!.reason]),
    ]),
  };
  const dates = loans.flatMap((l) => [l.disbursedOn, ...l.repayments.map((r) => r.paidOn), ...(l.writeOff ? [l.writeOff.writtenOffOn] : [])]);
  return { rounds, loans, files, declaredTotals: sums(loans), lastDate: dates.sort().at(-1)! };
}

/** The body of POST /ledger-imports for a generated ledger. */
export const ledgerBody = (districtId: string, g: GeneratedLedger, overrides: Record<string, unknown> = {}) => ({
  districtId,
  format: 'csv',
  ...g.files,
  declaredTotals: g.declaredTotals,
  dryRun: true,
  ...overrides,
});

/** Figures of the repayment and fund reports as of `asOf`, computed from the generated records by the reports' definitions. */
export function expectedAsOf(ledger: GeneratedLedger, asOf: string) {
  let disbursedFen = 0;
  let repaidFen = 0;
  let writtenOffFen = 0;
  let fallenDueFen = 0;
  let repaidOnDueLoansFen = 0;
  let repaidOnTimeFen = 0;
  let arrearsFen = 0;
  let arrearsLoans = 0;
  for (const l of ledger.loans) {
    if (l.disbursedOn > asOf) continue;
    disbursedFen += l.principalFen;
    const paid = l.repayments.filter((r) => r.paidOn <= asOf);
    const paidFen = paid.reduce((s, r) => s + r.amountFen, 0);
    repaidFen += paidFen;
    const wo = l.writeOff && l.writeOff.writtenOffOn <= asOf ? l.writeOff.amountFen : 0;
    writtenOffFen += wo;
    if (l.dueOn <= asOf) {
      fallenDueFen += l.principalFen;
      for (const r of paid) {
        repaidOnDueLoansFen += r.amountFen;
        if (r.paidOn <= l.dueOn) repaidOnTimeFen += r.amountFen;
      }
      const outstanding = l.principalFen - paidFen - wo;
      if (l.dueOn < asOf && outstanding > 0) {
        arrearsFen += outstanding;
        arrearsLoans++;
      }
    }
  }
  const grantedFen = ledger.rounds.filter((r) => r.openedOn <= asOf).reduce((s, r) => s + r.grantFen, 0);
  return {
    repayment: {
      fallenDueFen,
      repaidOnDueLoansFen,
      repaidOnTimeFen,
      repaymentRateBp: fallenDueFen ? Math.round((repaidOnDueLoansFen * 10_000) / fallenDueFen) : null,
      outstandingFen: disbursedFen - repaidFen - writtenOffFen,
      arrearsFen,
      arrearsLoans,
      writtenOffFen,
    },
    fund: { grantedFen, lentOutFen: disbursedFen, recoveredFen: repaidFen, writtenOffFen, outstandingFen: disbursedFen - repaidFen - writtenOffFen },
  };
}
