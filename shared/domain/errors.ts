/**
 * Domain errors: named, carry no HTTP. `shared/http/error-mapper.ts` is the one place
 * that turns them into status codes and `{ error: { code, message, field? } }` bodies.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
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
    super(`${what} ${id} does not exist`);
  }
}

/** The record is not in a state that allows this; the message names what is missing. */
export class Conflict extends DomainError {
  constructor(
    message: string,
    readonly code: string = 'conflict',
  ) {
    super(message);
  }
}

/** Someone else changed the record at the same time; the caller may re-read and retry. */
export class ConcurrentChange extends DomainError {
  readonly code = 'concurrent_change';
  constructor(what = 'the record') {
    super(`${what} was changed by another request at the same time; reload and try again`);
  }
}

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
  ) {
    super(message, 'separation_of_duties');
    this.field = step;
  }
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
