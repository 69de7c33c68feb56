/**
 * The answers of the routes the web reads, as the domain's record types (type imports only),
 * until every route has a `response` schema in `shared/routes.ts`: then `DataOf<K>` takes the
 * schema's type and these stand aside (see client.ts). Money is integer fen.
 */
import type { Application, Evaluation, HistoryEvent, Loan, Objection, Repayment, Round, ScreeningResult, Visit } from '../../../shared/domain/entities.ts';
import type { OfficeLevel } from '../../../shared/domain/offices.ts';
import type { LoanStatus, ReportQuery, EvaluationKind } from '../../../shared/domain/schemas.ts';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface Office {
  id: string;
  level: OfficeLevel;
  name: string;
  nameEn?: string;
  parentId?: string;
}

export interface ApplicationItem extends Application {
  visitCount?: number;
}

/** GET /applications/{id}: the application with its case file. */
export interface ApplicationDetail extends Application {
  objections: Objection[];
  visits: Visit[];
  history: HistoryEvent[];
  earlierLoans: { id: string; roundId: string; principalFen: number; status: LoanStatus; disbursedOn?: string; repaidOn?: string }[];
}

/** A loan as lists and the loan page show it: with whether and how long it is past due. */
export interface LoanItem extends Loan {
  overdue: boolean;
  daysPastDue: number;
}

/** GET /loans/{id}: the loan with its repayments, evaluations and history. */
export interface LoanDetail extends LoanItem {
  repayments: Repayment[];
  evaluations: Evaluation[];
  history: HistoryEvent[];
}

export type GroupBy = ReportQuery['groupBy'];

export interface Band {
  loans: number;
  fen: number;
}

export interface RowBase {
  groupBy: GroupBy | 'total';
  id: string;
  label: string;
  districtId?: string;
}

export interface RepaymentRow extends RowBase {
  fallenDueFen: number;
  repaidOnDueLoansFen: number;
  repaidOnTimeFen: number;
  repaymentRateBp: number | null;
  onTimeRateBp: number | null;
  outstandingFen: number;
  arrearsFen: number;
  arrearsLoans: number;
  par30Fen: number;
  par30Bp: number | null;
  ageing: { days1to30: Band; days31to90: Band; days91to180: Band; days181plus: Band };
  writtenOffFen: number;
}

export interface PortfolioRow extends RowBase {
  approved: Band;
  active: Band;
  overdue: Band;
  repaid: Band;
  writtenOff: Band;
  disbursed: Band;
  outstandingFen: number;
}

export interface OutcomeRow extends RowBase {
  mothersHelped: number;
  householdMembersReached: number;
  villagesCovered: number;
  finalEvaluations: number;
  leftPoverty: number;
  incomeGainedFen: number;
  povertyExitRateBp: number | null;
}

export interface Report<R> {
  asOf: string;
  groupBy: GroupBy;
  rows: R[];
}

export interface FundRow {
  districtId: string;
  label: string;
  grantedFen: number;
  lentOutFen: number;
  recoveredFen: number;
  writtenOffFen: number;
  outstandingFen: number;
  cashHeldFen: number;
  availableToRelendFen: number;
  roundsOpened: number;
  roundsCompleted: number;
}

export interface DueLoan {
  loanId: string;
  mother: string;
  dueOn: string;
  overdue: boolean;
}

export interface EvaluationsDueRow {
  districtId: string;
  fieldOfficer: string;
  kind: EvaluationKind;
  overdue: number;
  due: number;
  loans: DueLoan[];
}

export interface KnownResponses {
  'GET /offices': { items: Office[] };
  'GET /rounds': Page<Round>;
  'GET /rounds/{id}': Round;
  'GET /applications': Page<ApplicationItem>;
  'GET /applications/{id}': ApplicationDetail;
  'POST /applications': Application;
  'POST /applications/{id}/screening': ScreeningResult;
  'POST /applications/{id}/decision': { loanId?: string };
  'GET /loans': Page<LoanItem>;
  'GET /loans/{id}': LoanDetail;
  'GET /reports/repayment': Report<RepaymentRow>;
  'GET /reports/portfolio': Report<PortfolioRow>;
  'GET /reports/outcomes': Report<OutcomeRow>;
  'GET /reports/fund': { asOf: string; rows: FundRow[] };
  'GET /reports/evaluations': { asOf: string; rows: EvaluationsDueRow[] };
}
