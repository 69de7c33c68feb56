/**
 * The API's answers, defined once as zod schemas: the route table gives each route its
 * `response`, the OpenAPI document describes the answers with them, the tests check every
 * successful answer against them (`shared/http/response-contract.ts`), and a client typed
 * from the route table (`ResponseOf<K>`) reads its types from them.
 *
 * The records are those of `entities.ts`; at the end of this file a compile-time check
 * fails the type-check when a schema and its entity type drift apart (a field added to one
 * only, or typed differently). Money is integer fen (`…Fen`), rates are integer basis
 * points (`…Bp`), dates `YYYY-MM-DD`, instants ISO 8601 in UTC.
 */
/*
 * Each area's answers live in `./responses/<area>.ts`; this file gathers them for the
 * OpenAPI document, the tests and the web client (a function's route table imports its own
 * parts, so that its bundle holds only its own schemas).
 */
import type * as z from 'zod/mini';
import type * as Entity from './entities.ts';
import type { Office as OfficeType } from './offices.ts';
import type {
  BatchRepayment as BatchRepaymentType,
  ReconciliationRow as ReconciliationRowType,
  ReconciliationTotals as ReconciliationTotalsType,
  RemittanceBatch as RemittanceBatchType,
} from './remittance.ts';
import type { Caller } from './roles.ts';
import type { StaffMember as StaffMemberType } from './staff.ts';
import type { Actor, HistoryEvent } from './responses/common.ts';
import type { MotherDetails } from './responses/mother.ts';
import type { Office } from './responses/offices.ts';
import type { Round, RoundRequest } from './responses/rounds.ts';
import type { Notice, Objection, Visit, RuleResult, ScreeningResult, Decision, Application } from './responses/applications.ts';
import type { Agreement, Disbursement, ScheduledEvaluation, Loan, Evaluation } from './responses/loans.ts';
import type { Repayment } from './responses/repayments.ts';
import type { BatchRepayment, RemittanceBatch, ReconciliationRow, ReconciliationTotals } from './responses/remittances.ts';
import type { StaffMember, Me } from './responses/staff.ts';

export { ImportReport } from './import-schemas.ts';
export { LedgerReport } from './ledger-schemas.ts';
export { Actor, HistoryEvent, HistoryEntry, page } from './responses/common.ts';
export { MotherDetails } from './responses/mother.ts';
export { ErrorBody } from './responses/errors.ts';
export { Office, OfficeList } from './responses/offices.ts';
export { Round, RoundPage, RoundRequest, RoundRequestPage, RoundRequestDecided, ProgrammeSettings } from './responses/rounds.ts';
export { Notice, Objection, Visit, RuleResult, ScreeningResult, Decision, Application } from './responses/applications.ts';
export { ResidentIdReveal, ApplicationPage, ApplicationFile } from './responses/application-file.ts';
export { Agreement, Disbursement, ScheduledEvaluation, Loan, LoanView, LoanPage, Evaluation, LoanFile, SearchResults } from './responses/loans.ts';
export { Repayment, RepaymentPage } from './responses/repayments.ts';
export {
  BatchRepayment,
  RemittanceBatch,
  RemittanceBatchSummary,
  RemittanceBatchPage,
  RemittanceBatchFile,
  ReconciliationRow,
  ReconciliationTotals,
  RemittanceReconciliation,
} from './responses/remittances.ts';
export { RepaymentReport, PortfolioReport, OutcomesReport, EvaluationsReport, FundReport, CollectionList } from './responses/reports.ts';
export { ExceptionRecord, ExceptionsReport } from './responses/exceptions.ts';
export { Health, OpenApiDocument } from './responses/meta.ts';
export { LedgerBatch, LedgerBatchPage, LedgerTemplateFile } from './responses/ledger.ts';
export { StaffMember, StaffList, Me } from './responses/staff.ts';

// ---------- the schemas and the entity types agree ----------

/** True only when A and B are the same type (not merely assignable to each other). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** `true`, or what differs: the fields only one side has (`never` on both: a field typed differently, or a difference further down). */
type Drift<Schema, EntityType> = Same<Schema, EntityType> extends true ? true : { onlyInSchema: Exclude<keyof Schema, keyof EntityType>; onlyInEntity: Exclude<keyof EntityType, keyof Schema> };
type Agree<T extends true> = T;

/**
 * Fails the type-check when a schema and the entity type it describes drift apart, naming
 * the fields only one side has: add the field to both (here with its zod type).
 */
export type SchemasAgreeWithEntities = [
  Agree<Drift<z.output<typeof Actor>, Entity.Actor>>,
  Agree<Drift<z.output<typeof HistoryEvent>, Entity.HistoryEvent>>,
  Agree<Drift<z.output<typeof Round>, Entity.Round>>,
  Agree<Drift<z.output<typeof RoundRequest>, Entity.RoundRequest>>,
  Agree<Drift<z.output<typeof MotherDetails>, Entity.MotherDetails>>,
  Agree<Drift<z.output<typeof Notice>, Entity.Notice>>,
  Agree<Drift<z.output<typeof Objection>, Entity.Objection>>,
  Agree<Drift<z.output<typeof Visit>, Entity.Visit>>,
  Agree<Drift<z.output<typeof RuleResult>, Entity.RuleResult>>,
  Agree<Drift<z.output<typeof ScreeningResult>, Entity.ScreeningResult>>,
  Agree<Drift<z.output<typeof Decision>, Entity.Decision>>,
  Agree<Drift<z.output<typeof Application>, Entity.Application>>,
  Agree<Drift<z.output<typeof Agreement>, Entity.Agreement>>,
  Agree<Drift<z.output<typeof Disbursement>, Entity.Disbursement>>,
  Agree<Drift<z.output<typeof ScheduledEvaluation>, Entity.ScheduledEvaluation>>,
  Agree<Drift<z.output<typeof Loan>, Entity.Loan>>,
  Agree<Drift<z.output<typeof Evaluation>, Entity.Evaluation>>,
  Agree<Drift<z.output<typeof Repayment>, Entity.Repayment>>,
  Agree<Drift<z.output<typeof Office>, OfficeType>>,
  Agree<Drift<z.output<typeof StaffMember>, StaffMemberType>>,
  Agree<Drift<z.output<typeof Me>, Caller>>,
  Agree<Drift<z.output<typeof BatchRepayment>, BatchRepaymentType>>,
  Agree<Drift<z.output<typeof RemittanceBatch>, RemittanceBatchType>>,
  Agree<Drift<z.output<typeof ReconciliationRow>, ReconciliationRowType>>,
  Agree<Drift<z.output<typeof ReconciliationTotals>, ReconciliationTotalsType>>,
];
