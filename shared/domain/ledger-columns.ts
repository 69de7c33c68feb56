/**
 * The columns of an office's Excel ledger (its past rounds, loans, repayments and write-offs):
 * the Chinese headers as an office writes them (or the English names), with a note and an
 * example each, and the templates made of them. Reading a sheet: `./ledger-read.ts`.
 */
import type { LedgerFile } from './ledger-schemas.ts';

export interface LedgerColumn {
  key: string;
  /** the header an office writes */
  zh: string;
  aliases?: string[];
  optional?: true;
  /** what goes in the column (Chinese, then English) */
  note: string;
  example: string;
}

const col = (key: string, zh: string, note: string, example: string, more: { aliases?: string[]; optional?: true } = {}): LedgerColumn => ({ key, zh, note, example, ...more });

export const LEDGER_COLUMNS: Record<LedgerFile, LedgerColumn[]> = {
  rounds: [
    col('name', '轮次名称', '本区内唯一的轮次名称 · the round’s name, unique in the district', '城关区第一轮', { aliases: ['轮次'] }),
    col('openedOn', '开始日期', '组委会拨款开轮的日期 · date the round opened (YYYY-MM-DD)', '2021-03-01'),
    col('capitalYuan', '本轮资金(元)', '本轮可贷资金 · the round’s capital, yuan', '100000'),
    col('grantYuan', '其中新拨款(元)', '可空: 组委会新拨的钱, 空则按基金余额推算 · new money granted; empty: what the fund lacked', '100000', { optional: true }),
    col('minLoanYuan', '最低借款(元)', '可空, 默认 5000 · smallest loan, yuan (default 5,000)', '5000', { optional: true }),
    col('maxLoanYuan', '最高借款(元)', '可空, 默认 15000 · largest loan, yuan (default 15,000)', '15000', { optional: true }),
    col('termMonths', '借款期限(月)', '可空, 默认 24 · term in months (default 24)', '24', { optional: true }),
    col('closedOn', '结束日期', '可空: 已结束的轮次填结束日期 · date the round was closed, if it was', '2023-06-30', { optional: true }),
    col('disbursedYuan', '发放合计(元)', '可空: 台账本轮发放合计, 用于核对 · paper total lent out in the round (checked)', '30000', { optional: true }),
    col('repaidYuan', '还款合计(元)', '可空: 台账本轮还款合计 · paper total repaid (checked)', '20000', { optional: true }),
    col('writtenOffYuan', '核销合计(元)', '可空: 台账本轮核销合计 · paper total written off (checked)', '0', { optional: true }),
    col('outstandingYuan', '余额合计(元)', '可空: 台账本轮未还余额 · paper outstanding balance (checked)', '10000', { optional: true }),
  ],
  loans: [
    col('round', '轮次名称', '与轮次表一致 · the round’s name as in the rounds sheet', '城关区第一轮', { aliases: ['轮次'] }),
    col('name', '姓名', '母亲姓名 · the mother’s name', '次仁卓玛', { aliases: ['母亲姓名'] }),
    col('residentId', '身份证号', '18 位, 单元格设为文本 · 18-digit resident ID (format the column as text)', '540102198503154223', { aliases: ['身份证号码'] }),
    col('villageId', '村', '村名或村的机构代码 · village name or office id', '支巴村', { aliases: ['村名', '所在村'] }),
    col('householdSize', '家庭人口', '人数 · household members', '5', { aliases: ['家庭人数'] }),
    col('amountYuan', '借款金额(元)', '发放的本金 · principal lent, yuan', '10000', { aliases: ['金额(元)'] }),
    col('approvedOn', '批准日期', '区项目办批准日期 · date approved', '2021-03-20'),
    col('disbursedOn', '发放日期', '钱交到母亲手中的日期 · date paid out to her', '2021-04-01'),
    col('dueOn', '到期日期', '借款协议上的到期日 · due date in the agreement', '2023-04-01'),
    col('townshipGuarantor', '乡担保人', '可空: 乡(镇)领导 · township head who guaranteed (optional)', '格桑', { optional: true }),
    col('villageGuarantor', '村担保人', '可空: 村委会领导 · village head who guaranteed (optional)', '扎西', { optional: true }),
    col('status', '状态', '在贷 / 逾期 / 已还清 / 已核销 · open, overdue, repaid or written off', '已还清'),
  ],
  repayments: [
    col('residentId', '身份证号', '借款母亲的身份证号 · the borrower’s resident ID', '540102198503154223', { aliases: ['身份证号码'] }),
    col('round', '轮次名称', '借款所在轮次 · the loan’s round', '城关区第一轮', { aliases: ['轮次'] }),
    col('paidOn', '还款日期', '收款日期 · date paid', '2023-03-28'),
    col('amountYuan', '还款金额(元)', '本次还款 · amount paid, yuan', '10000', { aliases: ['金额(元)'] }),
    col('receiptNo', '收据号', '纸质收据编号, 每乡唯一 · paper receipt number (once per township)', 'CG-2023-0012', { aliases: ['收据编号'] }),
  ],
  writeOffs: [
    col('residentId', '身份证号', '借款母亲的身份证号 · the borrower’s resident ID', '540102198707084425', { aliases: ['身份证号码'] }),
    col('round', '轮次名称', '借款所在轮次 · the loan’s round', '城关区第一轮', { aliases: ['轮次'] }),
    col('writtenOffOn', '核销日期', '组委会批准核销的日期 · date written off', '2023-12-15'),
    col('amountYuan', '核销金额(元)', '核销时的全部余额 · the whole balance left, yuan', '5000', { aliases: ['金额(元)'] }),
    col('reason', '核销原因', '原因 · why it could not be repaid', '牲畜全部病死，无力偿还'),
  ],
};

export const LEDGER_SHEET_NAMES: Record<LedgerFile, string> = { rounds: '轮次', loans: '借款', repayments: '还款', writeOffs: '核销' };

/** The rows of a template: a line of notes, the header, one example row (marked 示例 in the 序号 column). */
export function templateRows(kind: LedgerFile): string[][] {
  const columns = LEDGER_COLUMNS[kind];
  return [
    ['说明 notes', ...columns.map((c) => c.note)],
    ['序号', ...columns.map((c) => c.zh)],
    ['示例', ...columns.map((c) => c.example)],
  ];
}
