/**
 * The reports as CSV (figures in yuan, rates in percent), with headers and file names in
 * the caller's language (Accept-Language: Chinese by default, Tibetan, English).
 */
import { DEFAULT_LANG, type Lang } from '../i18n/lang.ts';
import { EXCEPTION_KIND_WORDS } from '../i18n/exceptions.ts';
import { RECORD_WORDS } from '../i18n/words.ts';
import type { exceptionsReport } from '../usecases/exceptions.ts';
import type { evaluationsReport, fundReport, outcomesReport, portfolioReport, repaymentReport } from '../usecases/reports.ts';
import type { remittanceReconciliation } from '../usecases/remittances.ts';
import { csvFile, percentCell, yuanCell, type Column } from './csv.ts';

type Rows<F extends (...args: never[]) => Promise<{ rows: unknown[] }>> = Awaited<ReturnType<F>>['rows'][number];
type Words = Record<Lang, string>;
const W = (zh: string, bo: string, en: string): Words => ({ 'zh-CN': zh, bo, en });

const GROUP_HEADERS: Record<'district' | 'township' | 'round' | 'year' | 'total', Words> = {
  district: W('区', 'ཆུས།', 'district'),
  township: W('乡（街道）', 'ཤང་།', 'township'),
  round: W('轮次', 'སྐོར་རིམ།', 'round'),
  year: W('放款年度', 'བུ་ལོན་སྤྲད་པའི་ལོ།', 'year'),
  total: W('合计', 'བསྡོམས།', 'total'),
};

/** A column in three languages. */
const col = <T>(lang: Lang, words: Words, value: Column<T>['value']): Column<T> => ({ header: words[lang], value });

/** The row's label: the total row is named in the language, years as "2026年". */
const group = <T extends { label: string; groupBy?: string; id?: string }>(lang: Lang): Column<T> =>
  col(lang, W('分组', 'སྡེ་ཚན།', 'group'), (r) => (r.groupBy === 'total' ? GROUP_HEADERS.total[lang] : r.groupBy === 'year' && lang !== 'zh-CN' && r.id ? r.id : r.label));

const fileName = (lang: Lang, words: Words, ...parts: string[]) => [words[lang], ...parts].join('-');

export function repaymentCsv(report: Awaited<ReturnType<typeof repaymentReport>>, lang: Lang = DEFAULT_LANG) {
  const c = (zh: string, bo: string, en: string, value: Column<Rows<typeof repaymentReport>>['value']) => col(lang, W(zh, bo, en), value);
  const columns: Column<Rows<typeof repaymentReport>>[] = [
    group(lang),
    c('已到期本金(元)', 'དུས་ཚོད་སླེབས་པའི་མ་དངུལ། (སྒོར།)', 'principal fallen due (yuan)', (r) => yuanCell(r.fallenDueFen)),
    c('到期贷款已还本金(元)', 'དུས་ཚོད་སླེབས་པའི་བུ་ལོན་ལས་འཇལ་ཟིན་པ། (སྒོར།)', 'repaid on loans fallen due (yuan)', (r) => yuanCell(r.repaidOnDueLoansFen)),
    c('累计还款率', 'བསགས་རྩིས་འཇལ་ཚད།', 'cumulative repayment rate', (r) => percentCell(r.repaymentRateBp)),
    c('按期还款率', 'དུས་ཐོག་འཇལ་ཚད།', 'on-time repayment rate', (r) => percentCell(r.onTimeRateBp)),
    c('未偿本金(元)', 'མ་འཇལ་བའི་མ་དངུལ། (སྒོར།)', 'outstanding (yuan)', (r) => yuanCell(r.outstandingFen)),
    c('逾期本金(元)', 'དུས་ཡོལ་མ་དངུལ། (སྒོར།)', 'arrears (yuan)', (r) => yuanCell(r.arrearsFen)),
    c('逾期笔数', 'དུས་ཡོལ་གྲངས།', 'loans in arrears', (r) => r.arrearsLoans),
    c('逾期30天以上本金(元)', 'ཉིན་ 30 ལས་བརྒལ་བའི་དུས་ཡོལ། (སྒོར།)', 'more than 30 days past due (yuan)', (r) => yuanCell(r.par30Fen)),
    c('PAR30', 'PAR30', 'PAR30', (r) => percentCell(r.par30Bp)),
    c('逾期1-30天(元)', 'དུས་ཡོལ་ཉིན་ 1-30 (སྒོར།)', '1-30 days past due (yuan)', (r) => yuanCell(r.ageing.days1to30.fen)),
    c('逾期31-90天(元)', 'དུས་ཡོལ་ཉིན་ 31-90 (སྒོར།)', '31-90 days past due (yuan)', (r) => yuanCell(r.ageing.days31to90.fen)),
    c('逾期91-180天(元)', 'དུས་ཡོལ་ཉིན་ 91-180 (སྒོར།)', '91-180 days past due (yuan)', (r) => yuanCell(r.ageing.days91to180.fen)),
    c('逾期180天以上(元)', 'དུས་ཡོལ་ཉིན་ 180 ལས་བརྒལ། (སྒོར།)', 'over 180 days past due (yuan)', (r) => yuanCell(r.ageing.days181plus.fen)),
    c('核销(元)', 'རྩིས་མེད། (སྒོར།)', 'written off (yuan)', (r) => yuanCell(r.writtenOffFen)),
  ];
  return csvFile(fileName(lang, W('还款率报表', 'བུ་ལོན་འཇལ་ཚད་ཀྱི་རེའུ་མིག', 'repayment'), GROUP_HEADERS[report.groupBy][lang], report.asOf), columns, report.rows);
}

