/**
 * Small builders shared by the unit tests of the pure domain rules. Not a test file itself
 * (vitest collects only `*.test.ts`).
 */
import type { Actor } from '../../shared/domain/entities.ts';
import type { ScreeningInput } from '../../shared/domain/screening.ts';

export const districtClerk: Actor = { userId: 'u-district', username: 'dawa', role: 'district', officeId: 'lhasa.chengguan' };

/**
 * Runs `act` and returns the error it threw, checking its class, so a test can then look at
 * the error's message, code and field. Fails the test when nothing (or something else) is thrown.
 */
export function errorFrom<E extends Error>(type: new (...args: never[]) => E, act: () => unknown): E {
  try {
    act();
  } catch (error) {
    if (error instanceof type) return error;
    throw new Error(`expected a ${type.name} but got ${String(error)}`);
  }
  throw new Error(`expected a ${type.name} to be thrown, but the call returned normally`);
}

type ScreeningOverrides = {
  application?: Partial<ScreeningInput['application']>;
  project?: Partial<ScreeningInput['application']['project']>;
  visits?: ScreeningInput['visits'];
  round?: Partial<ScreeningInput['round']>;
  earlierLoans?: ScreeningInput['earlierLoans'];
};

/**
 * A mother who passes every screening rule: compliant household of 4 earning 12,000 yuan a
 * year (3,000 per person) in a village averaging 5,000; a livestock plan returning 8,000 a
 * year; 10,000 yuan asked in a round lending 5,000–15,000 over 24 months; two good visits;
 * no earlier loans.
 */
export function screeningInput(o: ScreeningOverrides = {}): ScreeningInput {
  return {
    application: {
      familyPlanning: 'compliant',
      householdSize: 4,
      householdAnnualIncomeFen: 1_200_000,
      villagePerCapitaIncomeFen: 500_000,
      amountRequestedFen: 1_000_000,
      ...o.application,
      project: {
        type: 'livestock',
        description: '养十头牦牛，出售酥油和牦牛奶',
        expectedAnnualReturnFen: 800_000,
        ...o.application?.project,
        ...o.project,
      },
    },
    visits: o.visits ?? [
      { visitedOn: '2026-04-10', willingToWork: true, planCredible: true },
      { visitedOn: '2026-04-20', willingToWork: true, planCredible: true },
    ],
    round: { minLoanFen: 500_000, maxLoanFen: 1_500_000, termMonths: 24, ...o.round },
    earlierLoans: o.earlierLoans ?? [],
  };
}
