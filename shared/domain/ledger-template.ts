/**
 * The ledger templates an office downloads: for each column of `./ledger-columns.ts` what goes
 * in it (Chinese, then English) and an example, and the rows a template is made of.
 */
import { LEDGER_COLUMNS } from './ledger-columns.ts';
import type { LedgerFile } from './schemas/ledger-import.ts';

/** Each column's note and example, by sheet and column key. */
export const LEDGER_COLUMN_NOTES: Record<LedgerFile, Record<string, { note: string; example: string }>> = {
  rounds: {
    name: { note: '本区内唯一的轮次名称 · the round’s name, unique in the district', example: '城关区第一轮' },
    openedOn: { note: '组委会拨款开轮的日期 · date the round opened (YYYY-MM-DD)', example: '2021-03-01' },
    capitalYuan: { note: '本轮可贷资金 · the round’s capital, yuan', example: '100000' },
    grantYuan: { note: '可空: 组委会新拨的钱, 空则按基金余额推算 · new money granted; empty: what the fund lacked', example: '100000' },
    minLoanYuan: { note: '可空, 默认 5000 · smallest loan, yuan (default 5,000)', example: '5000' },
    maxLoanYuan: { note: '可空, 默认 15000 · largest loan, yuan (default 15,000)', example: '15000' },
    termMonths: { note: '可空, 默认 24 · term in months (default 24)', example: '24' },
    closedOn: { note: '可空: 已结束的轮次填结束日期 · date the round was closed, if it was', example: '2023-06-30' },
    disbursedYuan: { note: '可空: 台账本轮发放合计, 用于核对 · paper total lent out in the round (checked)', example: '30000' },
    repaidYuan: { note: '可空: 台账本轮还款合计 · paper total repaid (checked)', example: '20000' },
    writtenOffYuan: { note: '可空: 台账本轮核销合计 · paper total written off (checked)', example: '0' },
    outstandingYuan: { note: '可空: 台账本轮未还余额 · paper outstanding balance (checked)', example: '10000' },
  },
  loans: {
    round: { note: '与轮次表一致 · the round’s name as in the rounds sheet', example: '城关区第一轮' },
    name: { note: '母亲姓名 · the mother’s name', example: '次仁卓玛' },
    residentId: { note: '18 位, 单元格设为文本 · 18-digit resident ID (format the column as text)', example: '540102198503154223' },
    villageId: { note: '村名或村的机构代码 · village name or office id', example: '支巴村' },
    householdSize: { note: '人数 · household members', example: '5' },
    amountYuan: { note: '发放的本金 · principal lent, yuan', example: '10000' },
    approvedOn: { note: '区项目办批准日期 · date approved', example: '2021-03-20' },
    disbursedOn: { note: '钱交到母亲手中的日期 · date paid out to her', example: '2021-04-01' },
    dueOn: { note: '借款协议上的到期日 · due date in the agreement', example: '2023-04-01' },
    townshipGuarantor: { note: '可空: 乡(镇)领导 · township head who guaranteed (optional)', example: '格桑' },
    villageGuarantor: { note: '可空: 村委会领导 · village head who guaranteed (optional)', example: '扎西' },
    status: { note: '在贷 / 逾期 / 已还清 / 已核销 · open, overdue, repaid or written off', example: '已还清' },
  },
  repayments: {
    residentId: { note: '借款母亲的身份证号 · the borrower’s resident ID', example: '540102198503154223' },
    round: { note: '借款所在轮次 · the loan’s round', example: '城关区第一轮' },
    paidOn: { note: '收款日期 · date paid', example: '2023-03-28' },
    amountYuan: { note: '本次还款 · amount paid, yuan', example: '10000' },
    receiptNo: { note: '纸质收据编号, 每乡唯一 · paper receipt number (once per township)', example: 'CG-2023-0012' },
  },
  writeOffs: {
    residentId: { note: '借款母亲的身份证号 · the borrower’s resident ID', example: '540102198707084425' },
    round: { note: '借款所在轮次 · the loan’s round', example: '城关区第一轮' },
    writtenOffOn: { note: '组委会批准核销的日期 · date written off', example: '2023-12-15' },
    amountYuan: { note: '核销时的全部余额 · the whole balance left, yuan', example: '5000' },
    reason: { note: '原因 · why it could not be repaid', example: '牲畜全部病死，无力偿还' },
  },
};

/** The rows of a template: a line of notes, the header, one example row (marked 示例 in the 序号 column). */
export function templateRows(kind: LedgerFile): string[][] {
  const columns = LEDGER_COLUMNS[kind];
  const notes = LEDGER_COLUMN_NOTES[kind];
  return [
    ['说明 notes', ...columns.map((c) => notes[c.key]!.note)],
    ['序号', ...columns.map((c) => c.zh)],
    ['示例', ...columns.map((c) => notes[c.key]!.example)],
  ];
}
