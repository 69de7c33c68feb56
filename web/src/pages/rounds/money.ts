/**
 * A round's money as the committee's form holds it (grants by source, recovered money
 * re-lent, amounts in integer fen) and the API body it makes. Pure: the unit tests run it.
 */
export interface GrantRow {
  source: string;
  amountFen?: number;
}

/** The part of a form that holds a round's money. */
export interface MoneyPart {
  grants: GrantRow[];
  relentFen?: number;
}

export const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBlank = (g: GrantRow) => g.source.trim() === '' && g.amountFen === undefined;

/** New money listed (blank rows left out). */
export const grantsTotal = (grants: GrantRow[]) => grants.reduce((s, g) => s + (isAmount(g.amountFen) ? g.amountFen : 0), 0);

/** The request's money fields from the form's: the grants by source and the capital they make with the re-lent money. */
export function moneyBody({ grants, relentFen }: MoneyPart): { capitalFen: number; grants?: { source: string; amountFen?: number }[]; grantFen?: number } {
  const rows = grants.filter((g) => !isBlank(g));
  const capitalFen = grantsTotal(rows) + (isAmount(relentFen) ? relentFen : 0);
  return rows.length ? { capitalFen, grants: rows.map((g) => ({ source: g.source.trim(), amountFen: g.amountFen })) } : { capitalFen, grantFen: 0 };
}