export function portfolioCsv(report: Awaited<ReturnType<typeof portfolioReport>>, lang: Lang = DEFAULT_LANG) {
  const c = (zh: string, bo: string, en: string, value: Column<Rows<typeof portfolioReport>>['value']) => col(lang, W(zh, bo, en), value);
  const columns: Column<Rows<typeof portfolioReport>>[] = [
    group(lang),
    c('已批准待放款(笔)', 'ཆོག་མཆན་ཐོབ་ནས་མ་སྤྲད་པ། (གྲངས།)', 'approved, not yet paid out (loans)', (r) => r.approved.loans),
    c('已批准待放款(元)', 'ཆོག་མཆན་ཐོབ་ནས་མ་སྤྲད་པ། (སྒོར།)', 'approved, not yet paid out (yuan)', (r) => yuanCell(r.approved.fen)),
    c('正常(笔)', 'རྒྱུན་ལྡན། (གྲངས།)', 'current (loans)', (r) => r.active.loans),
    c('正常未偿(元)', 'རྒྱུན་ལྡན་མ་འཇལ་བ། (སྒོར།)', 'current outstanding (yuan)', (r) => yuanCell(r.active.fen)),
    c('逾期(笔)', 'དུས་ཡོལ། (གྲངས།)', 'overdue (loans)', (r) => r.overdue.loans),
    c('逾期未偿(元)', 'དུས་ཡོལ་མ་འཇལ་བ། (སྒོར།)', 'overdue outstanding (yuan)', (r) => yuanCell(r.overdue.fen)),
    c('已还清(笔)', 'འཇལ་ཚར། (གྲངས།)', 'repaid (loans)', (r) => r.repaid.loans),
    c('已收回本金(元)', 'ཕྱིར་བསྡུས་པའི་མ་དངུལ། (སྒོར།)', 'principal recovered (yuan)', (r) => yuanCell(r.repaid.fen)),
    c('已核销(笔)', 'རྩིས་མེད་བཏང་། (གྲངས།)', 'written off (loans)', (r) => r.writtenOff.loans),
    c('已核销(元)', 'རྩིས་མེད་བཏང་། (སྒོར།)', 'written off (yuan)', (r) => yuanCell(r.writtenOff.fen)),
    c('累计放款(笔)', 'བསགས་རྩིས་བུ་ལོན་སྤྲད་པ། (གྲངས།)', 'disbursed (loans)', (r) => r.disbursed.loans),
    c('累计放款(元)', 'བསགས་རྩིས་བུ་ལོན་སྤྲད་པ། (སྒོར།)', 'disbursed (yuan)', (r) => yuanCell(r.disbursed.fen)),
    c('未偿本金(元)', 'མ་འཇལ་བའི་མ་དངུལ། (སྒོར།)', 'outstanding (yuan)', (r) => yuanCell(r.outstandingFen)),
  ];
  return csvFile(fileName(lang, W('贷款组合报表', 'བུ་ལོན་ཡོངས་ཀྱི་རེའུ་མིག', 'portfolio'), GROUP_HEADERS[report.groupBy][lang], report.asOf), columns, report.rows);
}

