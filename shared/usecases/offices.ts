import { Forbidden, ValidationFailed } from '../domain/errors.ts';
import { levelOf, parentOf, type Office } from '../domain/offices.ts';
import { isWithin } from '../domain/offices.ts';
import type { OfficeInput } from '../domain/schemas/offices.ts';
import { keys } from '../store/keys.ts';
import { officeSubtree, stageNewOffice } from '../store/offices.ts';
import { Transaction } from '../store/transaction.ts';
import type { Context } from './context.ts';

/** The caller's office and everything below it, in hierarchy order. */
export async function listOffices(ctx: Context): Promise<{ items: Office[] }> {
  return { items: await officeSubtree(ctx.caller.officeId) };
}

/**
 * addOffice: a committee or district adds an office below one of its own.
 * 1. the parent must lie in the caller's subtree; 2. the parent must exist and the office
 *    must not: both are conditions of the one transaction that writes it (no read before).
 */
export async function addOffice(ctx: Context, input: OfficeInput): Promise<Office> {
  const parentId = parentOf(input.id);
  if (!parentId) throw new ValidationFailed('must name an office below the committee (dotted path)', 'id', { rule: 'office_below_committee' });
  if (!isWithin(parentId, ctx.caller.officeId)) throw new Forbidden(`office ${input.id} would be outside your office ${ctx.caller.officeId}`);
  const office: Office = {
    id: input.id,
    level: levelOf(input.id),
    name: input.name,
    ...(input.nameEn ? { nameEn: input.nameEn } : {}),
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.abbreviation ? { abbreviation: input.abbreviation } : {}),
    parentId,
  };
  const tx = new Transaction().check(keys.office(parentId), {
    expression: 'attribute_exists(pk)',
    onFail: () => new ValidationFailed(`names parent office ${parentId}, which does not exist`, 'id', { rule: 'office_missing', params: { officeId: parentId } }),
  });
  stageNewOffice(tx, office);
  return tx.commit(office, ctx.idempotency);
}
