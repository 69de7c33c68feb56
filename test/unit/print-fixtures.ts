/**
 * Sample records for the printed documents' tests and screenshots (not a test file itself):
 * one village of Caigongtang township (rural 乡 / 村) with two notice postings, an unposted and
 * a rejected application, a loan with its agreement and repayments, and a collection report.
 * Names and amounts are of the kind in the demo data; resident IDs are made up.
 */
import type { Actor, Loan, Repayment } from '../../shared/domain/entities.ts';
import type { NoticeApplication } from '../../web/src/print/notice.ts';
import type { CollectionReport } from '../../web/src/print/collection.ts';

export const clerk: Actor = { userId: 'u-township', username: 'township', role: 'township', officeId: 'lhasa.chengguan.caigongtang' };

const ZHIBA = 'lhasa.chengguan.caigongtang.zhiba';
const BAIDING = 'lhasa.chengguan.caigongtang.baiding';
const TOWNSHIP = 'lhasa.chengguan.caigongtang';

let seq = 0;
export function application(o: Partial<NoticeApplication> & Pick<NoticeApplication, 'mother'>): NoticeApplication {
  seq++;
  return {
    id: `app-${String(seq).padStart(2, '0')}`,
    villageId: ZHIBA,
    townshipId: TOWNSHIP,
    status: 'submitted',
    householdSize: 4,
    project: { type: 'livestock', description: '养牦牛 6 头' },
    amountRequestedFen: 1_000_000,
    submittedOn: '2026-03-02',
    ...o,
  };
}

const first = { postedOn: '2026-03-10', endsOn: '2026-03-16', days: 7, place: '村委会公示栏' };
const second = { postedOn: '2026-04-20', endsOn: '2026-04-26', days: 7, place: '村委会公示栏' };

/** Zhiba: three applicants on the first posting (one rejected since), two on the second, one not posted yet; Baiding: one on the same dates as Zhiba's first. */
export const applications: NoticeApplication[] = [
  application({ mother: { name: '卓玛', residentId: '540102198503150026' }, submittedOn: '2026-03-03', notice: first }),
  application({
    mother: { name: '次仁央宗', residentId: '540102199001010048' },
    submittedOn: '2026-03-01',
    householdSize: 5,
    project: { type: 'shop', description: '村口小卖部' },
    amountRequestedFen: 800_000,
    notice: first,
  }),
  application({ mother: { name: '拉姆', residentId: '540102198811110021' }, status: 'rejected', notice: first }),
  application({
    mother: { name: '德吉', residentId: '540102199205050063' },
    submittedOn: '2026-04-12',
    project: { type: 'handicraft', description: '编织卡垫' },
    amountRequestedFen: 500_000,
    notice: second,
  }),
  application({
    mother: { name: '白玛', residentId: '540102198707070086' },
    submittedOn: '2026-04-15',
    householdSize: 6,
    project: { type: 'transport', description: '手扶拖拉机运输' },
    amountRequestedFen: 1_500_000,
    notice: second,
  }),
  application({ mother: { name: '央金', residentId: '540102199303030045' }, submittedOn: '2026-05-02' }),
  application({ villageId: BAIDING, mother: { name: '普布卓嘎', residentId: '540102198404040027' }, notice: first }),
];

export const loan: Pick<Loan, 'id' | 'principalFen' | 'repaidFen' | 'balanceFen' | 'termMonths' | 'dueOn' | 'agreement' | 'disbursement' | 'mother' | 'villageId' | 'townshipId'> & {
  agreementNo: string;
} = {
  id: '01JQ7Z3K8M4N5P6Q7R8S9T0V1W',
  agreementNo: '城关-2026-04-017',
  principalFen: 1_000_000,
  repaidFen: 350_050,
  balanceFen: 649_950,
  termMonths: 24,
  dueOn: '2028-05-10',
  mother: { name: '卓玛', residentId: '540102198503150026' },
  villageId: ZHIBA,
  townshipId: TOWNSHIP,
  agreement: {
    signedOn: '2026-05-06',
    guarantors: { townshipHead: '扎西次仁', villageHead: '尼玛顿珠' },
    signatories: [
      { party: 'committee', name: '王建华' },
      { party: 'district', name: '李娟' },
      { party: 'mother', name: '卓玛' },
    ],
    recordedBy: { ...clerk, role: 'district', officeId: 'lhasa.chengguan' },
  },
  disbursement: { disbursedOn: '2026-05-10', amountFen: 1_000_000, motherPresent: true, idChecked: true, recordedBy: { ...clerk, role: 'district', officeId: 'lhasa.chengguan' } },
};

function repayment(n: number, paidOn: string, amountFen: number, balanceAfterFen: number): Repayment {
  return { id: `rp-${n}`, loanId: loan.id, paidOn, amountFen, receiptNo: `CGT-2027-${String(n).padStart(4, '0')}`, balanceAfterFen, recordedBy: clerk, recordedAt: `${paidOn}T10:00:00+08:00` };
}

/** Listed out of order on purpose: the card orders them by date paid. */
export const repayments: Repayment[] = [repayment(12, '2027-11-20', 150_050, 649_950), repayment(3, '2027-05-12', 200_000, 800_000)];

export const collectionReport: CollectionReport = {
  asOf: '2028-05-03',
  townshipId: TOWNSHIP,
  villages: [
    {
      officeId: ZHIBA,
      name: '支巴村',
      loans: [
        { loanId: 'L1', agreementNo: '城关-2026-04-017', motherName: '卓玛', dueOn: '2028-05-10', principalFen: 1_000_000, balanceFen: 649_950, daysPastDue: 0, state: 'due_this_month' },
        { loanId: 'L2', agreementNo: '城关-2025-03-004', motherName: '次仁央宗', dueOn: '2028-02-01', principalFen: 800_000, balanceFen: 300_000, daysPastDue: 92, state: 'overdue' },
        { loanId: 'L3', agreementNo: '城关-2026-04-019', motherName: '白玛', dueOn: '2028-05-20', principalFen: 1_500_000, balanceFen: 1_500_000, daysPastDue: 0, state: 'due_this_month' },
        { loanId: 'L4', motherName: '德吉', dueOn: '2028-04-15', principalFen: 500_000, balanceFen: 120_000, daysPastDue: 18, state: 'overdue' },
      ],
      totals: { dueFen: 2_149_950, overdueFen: 420_000 },
    },
    { officeId: 'lhasa.chengguan.caigongtang.gangzhu', name: '岗珠村', loans: [], totals: { dueFen: 0, overdueFen: 0 } },
    {
      officeId: BAIDING,
      name: '白定村',
      loans: [{ loanId: 'L5', agreementNo: '城关-2026-04-021', motherName: '普布卓嘎', dueOn: '2028-05-28', principalFen: 1_200_000, balanceFen: 1_200_000, daysPastDue: 0, state: 'due_this_month' }],
      totals: { dueFen: 1_200_000, overdueFen: 0 },
    },
  ],
};