export function outcomesCsv(report: Awaited<ReturnType<typeof outcomesReport>>, lang: Lang = DEFAULT_LANG) {
  const c = (zh: string, bo: string, en: string, value: Column<Rows<typeof outcomesReport>>['value']) => col(lang, W(zh, bo, en), value);
  const columns: Column<Rows<typeof outcomesReport>>[] = [
    group(lang),
    c('受助母亲(人)', 'རོགས་རམ་ཐོབ་པའི་ཨ་མ། (མི།)', 'mothers helped', (r) => r.mothersHelped),
    c('惠及家庭人口(人)', 'ཕན་ཐོགས་པའི་ཁྱིམ་མི། (མི།)', 'household members reached', (r) => r.householdMembersReached),
    c('覆盖村(居)委会(个)', 'ཁྱབ་པའི་གྲོང་ཚོ། (གྲངས།)', 'villages covered', (r) => r.villagesCovered),
    c('终期评估(户)', 'མཐའ་མའི་དཔྱད་བསྡུར། (ཁྱིམ།)', 'final evaluations', (r) => r.finalEvaluations),
    c('脱贫(户)', 'དབུལ་ཐར། (ཁྱིམ།)', 'left poverty', (r) => r.leftPoverty),
    c('脱贫率', 'དབུལ་ཐར་ཚད།', 'poverty-exit rate', (r) => percentCell(r.povertyExitRateBp)),
    c('增收(元)', 'ཡོང་འབབ་འཕར་བ། (སྒོར།)', 'income gained (yuan)', (r) => yuanCell(r.incomeGainedFen)),
  ];
  return csvFile(fileName(lang, W('项目成效报表', 'ལས་གཞིའི་ནུས་ཕན་རེའུ་མིག', 'outcomes'), GROUP_HEADERS[report.groupBy][lang], report.asOf), columns, report.rows);
}

const KIND: Record<string, Words> = { midterm: W('中期评估', 'བར་མའི་དཔྱད་བསྡུར།', 'mid-term'), yearend: W('年终评估', 'ལོ་མཇུག་དཔྱད་བསྡུར།', 'year-end'), final: W('终期评估', 'མཐའ་མའི་དཔྱད་བསྡུར།', 'final') };

export function evaluationsCsv(report: Awaited<ReturnType<typeof evaluationsReport>>, lang: Lang = DEFAULT_LANG) {
  const c = (zh: string, bo: string, en: string, value: Column<Rows<typeof evaluationsReport>>['value']) => col(lang, W(zh, bo, en), value);
  const columns: Column<Rows<typeof evaluationsReport>>[] = [
    c('区', 'ཆུས།', 'district', (r) => r.districtId),
    c('项目工作人员', 'ལས་བྱེད་པ།', 'field officer', (r) => r.fieldOfficer),
    c('评估类别', 'དཔྱད་བསྡུར་རིགས།', 'kind', (r) => KIND[r.kind]?.[lang] ?? r.kind),
    c('已逾期(户)', 'དུས་ཡོལ། (ཁྱིམ།)', 'overdue', (r) => r.overdue),
    c(`${report.dueWithinDays}天内到期(户)`, `ཉིན་ ${report.dueWithinDays} ནང་དུས་ཚོད་སླེབས། (ཁྱིམ།)`, `due within ${report.dueWithinDays} days`, (r) => r.due),
    c('尚未到期(户)', 'ད་དུང་དུས་ཚོད་མ་སླེབས། (ཁྱིམ།)', 'not yet due', (r) => r.upcoming),
  ];
  return csvFile(fileName(lang, W('评估到期报表', 'དཔྱད་བསྡུར་དུས་ཚོད་རེའུ་མིག', 'evaluations'), report.asOf), columns, report.rows);
}

export function fundCsv(report: Awaited<ReturnType<typeof fundReport>>, lang: Lang = DEFAULT_LANG) {
  const c = (zh: string, bo: string, en: string, value: Column<Rows<typeof fundReport>>['value']) => col(lang, W(zh, bo, en), value);
  const columns: Column<Rows<typeof fundReport>>[] = [
    c('区', 'ཆུས།', 'district', (r) => r.label),
    c('累计拨付(元)', 'བསགས་རྩིས་སྤྲད་པའི་མ་དངུལ། (སྒོར།)', 'granted (yuan)', (r) => yuanCell(r.grantedFen)),
    c('累计放款(元)', 'བསགས་རྩིས་བུ་ལོན་སྤྲད་པ། (སྒོར།)', 'lent out (yuan)', (r) => yuanCell(r.lentOutFen)),
    c('累计收回(元)', 'བསགས་རྩིས་ཕྱིར་བསྡུས་པ། (སྒོར།)', 'recovered (yuan)', (r) => yuanCell(r.recoveredFen)),
    c('核销(元)', 'རྩིས་མེད། (སྒོར།)', 'written off (yuan)', (r) => yuanCell(r.writtenOffFen)),
    c('未偿本金(元)', 'མ་འཇལ་བའི་མ་དངུལ། (སྒོར།)', 'outstanding (yuan)', (r) => yuanCell(r.outstandingFen)),
    c('账面资金(元)', 'ལག་ཡོད་མ་དངུལ། (སྒོར།)', 'cash held (yuan)', (r) => yuanCell(r.cashHeldFen)),
    c('可滚动再贷(元)', 'བསྐྱར་དུ་བུ་ལོན་གཏོང་རུང་བ། (སྒོར།)', 'available to re-lend (yuan)', (r) => yuanCell(r.availableToRelendFen)),
    c('已开轮次', 'སྒོ་ཕྱེ་བའི་སྐོར་རིམ།', 'rounds opened', (r) => r.roundsOpened),
    c('已完成轮次', 'ལེགས་གྲུབ་སྐོར་རིམ།', 'rounds completed', (r) => r.roundsCompleted),
  ];
  return csvFile(fileName(lang, W('滚动资金报表', 'འཁོར་སྐྱོད་མ་དངུལ་གྱི་རེའུ་མིག', 'fund'), report.asOf), columns, report.rows);
}

