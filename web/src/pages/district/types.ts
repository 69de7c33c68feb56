/**
 * What the API answers, as the district pages read it: the domain's own record types (type
 * imports only — nothing of the server is bundled), plus the shapes of the API's views.
 * Money is integer fen.
 */
import type { Loan as LoanRecord } from '../../../../shared/domain/entities.ts';
import type { LoanStatus } from '../../../../shared/domain/schemas.ts';

export type {
  Actor,
  Application,
  Evaluation,
  HistoryEvent,
  Notice,
  Objection,
  Repayment,
  Round,
  RuleResult,
  ScreeningResult,
  Visit,
} from '../../../../shared/domain/entities.ts';
export type { Office } from '../../../../shared/domain/offices.ts';
export type { Role } from '../../../../shared/domain/roles.ts';
export type { FamilyPlanningStatus as FamilyPlanning, LoanStatus, ProjectType } from '../../../../shared/domain/schemas.ts';
import type { Application, Evaluation, HistoryEvent, Objection, Repayment, Visit } from '../../../../shared/domain/entities.ts';

export type Party = 'committee' | 'district' | 'township' | 'village' | 'mother';
export type Agreement = NonNullable<LoanRecord['agreement']>;

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** GET /applications/{id}: the application with its case file. */
export interface ApplicationDetail extends Application {
  objections: Objection[];
  visits: Visit[];
  history: HistoryEvent[];
  earlierLoans: { id: string; roundId: string; principalFen: number; status: LoanStatus; disbursedOn?: string; repaidOn?: string }[];
}

/** A loan as lists and the loan page show it: with whether and how long it is past due. */
export interface Loan extends LoanRecord {
  overdue: boolean;
  daysPastDue: number;
}

/** GET /loans/{id}: the loan with its repayments, evaluations and history. */
export interface LoanDetail extends Loan {
  repayments: Repayment[];
  evaluations: Evaluation[];
  history: HistoryEvent[];
}
