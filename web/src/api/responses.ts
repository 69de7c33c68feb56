/**
 * Names for the answers the pages pass around, all read from the route table's response
 * schemas (`ResponseOf`, `shared/domain/response-schemas.ts`): nothing here is written by hand.
 * Money is integer fen.
 */
import type { ResponseOf } from '../../../shared/routes.ts';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export type Office = ResponseOf<'GET /offices'>['items'][number];
export type ApplicationItem = ResponseOf<'GET /applications'>['items'][number];
/** GET /applications/{id}: the application with its case file. */
export type ApplicationDetail = ResponseOf<'GET /applications/{id}'>;
/** A loan as lists show it: with whether and how long it is past due. */
export type LoanItem = ResponseOf<'GET /loans'>['items'][number];
/** GET /loans/{id}: the loan with its repayments, evaluations and history. */
export type LoanDetail = ResponseOf<'GET /loans/{id}'>;

export type RepaymentReport = ResponseOf<'GET /reports/repayment'>;
export type RepaymentRow = RepaymentReport['rows'][number];
export type PortfolioRow = ResponseOf<'GET /reports/portfolio'>['rows'][number];
export type OutcomeRow = ResponseOf<'GET /reports/outcomes'>['rows'][number];
export type FundReport = ResponseOf<'GET /reports/fund'>;
export type FundRow = FundReport['rows'][number];
export type GroupBy = RepaymentReport['groupBy'];
export type RowBase = Pick<RepaymentRow, 'groupBy' | 'id' | 'label' | 'districtId'>;
export type Band = RepaymentRow['ageing']['days1to30'];
export type Report<R> = { asOf: string; groupBy: GroupBy; rows: R[] };

export type EvaluationsDueRow = ResponseOf<'GET /reports/evaluations'>['rows'][number];
export type DueLoan = EvaluationsDueRow['loans'][number];