const LEVEL: Record<string, Words> = { committee: W('组委会', 'ཨུ་ཡོན་ལྷན་ཁང་།', 'committee'), district: W('区', 'ཆུས།', 'district'), township: W('乡（街道）', 'ཤང་།', 'township') };

export function remittancesCsv(report: Awaited<ReturnType<typeof remittanceReconciliation>>, lang: Lang = DEFAULT_LANG) {
  const c = (zh: string, bo: string, en: string, value: Column<(typeof report.rows)[number]>['value']) => col(lang, W(zh, bo, en), value);
  const columns: Column<(typeof report.rows)[number]>[] = [
    c('层级', 'རིམ་པ།', 'level', (r) => LEVEL[r.level]?.[lang] ?? r.level),
    c('单位', 'ལས་ཁུངས།', 'office', (r) => r.name),
    c('收取还款(元)', 'བསྡུས་པའི་བུ་ལོན། (སྒོར།)', 'collected (yuan)', (r) => yuanCell(r.collectedFen)),
    c('接收上交(元)', 'ལེན་པའི་རྩིས་སྤྲོད། (སྒོར།)', 'received (yuan)', (r) => yuanCell(r.receivedFen)),
    c('已上交(元)', 'རྩིས་སྤྲོད་ཟིན་པ། (སྒོར།)', 'handed on (yuan)', (r) => yuanCell(r.handedOnFen)),
    c('申报上交(元)', 'སྙན་ཞུ་བྱས་པའི་རྩིས་སྤྲོད། (སྒོར།)', 'declared handed on (yuan)', (r) => yuanCell(r.declaredHandedOnFen)),
    c('差额(元)', 'ཁྱད་པར། (སྒོར།)', 'difference (yuan)', (r) => yuanCell(r.differenceFen)),
    c('尚未上交(元)', 'ད་དུང་རྩིས་མ་སྤྲད་པ། (སྒོར།)', 'still held (yuan)', (r) => yuanCell(r.heldFen)),
    c('异常批次', 'རྒྱུན་ལྡན་མིན་པའི་ཚན་པ།', 'flagged batches', (r) => r.flaggedBatches),
  ];
  return csvFile(fileName(lang, W('还款上交对账表', 'བུ་ལོན་རྩིས་སྤྲོད་ཞིབ་བཤེར་རེའུ་མིག', 'remittances'), report.asOf), columns, report.rows);
}

export function exceptionsCsv(report: Awaited<ReturnType<typeof exceptionsReport>>, lang: Lang = DEFAULT_LANG) {
  const c = (zh: string, bo: string, en: string, value: Column<(typeof report.items)[number]>['value']) => col(lang, W(zh, bo, en), value);
  const columns: Column<(typeof report.items)[number]>[] = [
    c('日期', 'ཚེས་གྲངས།', 'date', (r) => r.date),
    c('类别', 'རིགས།', 'kind', (r) => EXCEPTION_KIND_WORDS[r.kind]?.[lang] ?? r.kind),
    c('区', 'ཆུས།', 'district', (r) => r.districtName),
    c('单位', 'ལས་ཁུངས།', 'office', (r) => r.officeName),
    c('说明', 'འགྲེལ་བཤད།', 'what happened', (r) => r.text),
    c('操作人', 'ལས་ཀ་བྱེད་མཁན།', 'by', (r) => r.actorName),
    c('记录类别', 'ཟིན་ཐོའི་རིགས།', 'record type', (r) => RECORD_WORDS[r.recordType === 'remittance' ? 'remittance batch' : r.recordType]?.[lang] ?? r.recordType),
    c('记录编号', 'ཟིན་ཐོའི་ཨང་།', 'record id', (r) => r.recordId),
  ];
  return csvFile(fileName(lang, W('异常情况报表', 'རྒྱུན་ལྡན་མིན་པའི་གནས་ཚུལ་རེའུ་མིག', 'exceptions'), report.asOf), columns, report.items);
}
