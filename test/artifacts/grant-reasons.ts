/**
 * Why a grant the artifact run did not use stays in the stack. A grant that no entry here
 * explains fails `npm run test:artifacts`: remove it from the stack, or write here why it
 * must stay. The reasons are printed in docs/grants.md next to each grant.
 */
import { INDEX } from '../../shared/store/keys.ts';

export interface GrantUse {
  fn: string;
  action: string;
  resource: string;
  /** routes of this function the run did not call (their use of the grant is not observed) */
  uncalledRoutes: string[];
}

export interface GrantReason {
  applies(use: GrantUse): boolean;
  reason(use: GrantUse): string;
}

export const GRANT_REASONS: GrantReason[] = [
  {
    // the walk's loans closed today: none is past retention, so the anonymising paths are not reached here
    applies: ({ fn, action, resource }) =>
      (fn === 'retention' || fn.startsWith('Retention/')) &&
      (action === 'dynamodb:UpdateItem' || action === 'dynamodb:DeleteItem' || action === 'dynamodb:BatchGetItem' || (action === 'dynamodb:Query' && resource.endsWith(`/index/${INDEX.byMother}`))),
    reason: ({ action }) =>
      `used only for a mother past retention (30 years after her last loan closed; the walk's loans closed today): ${action === 'dynamodb:UpdateItem' ? 'the plan written on her work-list entry' : action === 'dynamodb:DeleteItem' ? 'the handled work-list entry, her item keyed by her ID’s hash, messages keyed by her phone' : action === 'dynamodb:BatchGetItem' ? 'her applications and loans, read by the keys byMother lists' : 'her applications and loans, by her key'}; test/integration/retention.test.ts runs these paths`,
  },
  {
    // a function serving routes the run does not call: what those routes use is not observed yet
    applies: ({ uncalledRoutes }) => uncalledRoutes.length > 0,
    reason: ({ uncalledRoutes }) =>
      `not observed: the run does not call ${uncalledRoutes.length} of this function’s routes (${uncalledRoutes.slice(0, 4).join(', ')}${uncalledRoutes.length > 4 ? ', …' : ''}); kept until the walk covers them`,
  },
  ...Object.entries({
    table: 'a record’s own partition: a loan’s history, repayments and evaluations (GET /loans/{id}), the office tree',
    byScope: 'an office’s lists by status (rounds, repayments held, remittances, staff)',
    byRound: 'a round’s evaluation reports and confirmation lists',
    [INDEX.casesByScope]: 'a district’s applications and loans by status: the lists, the collection list, the close of business',
    [INDEX.casesByRound]: 'a round’s applications and loans: the lists, the households of an evaluation report',
    [INDEX.byMother]: 'a mother found by her resident ID’s keyed hash: duplicate applications, earlier loans, search by ID',
    [INDEX.byDue]: 'loans and evaluations by due date: the overdue list, evaluations due',
    [INDEX.byName]: 'search by a mother’s name',
  }).map(
    ([key, use]): GrantReason => ({
      applies: ({ action, resource }) => action === 'dynamodb:Query' && (key === 'table' ? !resource.includes('/index/') : resource.endsWith(`/index/${key}`)),
      reason: () =>
        `Query ${key === 'table' ? 'on the table' : `on index ${key}`} serves ${use}; the store functions that query it are shared by this function’s use cases and reached with inputs (filters, search terms, states) the run does not send`,
    }),
  ),
  {
    applies: ({ action }) => action === 'dynamodb:BatchGetItem',
    reason: () => 'a page of records read at once (the mothers’ names of a page of repayments, offices of a list), in store functions this function shares; reached with data the run does not make',
  },
  {
    applies: ({ action }) => action === 'dynamodb:UpdateItem',
    reason: () => 'counters kept with ADD (round capital, aggregates, receipt numbers) by use cases of this function on paths the run does not reach',
  },
  {
    applies: ({ action }) => action === 'dynamodb:ConditionCheckItem',
    reason: () => 'transactions assert records they do not change with a ConditionCheck (Transaction.check in shared/store/transaction.ts), e.g. a round still open, a loan’s version',
  },
];

export function reasonFor(use: GrantUse): string | undefined {
  return GRANT_REASONS.find((r) => r.applies(use))?.reason(use);
}
