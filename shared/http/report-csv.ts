/** The reports as CSV with Chinese headers (figures in yuan, rates in percent). */
import type { exceptionsReport } from '../usecases/exceptions.ts';
import type { evaluationsReport, fundReport, outcomesReport, portfolioReport, repaymentReport } from '../usecases/reports.ts';
import type { remittanceReconciliation } from '../usecases/remittances.ts';
import { csvFile, percentCell, yuanCell, type Column } from './csv.ts';

type Rows<F extends (...args: never[]) => Promise<{ rows: unknown[] }>> = Awaited<ReturnType<F>>['rows'][number];
const GROUP_HEADERS = { district: '区', township: '乡（街道）', round: '轮次', year: '放款年度', total: '合计' } as const;

const group = <T extends { label: string }>(): Column<T> => ({ header: '分组', value: (r) => r.label });

export function repaymentCsv(report: Awaited<ReturnType<typeof repaymentReport>>) {
  const columns: Column<Rows<typeof repaymentReport>>[] = [
    group(),
    { header: '已到期本金(元)', value: (r) => yuanCell(r.fallenDueFen) },
    { header: '到期贷款已还本金(元)', value: (r) => yuanCell(r.repaidOnDueLoansFen) },
    { header: '累计还款率', value: (r) => percentCell(r.repaymentRateBp) },
    { header: '按期还款率', value: (r) => percentCell(r.onTimeRateBp) },
    { header: '未偿本金(元)', value: (r) => yuanCell(r.outstandingFen) },
    { header: '逾期本金(元)', value: (r) => yuanCell(r.arrearsFen) },
    { header: '逾期笔数', value: (r) => r.arrearsLoans },
    { header: '逾期30天以上本金(元)', value: (r) => yuanCell(r.par30Fen) },
    { header: 'PAR30', value: (r) => percentCell(r.par30Bp) },
    { header: '逾期1-30天(元)', value: (r) => yuanCell(r.ageing.days1to30.fen) },
    { header: '逾期31-90天(元)', value: (r) => yuanCell(r.ageing.days31to90.fen) },
    { header: '逾期91-180天(元)', value: (r) => yuanCell(r.ageing.days91to180.fen) },
    { header: '逾期180天以上(元)', value: (r) => yuanCell(r.ageing.days181plus.fen) },
    { header: '核销(元)', value: (r) => yuanCell(r.writtenOffFen) },
  ];
  return csvFile(`还款率报表-${GROUP_HEADERS[report.groupBy]}-${report.asOf}`, columns, report.rows);
}

export function portfolioCsv(report: Awaited<ReturnType<typeof portfolioReport>>) {
  const columns: Column<Rows<typeof portfolioReport>>[] = [
    group(),
    { header: '已批准待放款(笔)', value: (r) => r.approved.loans },
    { header: '已批准待放款(元)', value: (r) => yuanCell(r.approved.fen) },
    { header: '正常(笔)', value: (r) => r.active.loans },
    { header: '正常未偿(元)', value: (r) => yuanCell(r.active.fen) },
    { header: '逾期(笔)', value: (r) => r.overdue.loans },
    { header: '逾期未偿(元)', value: (r) => yuanCell(r.overdue.fen) },
    { header: '已还清(笔)', value: (r) => r.repaid.loans },
    { header: '已收回本金(元)', value: (r) => yuanCell(r.repaid.fen) },
    { header: '已核销(笔)', value: (r) => r.writtenOff.loans },
    { header: '已核销(元)', value: (r) => yuanCell(r.writtenOff.fen) },
    { header: '累计放款(笔)', value: (r) => r.disbursed.loans },
    { header: '累计放款(元)', value: (r) => yuanCell(r.disbursed.fen) },
    { header: '未偿本金(元)', value: (r) => yuanCell(r.outstandingFen) },
  ];
  return csvFile(`贷款组合报表-${GROUP_HEADERS[report.groupBy]}-${report.asOf}`, columns, report.rows);
}

export function outcomesCsv(report: Awaited<ReturnType<typeof outcomesReport>>) {
  const columns: Column<Rows<typeof outcomesReport>>[] = [
    group(),
    { header: '受助母亲(人)', value: (r) => r.mothersHelped },
    { header: '惠及家庭人口(人)', value: (r) => r.householdMembersReached },
    { header: '覆盖村(居)委会(个)', value: (r) => r.villagesCovered },
    { header: '终期评估(户)', value: (r) => r.finalEvaluations },
    { header: '脱贫(户)', value: (r) => r.leftPoverty },
    { header: '脱贫率', value: (r) => percentCell(r.povertyExitRateBp) },
    { header: '增收(元)', value: (r) => yuanCell(r.incomeGainedFen) },
  ];
  return csvFile(`项目成效报表-${GROUP_HEADERS[report.groupBy]}-${report.asOf}`, columns, report.rows);
}

