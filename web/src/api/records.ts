/**
 * What the API answers, as the pages read it: the domain's own record types and the
 * route table's answers (type imports only — nothing of the server is bundled).
 * Money is integer fen.
 */
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
} from '../../../shared/domain/entities.ts';
export type { Office } from '../../../shared/domain/offices.ts';
export type { Role } from '../../../shared/domain/roles.ts';
export type { FamilyPlanningStatus as FamilyPlanning, LoanStatus, ProjectType } from '../../../shared/domain/schemas.ts';

export type { ApplicationDetail, LoanDetail, LoanItem as Loan, Page } from './responses.ts';
