/** Answers of the report routes. (Part of `../response-schemas.ts`; a function's route table imports only its own parts.) */
import { OFFICE_KINDS } from '../offices.ts';
import { EvaluationKind, isoDate, officeId, recordId } from '../schemas/common.ts';
import { ReportQuery } from '../schemas/reports.ts';
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { amount, signedAmount, count, rateBp } from './common.ts';

/** The 三治 columns of the outcomes report (GET /reports/outcomes). */
const OutcomeOutreachFigures = {
  womenChecked: count('women given a health check (each once per row)'),
  illnessesFound: count('illnesses found at health checks'),
  illnessesTreated: count('illnesses treated'),
  illnessesCured: count('illnesses found cured at follow-up'),
  trainingSessions: count('training sessions held (attended by the row’s mothers)'),
  mothersTrained: count('mothers who attended training (each once per row)'),
};

const reportRow = {
  groupBy: z.enum([...ReportQuery.shape.groupBy.def.innerType.options, 'total']),
  id: z.string(),
  label: z.string(),
  districtId: z.optional(officeId),
};

const loansAndFen = (what: string) => z.object({ loans: count(`loans ${what}`), fen: signedAmount(`principal ${what}`) });

export const RepaymentReport = z.object({
  asOf: isoDate,
  groupBy: ReportQuery.shape.groupBy.def.innerType,
  rows: z.array(
    z.object({
      ...reportRow,
      fallenDueFen: amount('principal fallen due by the as-of date'),
      repaidOnDueLoansFen: amount('principal repaid on loans fallen due'),
      repaidOnTimeFen: amount('principal repaid by each loan’s due date'),
      repaymentRateBp: rateBp('cumulative repayment rate'),
      onTimeRateBp: rateBp('on-time repayment rate'),
      outstandingFen: signedAmount('outstanding principal'),
      arrearsFen: amount('outstanding principal of loans past due'),
      arrearsLoans: count('loans past due'),
      par30Fen: amount('outstanding principal more than 30 days past due'),
      par30Bp: rateBp('PAR30'),
      ageing: z.object({
        days1to30: loansAndFen('1–30 days past due'),
        days31to90: loansAndFen('31–90 days past due'),
        days91to180: loansAndFen('91–180 days past due'),
        days181plus: loansAndFen('over 180 days past due'),
      }),
      writtenOffFen: amount('written off'),
    }),
  ),
});

export const PortfolioReport = z.object({
  asOf: isoDate,
  groupBy: ReportQuery.shape.groupBy.def.innerType,
  rows: z.array(
    z.object({
      ...reportRow,
      approved: loansAndFen('approved, not yet paid out'),
      active: loansAndFen('active and current'),
      overdue: loansAndFen('past due'),
      repaid: loansAndFen('repaid'),
      writtenOff: loansAndFen('written off'),
      disbursed: loansAndFen('disbursed'),
      outstandingFen: signedAmount('outstanding principal'),
    }),
  ),
});

export const OutcomesReport = z.object({
  asOf: isoDate,
  groupBy: ReportQuery.shape.groupBy.def.innerType,
  rows: z.array(
    z.object({
      ...reportRow,
      mothersHelped: count('mothers helped (each once, at her first loan)'),
      householdMembersReached: count('household members reached'),
      villagesCovered: count('villages covered'),
      finalEvaluations: count('final evaluations'),
      leftPoverty: count('households that left poverty (final evaluations)'),
      incomeGainedFen: signedAmount('income gained, from final evaluations'),
      povertyExitRateBp: rateBp('left poverty ÷ final evaluations'),
      ...OutcomeOutreachFigures,
    }),
  ),
});

export const EvaluationsReport = z.object({
  asOf: isoDate,
  dueWithinDays: z.int().check(z.gte(0)),
  rows: z.array(
    z.object({
      districtId: officeId,
      fieldOfficer: withMeta(z.string(), { description: 'username of the field officer, or (未指定) when none visited' }),
      kind: EvaluationKind,
      overdue: count('evaluations overdue'),
      due: count('evaluations due within dueWithinDays'),
      upcoming: count('loans whose next open evaluation falls due later than dueWithinDays (not yet due)'),
      loans: z.array(
        z.object({ loanId: recordId, mother: z.string(), dueOn: isoDate, overdue: z.boolean(), upcoming: withMeta(z.boolean(), { description: 'not yet due: later than dueWithinDays' }) }),
      ),
    }),
  ),
});

export const FundReport = z.object({
  asOf: isoDate,
  rows: z.array(
    z.object({
      districtId: officeId,
      label: z.string(),
      grantedFen: amount('granted by the committee'),
      lentOutFen: amount('lent out'),
      recoveredFen: amount('recovered'),
      writtenOffFen: amount('written off'),
      outstandingFen: signedAmount('outstanding'),
      cashHeldFen: signedAmount('cash held'),
      availableToRelendFen: z.nullable(signedAmount('available to re-lend (today only)')),
      roundsOpened: count('rounds opened'),
      roundsCompleted: count('rounds closed with every loan repaid or written off'),
      rounds: z.array(
        z.object({
          id: recordId,
          name: z.string(),
          status: z.enum(['open', 'closed']),
          recovered: z.boolean(),
          capitalFen: amount('capital'),
          grantFen: amount('granted'),
          disbursedFen: amount('paid out'),
          repaidFen: amount('repaid'),
          writtenOffFen: amount('written off'),
          loans: count('loans approved'),
          closedLoans: count('loans repaid or written off'),
        }),
      ),
    }),
  ),
});

export const CollectionList = z.object({
  asOf: isoDate,
  townshipId: officeId,
  villages: z.array(
    z.object({
      officeId,
      name: z.string(),
      kind: z.optional(z.enum(OFFICE_KINDS)),
      loans: z.array(
        z.object({
          loanId: recordId,
          agreementNo: z.optional(z.string()),
          motherName: z.string(),
          dueOn: isoDate,
          principalFen: amount('principal'),
          balanceFen: amount('balance now'),
          daysPastDue: count('days past due on the as-of day'),
          state: z.enum(['due_this_month', 'overdue']),
        }),
      ),
      totals: z.object({ dueFen: amount('due this month'), overdueFen: amount('overdue') }),
    }),
  ),
});
