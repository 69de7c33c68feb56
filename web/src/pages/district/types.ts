/**
 * What the API answers, as the district pages read it (mirrors shared/domain/entities.ts and
 * the use cases' views; the web app knows the API only through HTTP). Money is integer fen.
 */

export type Role = 'committee' | 'district' | 'township' | 'field';

export interface Actor {
  userId: string;
  username: string;
  role: Role;
  officeId: string;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface Office {
  id: string;
  level: 'committee' | 'district' | 'township' | 'village';
  name: string;
  nameEn?: string;
  parentId?: string;
}

export interface Round {
  id: string;
  districtId: string;
  name: string;
  openedOn: string;
  capitalFen: number;
  minLoanFen: number;
  maxLoanFen: number;
  termMonths: number;
  evaluationMonths: number[];
  noticeDays: number;
  status: 'open' | 'closed';
  uncommittedFen: number;
  committedFen: number;
  disbursedFen: number;
  loanCount: number;
}

export interface Notice {
  postedOn: string;
  days: number;
  endsOn: string;
  place?: string;
  recordedBy: Actor;
}

export interface Objection {
  id: string;
  raisedOn: string;
  raisedBy?: string;
  content: string;
  status: 'open' | 'dismissed' | 'upheld';
  resolution?: { resolvedOn: string; outcome: 'dismissed' | 'upheld'; note: string; resolvedBy: Actor };
  recordedBy: Actor;
}

export interface Visit {
  id: string;
  visitedOn: string;
  visitors: string[];
  willingToWork: boolean;
  planCredible: boolean;
  notes: string;
  recordedBy: Actor;
}

export interface RuleResult {
  rule: string;
  passed: boolean;
  reason: string;
  reasonZh: string;
}

export interface ScreeningResult {
  passed: boolean;
  priorityScore: number;
  rules: RuleResult[];
  screenedAt: string;
  screenedBy?: Actor;
}

export type ProjectType = 'shop' | 'transport' | 'livestock' | 'farming' | 'handicraft' | 'service' | 'other';
export type FamilyPlanning = 'compliant' | 'one_child' | 'two_daughters' | 'violation';

export interface Application {
  id: string;
  roundId: string;
  districtId: string;
  townshipId: string;
  villageId: string;
  mother: { name: string; residentId: string; phone?: string };
  householdSize: number;
  householdAnnualIncomeFen: number;
  villagePerCapitaIncomeFen: number;
  familyPlanning: FamilyPlanning;
  project: { type: ProjectType; description: string; expectedAnnualReturnFen: number };
  amountRequestedFen: number;
  status: 'submitted' | 'approved' | 'rejected';
  notice?: Notice;
  visitCount?: number;
  screening?: ScreeningResult;
  decision?: { decision: 'approve' | 'reject'; decidedOn: string; amountFen?: number; reason?: string; note?: string; decidedBy: Actor };
  loanId?: string;
  submittedOn: string;
  submittedAt: string;
  submittedBy: Actor;
}

export interface HistoryEvent {
  at: string;
  actor: Actor;
  action: string;
  summary: string;
}

export type LoanStatus = 'approved' | 'active' | 'overdue' | 'repaid' | 'written_off';

export interface ApplicationDetail extends Application {
  objections: Objection[];
  visits: Visit[];
  history: HistoryEvent[];
  earlierLoans: { id: string; roundId: string; principalFen: number; status: LoanStatus; disbursedOn?: string; repaidOn?: string }[];
}

export type Party = 'committee' | 'district' | 'township' | 'village' | 'mother';

export interface Agreement {
  signedOn: string;
  guarantors: { townshipHead: string; villageHead: string };
  signatories: { party: Party; name: string }[];
  recordedBy: Actor;
}

export interface Loan {
  id: string;
  applicationId: string;
  roundId: string;
  districtId: string;
  townshipId: string;
  villageId: string;
  mother: { name: string; residentId: string; phone?: string };
  householdSize: number;
  principalFen: number;
  repaidFen: number;
  balanceFen: number;
  status: LoanStatus;
  termMonths: number;
  evaluationMonths: number[];
  approvedOn: string;
  agreement?: Agreement;
  disbursement?: { disbursedOn: string; amountFen: number; place?: string; recordedBy: Actor };
  dueOn?: string;
  evaluationSchedule: { kind: 'midterm' | 'yearend' | 'final'; dueOn: string; evaluationId?: string }[];
  repaidOn?: string;
  writeOff?: { writtenOffOn: string; amountFen: number; reason: string };
  overdueSince?: string;
  fieldOfficer?: { userId: string; username: string };
  overdue: boolean;
  daysPastDue: number;
}

export interface Repayment {
  id: string;
  paidOn: string;
  amountFen: number;
  receiptNo: string;
  balanceAfterFen: number;
  recordedBy: Actor;
  recordedAt: string;
}

export interface Evaluation {
  id: string;
  kind: 'midterm' | 'yearend' | 'final';
  evaluatedOn: string;
  dueOn: string;
  fundUse: string;
  progress: string;
  operatingState: string;
  incomeToDateFen: number;
  forecastFen: number;
  problems?: string;
  actionsUrged?: string;
  leftPoverty?: boolean;
  recordedBy: Actor;
}

export interface LoanDetail extends Loan {
  repayments: Repayment[];
  evaluations: Evaluation[];
  history: HistoryEvent[];
}
