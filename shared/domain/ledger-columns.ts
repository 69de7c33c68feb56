/**
 * The columns of an office's Excel ledger (its past rounds, loans, repayments and write-offs):
 * the Chinese headers as an office writes them (or the English names). Reading a sheet:
 * `./ledger-read.ts`; the templates, with a note and an example for each column:
 * `./ledger-template.ts` (apart, so that the staging function does not bundle them).
 */
import type { LedgerFile } from './schemas/ledger-import.ts';

export interface LedgerColumn {
  key: string;
  /** the header an office writes */
  zh: string;
  aliases?: string[];
  optional?: true;
}

const col = (key: string, zh: string, more: { aliases?: string[]; optional?: true } = {}): LedgerColumn => ({ key, zh, ...more });

export const LEDGER_COLUMNS: Record<LedgerFile, LedgerColumn[]> = {
  rounds: [
    col('name', '轮次名称', { aliases: ['轮次'] }),
    col('openedOn', '开始日期'),
    col('capitalYuan', '本轮资金(元)'),
    col('grantYuan', '其中新拨款(元)', { optional: true }),
    col('minLoanYuan', '最低借款(元)', { optional: true }),
    col('maxLoanYuan', '最高借款(元)', { optional: true }),
    col('termMonths', '借款期限(月)', { optional: true }),
    col('closedOn', '结束日期', { optional: true }),
    col('disbursedYuan', '发放合计(元)', { optional: true }),
    col('repaidYuan', '还款合计(元)', { optional: true }),
    col('writtenOffYuan', '核销合计(元)', { optional: true }),
    col('outstandingYuan', '余额合计(元)', { optional: true }),
  ],
  loans: [
    col('round', '轮次名称', { aliases: ['轮次'] }),
    col('name', '姓名', { aliases: ['母亲姓名'] }),
    col('residentId', '身份证号', { aliases: ['身份证号码'] }),
    col('villageId', '村', { aliases: ['村名', '所在村'] }),
    col('householdSize', '家庭人口', { aliases: ['家庭人数'] }),
    col('amountYuan', '借款金额(元)', { aliases: ['金额(元)'] }),
    col('approvedOn', '批准日期'),
    col('disbursedOn', '发放日期'),
    col('dueOn', '到期日期'),
    col('townshipGuarantor', '乡担保人', { optional: true }),
    col('villageGuarantor', '村担保人', { optional: true }),
    col('status', '状态'),
  ],
  repayments: [
    col('residentId', '身份证号', { aliases: ['身份证号码'] }),
    col('round', '轮次名称', { aliases: ['轮次'] }),
    col('paidOn', '还款日期'),
    col('amountYuan', '还款金额(元)', { aliases: ['金额(元)'] }),
    col('receiptNo', '收据号', { aliases: ['收据编号'] }),
  ],
  writeOffs: [
    col('residentId', '身份证号', { aliases: ['身份证号码'] }),
    col('round', '轮次名称', { aliases: ['轮次'] }),
    col('writtenOffOn', '核销日期'),
    col('amountYuan', '核销金额(元)', { aliases: ['金额(元)'] }),
    col('reason', '核销原因'),
  ],
};

export const LEDGER_SHEET_NAMES: Record<LedgerFile, string> = { rounds: '轮次', loans: '借款', repayments: '还款', writeOffs: '核销' };