const KIND_ZH: Record<string, string> = { midterm: '中期评估', yearend: '年终评估', final: '终期评估' };

export function evaluationsCsv(report: Awaited<ReturnType<typeof evaluationsReport>>) {
  const columns: Column<Rows<typeof evaluationsReport>>[] = [
    { header: '区', value: (r) => r.districtId },
    { header: '项目工作人员', value: (r) => r.fieldOfficer },
    { header: '评估类别', value: (r) => KIND_ZH[r.kind] ?? r.kind },
    { header: '已逾期(户)', value: (r) => r.overdue },
    { header: `${report.dueWithinDays}天内到期(户)`, value: (r) => r.due },
  ];
  return csvFile(`评估到期报表-${report.asOf}`, columns, report.rows);
}

export function fundCsv(report: Awaited<ReturnType<typeof fundReport>>) {
  const columns: Column<Rows<typeof fundReport>>[] = [
    { header: '区', value: (r) => r.label },
    { header: '累计拨付(元)', value: (r) => yuanCell(r.grantedFen) },
    { header: '累计放款(元)', value: (r) => yuanCell(r.lentOutFen) },
    { header: '累计收回(元)', value: (r) => yuanCell(r.recoveredFen) },
    { header: '核销(元)', value: (r) => yuanCell(r.writtenOffFen) },
    { header: '未偿本金(元)', value: (r) => yuanCell(r.outstandingFen) },
    { header: '账面资金(元)', value: (r) => yuanCell(r.cashHeldFen) },
    { header: '可滚动再贷(元)', value: (r) => yuanCell(r.availableToRelendFen) },
    { header: '已开轮次', value: (r) => r.roundsOpened },
    { header: '已完成轮次', value: (r) => r.roundsCompleted },
  ];
  return csvFile(`滚动资金报表-${report.asOf}`, columns, report.rows);
}

const LEVEL_ZH: Record<string, string> = { committee: '组委会', district: '区', township: '乡（街道）' };

export function remittancesCsv(report: Awaited<ReturnType<typeof remittanceReconciliation>>) {
  const columns: Column<(typeof report.rows)[number]>[] = [
    { header: '层级', value: (r) => LEVEL_ZH[r.level] ?? r.level },
    { header: '单位', value: (r) => r.name },
    { header: '收取还款(元)', value: (r) => yuanCell(r.collectedFen) },
    { header: '接收上交(元)', value: (r) => yuanCell(r.receivedFen) },
    { header: '已上交(元)', value: (r) => yuanCell(r.handedOnFen) },
    { header: '申报上交(元)', value: (r) => yuanCell(r.declaredHandedOnFen) },
    { header: '差额(元)', value: (r) => yuanCell(r.differenceFen) },
    { header: '尚未上交(元)', value: (r) => yuanCell(r.heldFen) },
    { header: '异常批次', value: (r) => r.flaggedBatches },
  ];
  return csvFile(`还款上交对账表-${report.asOf}`, columns, report.rows);
}

const EXCEPTION_ZH: Record<string, string> = {
  back_dated: '补录（倒签）',
  duplicate_receipt: '重复收据（已拒绝）',
  cross_district_application: '跨区重复申请',
  resident_id_revealed: '查看完整身份证号',
  remittance_mismatch: '上交金额不符',
};

export function exceptionsCsv(report: Awaited<ReturnType<typeof exceptionsReport>>) {
  const columns: Column<(typeof report.items)[number]>[] = [
    { header: '日期', value: (r) => r.date },
    { header: '类别', value: (r) => EXCEPTION_ZH[r.kind] ?? r.kind },
    { header: '区', value: (r) => r.districtId },
    { header: '单位', value: (r) => r.officeId },
    { header: '记录', value: (r) => (r.recordId ? `${r.recordType} ${r.recordId}` : r.recordType) },
    { header: '操作人', value: (r) => r.actor.username },
    { header: '说明', value: (r) => r.summary },
  ];
  return csvFile(`异常情况报表-${report.asOf}`, columns, report.items);
}
