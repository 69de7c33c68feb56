/**
 * Domain errors: named, carry no HTTP. `shared/http/error-mapper.ts` is the one place
 * that turns them into status codes and `{ error: { code, rule?, message, field?, params } }`
 * bodies. Besides the English `message` (the fallback), an error may name its `rule` (a key
 * of the message catalogue in `shared/i18n/errors.ts`) and structured `params` (amounts in
 * fen, dates YYYY-MM-DD, counts, unmet conditions), so every caller reads it in its language.
 */
export type ErrorParams = Record<string, unknown>;

export interface ErrorDetail {
  /** the message catalogue's key for this refusal (defaults to the error's code) */
  rule?: string;
  params?: ErrorParams;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly rule?: string;
  readonly params: ErrorParams;
  constructor(
    message: string,
    readonly field?: string,
    detail: ErrorDetail = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.rule = detail.rule;
    this.params = detail.params ?? {};
  }
}

/** The request is well-formed but breaks a rule about its values (e.g. amount out of range). */
export class ValidationFailed extends DomainError {
  readonly code = 'validation_failed';
}

/** No or invalid credentials. */
export class Unauthenticated extends DomainError {
  readonly code = 'unauthenticated';
}

/** The caller's role may not do this, or the record is outside the caller's office subtree. */
export class Forbidden extends DomainError {
  readonly code = 'forbidden';
}

/** The record does not exist. */
export class NotFound extends DomainError {
  readonly code = 'not_found';
  constructor(what: string, id: string) {
    super(`${what} ${id} does not exist`, undefined, { params: { what } });
  }
}

/** The record is not in a state that allows this; the message names what is missing. */
export class Conflict extends DomainError {
  constructor(
    message: string,
    readonly code: string = 'conflict',
    params?: ErrorParams,
  ) {
    super(message, undefined, { params });
  }
}

/** Someone else changed the record at the same time; the caller may re-read and retry. */
export class ConcurrentChange extends DomainError {
  readonly code = 'concurrent_change';
  constructor(what = 'the record') {
    super(`${what} was changed by another request at the same time; reload and try again`);
  }
}

/**
 * The database cancelled a transaction for want of capacity on the table or one of its
 * indexes (reason ThrottlingError or ProvisionedThroughputExceeded): nothing was written. A
 * ConcurrentChange (and answered as one), so whatever retries one retries this too; bulk
 * writers also slow down.
 */
export class CapacityExceeded extends ConcurrentChange {}

/** A backing service (DynamoDB) is unreachable; safe to retry. */
export class ServiceUnavailable extends DomainError {
  readonly code = 'service_unavailable';
}

/**
 * Four eyes: the same person may not do two steps the programme keeps apart (e.g. log a
 * household visit and approve). `field` names the earlier step that conflicts.
 */
export class SeparationOfDuties extends Conflict {
  override readonly field: string;
  constructor(
    readonly step: 'submission' | 'notice' | 'visit' | 'screening' | 'approval',
    message: string,
    detail: ErrorDetail = {},
  ) {
    super(message, 'separation_of_duties', detail.params);
    this.field = step;
    this.rule = detail.rule;
  }
  override readonly rule?: string;
}

/**
 * A paper receipt number is recorded once per issuing township. `earlierRepaymentId` is
 * named only when the earlier repayment lies in the caller's office subtree.
 */
export class DuplicateReceipt extends Conflict {
  override readonly field = 'receiptNo';
  constructor(
    message: string,
    readonly earlierRepaymentId?: string,
  ) {
    super(message, 'duplicate_receipt');
  }
}

/** The token is valid but its person is not in the staff directory: role and office come only from there. */
export class StaffUnknown extends DomainError {
  readonly code = 'staff_unknown';
}

/** The token is valid but its person has been deactivated in the staff directory. */
export class StaffInactive extends DomainError {
  readonly code = 'staff_inactive';
}

// ---------- refusals used in many places ----------

/** The dates a date may not precede, by the English words the use cases name them with. */
const DATE_REFERENCES: Record<string, string> = {
  'the application date': 'application',
  'the notice date': 'notice',
  'the day it was raised': 'objection',
  'the round opened': 'round_opened',
  'the last visit or objection it relies on': 'evidence',
  'the agreement date': 'agreement',
  'the disbursement date': 'disbursement',
  'the approval date': 'approval',
  'the last repayment': 'last_repayment',
};

/** `field` is a date after today. */
export function futureDate(field: string, today: string): ValidationFailed {
  return new ValidationFailed(`must not be in the future (today is ${today})`, field, { rule: 'not_in_future', params: { today } });
}

/** `field` is a date before `earliest`, the date of `what` ("the application date"). */
export function dateTooEarly(field: string, earliest: string, what: string): ValidationFailed {
  return new ValidationFailed(`must not be before ${what} (${earliest})`, field, { rule: 'not_before', params: { reference: DATE_REFERENCES[what] ?? what, date: earliest } });
}

/** `field` is a date after `latest`, the date of `what` ("the application date"). */
export function dateTooLate(field: string, latest: string, what: string): ValidationFailed {
  return new ValidationFailed(`must not be after ${what} (${latest})`, field, { rule: 'not_after', params: { reference: DATE_REFERENCES[what] ?? what, date: latest } });
}

/** `field` (a list filter) is not one of `values`. */
export function notOneOf(field: string, values: readonly string[]): ValidationFailed {
  return new ValidationFailed(`must be one of ${values.join(', ')}`, field, { rule: 'one_of', params: { values: [...values] } });
}
