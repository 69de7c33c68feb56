/**
 * The revolving fund of a district (`FUND#{districtId}`): counters moved in the same
 * transactions as the money. availableFen is what the district may still put into a new
 * round: grants plus recoveries, less the capital of its rounds that is not yet paid back.
 */
import { Conflict, type DomainError } from '../domain/errors.ts';
import { formatYuan } from '../domain/money.ts';
import { getRecord } from './records.ts';
import type { Transaction } from './transaction.ts';

export interface FundCounters {
  grantedFen: number;
  availableFen: number;
  disbursedFen: number;
  recoveredFen: number;
  writtenOffFen: number;
  roundsOpened: number;
}

export const fundKey = (districtId: string) => ({ pk: `FUND#${districtId}`, sk: 'FUND' });

export async function getFund(districtId: string): Promise<FundCounters> {
  const item = await getRecord<Partial<FundCounters>>(fundKey(districtId));
  return { grantedFen: 0, availableFen: 0, disbursedFen: 0, recoveredFen: 0, writtenOffFen: 0, roundsOpened: 0, ...item };
}

/** Adds to the fund's counters; taking from availableFen is conditioned on enough being there. */
export function stageFund(tx: Transaction, districtId: string, change: Partial<FundCounters>, onInsufficient?: () => DomainError): void {
  const entries = (Object.entries(change) as [keyof FundCounters, number][]).filter(([, v]) => v !== 0);
  if (!entries.length) return;
  const taking = -(change.availableFen ?? 0);
  tx.update(
    fundKey(districtId),
    {
      expression: `ADD ${entries.map(([k]) => `#${k} :${k}`).join(', ')}`,
      names: Object.fromEntries(entries.map(([k]) => [`#${k}`, k])),
      values: Object.fromEntries(entries.map(([k, v]) => [`:${k}`, v])),
    },
    taking > 0
      ? {
          expression: '#availableFen >= :taking',
          values: { ':taking': taking },
          onFail:
            onInsufficient ??
            (() =>
              new Conflict(`the district's fund has less than ${formatYuan(taking)} yuan available to re-lend; the committee must grant the difference (grantFen)`, 'fund_insufficient', {
                amountFen: taking,
              })),
        }
      : undefined,
  );
}
