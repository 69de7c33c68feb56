import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../../shared/domain/entities.ts';
import { perCapitaIncomeFen, priorityScore, REQUIRED_VISITS, screen } from '../../shared/domain/screening.ts';
import { screeningInput } from './domain-fixtures.ts';

const RULE_NAMES = ['family_planning', 'project_plan', 'willing_to_work', 'plan_credible', 'income_below_village', 'amount_in_range', 'capacity_to_repay', 'good_credit'];

function ruleOf(result: { rules: RuleResult[] }, name: string): RuleResult {
  const found = result.rules.find((r) => r.rule === name);
  if (!found) throw new Error(`screening returned no rule ${name}`);
  return found;
}

/** Asserts the rule failed with a reason in both languages, and that it alone failed. */
function expectOnlyFailure(result: ReturnType<typeof screen>, name: string): RuleResult {
  const rule = ruleOf(result, name);
  expect(rule.passed).toBe(false);
  expect(rule.reason.trim()).not.toBe('');
  expect(rule.reasonZh.trim()).not.toBe('');
  expect(result.passed).toBe(false);
  expect(result.rules.filter((r) => !r.passed).map((r) => r.rule)).toEqual([name]);
  return rule;
}

describe('screening of a good applicant', () => {
  it('passes all 8 rules, each with a reason in English and Chinese', () => {
    const result = screen(screeningInput());

    expect(result.passed).toBe(true);
    expect(result.rules.map((r) => r.rule)).toEqual(RULE_NAMES);
    for (const rule of result.rules) {
      expect(rule.passed, rule.rule).toBe(true);
      expect(rule.reason.trim(), rule.rule).not.toBe('');
      expect(rule.reasonZh.trim(), rule.rule).not.toBe('');
    }
  });

  it('requires two household visits', () => {
    expect(REQUIRED_VISITS).toBe(2);
  });
});

describe('family_planning rule', () => {
  it.each(['compliant', 'one_child', 'two_daughters'] as const)('passes a %s household', (familyPlanning) => {
    const result = screen(screeningInput({ application: { familyPlanning } }));

    expect(ruleOf(result, 'family_planning').passed).toBe(true);
  });

  it('refuses a household that violated the family-planning policy', () => {
    const result = screen(screeningInput({ application: { familyPlanning: 'violation' } }));

    const rule = expectOnlyFailure(result, 'family_planning');
    expect(rule.reason).toMatch(/violated/);
    expect(rule.reasonZh).toContain('违反计划生育');
  });
});

describe('project_plan rule', () => {
  it('refuses a plan too short to judge (fewer than 10 characters)', () => {
    const result = screen(screeningInput({ project: { description: '养牦牛卖酥油' } }));

    expect(expectOnlyFailure(result, 'project_plan').reason).toMatch(/too short/);
  });

  it('does not count surrounding spaces towards the 10 characters', () => {
    const result = screen(screeningInput({ project: { description: '   养牦牛卖酥油     ' } }));

    expect(ruleOf(result, 'project_plan').passed).toBe(false);
  });

  it('accepts a plan of exactly 10 characters', () => {
    const result = screen(screeningInput({ project: { description: '养五头牦牛，卖酥油茶' } }));

    expect(ruleOf(result, 'project_plan').passed).toBe(true);
  });

  it('refuses a plan that expects no return', () => {
    const result = screen(screeningInput({ project: { expectedAnnualReturnFen: 0 } }));

    const rule = ruleOf(result, 'project_plan');
    expect(rule.passed).toBe(false);
    expect(rule.reason).toMatch(/no return/);
    expect(rule.reasonZh).not.toBe('');
  });

  it('shows the expected return in yuan when the plan passes', () => {
    const result = screen(screeningInput({ project: { expectedAnnualReturnFen: 800_000 } }));

    expect(ruleOf(result, 'project_plan').reason).toContain('8,000.00 yuan');
  });
});

describe('willing_to_work rule', () => {
  it('fails with fewer than 2 visits, and says how many were logged', () => {
    const result = screen(screeningInput({ visits: [{ visitedOn: '2026-04-10', willingToWork: true, planCredible: true }] }));

    const rule = ruleOf(result, 'willing_to_work');
    expect(rule.passed).toBe(false);
    expect(rule.reason).toContain('1 household visit(s) logged; 2 are required');
    expect(rule.reasonZh).not.toBe('');
  });

  it('fails with no visits at all', () => {
    const result = screen(screeningInput({ visits: [] }));

    expect(ruleOf(result, 'willing_to_work').passed).toBe(false);
    expect(result.passed).toBe(false);
  });

  it('fails when any visit found the household not willing to work, naming that visit', () => {
    const result = screen(
      screeningInput({
        visits: [
          { visitedOn: '2026-04-10', willingToWork: true, planCredible: true },
          { visitedOn: '2026-04-20', willingToWork: false, planCredible: true },
        ],
      }),
    );

    const rule = expectOnlyFailure(result, 'willing_to_work');
    expect(rule.reason).toContain('2026-04-20');
    expect(rule.reasonZh).toContain('2026-04-20');
  });

  it('passes with three visits that all found her willing', () => {
    const visit = { visitedOn: '2026-04-10', willingToWork: true, planCredible: true };
    const result = screen(screeningInput({ visits: [visit, visit, visit] }));

    expect(ruleOf(result, 'willing_to_work').passed).toBe(true);
  });
});

describe('plan_credible rule', () => {
  it('fails with fewer than 2 visits', () => {
    const result = screen(screeningInput({ visits: [{ visitedOn: '2026-04-10', willingToWork: true, planCredible: true }] }));

    const rule = ruleOf(result, 'plan_credible');
    expect(rule.passed).toBe(false);
    expect(rule.reason).not.toBe('');
    expect(rule.reasonZh).not.toBe('');
  });

  it('fails when a visit judged the plan not credible, naming that visit', () => {
    const result = screen(
      screeningInput({
        visits: [
          { visitedOn: '2026-04-10', willingToWork: true, planCredible: false },
          { visitedOn: '2026-04-20', willingToWork: true, planCredible: true },
        ],
      }),
    );

    const rule = expectOnlyFailure(result, 'plan_credible');
    expect(rule.reason).toContain('2026-04-10');
  });
});

describe('income_below_village rule', () => {
  it('passes when income per person is below the village average', () => {
    const result = screen(screeningInput({ application: { householdSize: 4, householdAnnualIncomeFen: 1_999_996, villagePerCapitaIncomeFen: 500_000 } }));

    expect(ruleOf(result, 'income_below_village').passed).toBe(true);
  });

  it('fails when income per person equals the village average (strictly below is required)', () => {
    const result = screen(screeningInput({ application: { householdSize: 4, householdAnnualIncomeFen: 2_000_000, villagePerCapitaIncomeFen: 500_000 } }));

    const rule = expectOnlyFailure(result, 'income_below_village');
    expect(rule.reason).toContain('5,000.00 yuan per person');
    expect(rule.reasonZh).toContain('不低于本村平均');
  });

  it('fails when income per person is above the village average', () => {
    const result = screen(screeningInput({ application: { householdSize: 2, householdAnnualIncomeFen: 1_200_000, villagePerCapitaIncomeFen: 500_000 } }));

    expect(ruleOf(result, 'income_below_village').passed).toBe(false);
  });

  it('divides household income by the number of people', () => {
    expect(perCapitaIncomeFen({ ...screeningInput().application, householdSize: 5, householdAnnualIncomeFen: 1_000_000 })).toBe(200_000);
  });

  it('fails a household whose income per person is half a fen above the average (no rounding in her favour)', () => {
    // 1,000,001 fen / 2 people = 500,000.5 fen per person, above an average of 500,000
    const result = screen(screeningInput({ application: { householdSize: 2, householdAnnualIncomeFen: 1_000_001, villagePerCapitaIncomeFen: 500_000 } }));

    expect(ruleOf(result, 'income_below_village').passed).toBe(false);
  });
});

describe('amount_in_range rule', () => {
  it.each([500_000, 1_000_000, 1_500_000])('passes %i fen, inside the round range 5,000–15,000 yuan (ends included)', (amountRequestedFen) => {
    const result = screen(screeningInput({ application: { amountRequestedFen }, project: { expectedAnnualReturnFen: 1_000_000 } }));

    expect(ruleOf(result, 'amount_in_range').passed).toBe(true);
  });

  it('fails an amount one fen below the round minimum', () => {
    const result = screen(screeningInput({ application: { amountRequestedFen: 499_999 } }));

    const rule = expectOnlyFailure(result, 'amount_in_range');
    expect(rule.reason).toContain('4,999.99 yuan is outside the round');
    expect(rule.reason).toContain('5,000.00–15,000.00');
    expect(rule.reasonZh).toContain('超出');
  });

  it('fails an amount one fen above the round maximum', () => {
    const result = screen(screeningInput({ application: { amountRequestedFen: 1_500_001 }, project: { expectedAnnualReturnFen: 1_000_000 } }));

    expect(expectOnlyFailure(result, 'amount_in_range').reason).toContain('15,000.01');
  });
});

describe('capacity_to_repay rule', () => {
  it('passes when the return over the term exactly covers the loan (return × months / 12 = amount)', () => {
    // 500,000 fen a year × 24 / 12 = 1,000,000 fen
    const result = screen(screeningInput({ application: { amountRequestedFen: 1_000_000 }, project: { expectedAnnualReturnFen: 500_000 } }));

    expect(ruleOf(result, 'capacity_to_repay').passed).toBe(true);
  });

  it('fails when the return over the term falls one fen short', () => {
    const result = screen(screeningInput({ application: { amountRequestedFen: 1_000_001 }, project: { expectedAnnualReturnFen: 500_000 } }));

    const rule = expectOnlyFailure(result, 'capacity_to_repay');
    expect(rule.reason).toContain('does not cover');
    expect(rule.reasonZh).toContain('不足以归还');
  });

  it('counts the term length: the same return covers a 24-month loan but not a 12-month one', () => {
    const input = { application: { amountRequestedFen: 1_000_000 }, project: { expectedAnnualReturnFen: 600_000 } };

    const twoYears = screen(screeningInput({ ...input, round: { termMonths: 24 } }));
    const oneYear = screen(screeningInput({ ...input, round: { termMonths: 12 } }));

    expect(ruleOf(twoYears, 'capacity_to_repay').passed).toBe(true);
    expect(ruleOf(oneYear, 'capacity_to_repay').passed).toBe(false);
  });

  it('handles a term that is not a whole number of years (18 months)', () => {
    // 666,667 × 18 / 12 = 1,000,000.5 ≥ 1,000,000; 666,666 × 18 / 12 = 999,999 < 1,000,000
    const enough = screen(screeningInput({ application: { amountRequestedFen: 1_000_000 }, project: { expectedAnnualReturnFen: 666_667 }, round: { termMonths: 18 } }));
    const short = screen(screeningInput({ application: { amountRequestedFen: 1_000_000 }, project: { expectedAnnualReturnFen: 666_666 }, round: { termMonths: 18 } }));

    expect(ruleOf(enough, 'capacity_to_repay').passed).toBe(true);
    expect(ruleOf(short, 'capacity_to_repay').passed).toBe(false);
  });
});

describe('good_credit rule', () => {
  it('passes a first-time borrower', () => {
    const result = screen(screeningInput({ earlierLoans: [] }));

    expect(ruleOf(result, 'good_credit').reason).toContain('first loan');
    expect(ruleOf(result, 'good_credit').passed).toBe(true);
  });

  it('passes a mother whose earlier loans are all repaid', () => {
    const result = screen(
      screeningInput({
        earlierLoans: [
          { id: 'L1', status: 'repaid', balanceFen: 0 },
          { id: 'L2', status: 'repaid', balanceFen: 0 },
        ],
      }),
    );

    const rule = ruleOf(result, 'good_credit');
    expect(rule.passed).toBe(true);
    expect(rule.reason).toContain('all 2 earlier loan(s) repaid');
  });

  it('fails a mother with an earlier loan still being repaid, naming the loan', () => {
    const result = screen(
      screeningInput({
        earlierLoans: [
          { id: 'L1', status: 'repaid', balanceFen: 0 },
          { id: 'L2', status: 'active', balanceFen: 300_000 },
        ],
      }),
    );

    const rule = expectOnlyFailure(result, 'good_credit');
    expect(rule.reason).toContain('L2');
    expect(rule.reasonZh).toContain('L2');
  });

  it('fails a mother who already has an approved loan not yet paid out', () => {
    const result = screen(screeningInput({ earlierLoans: [{ id: 'L3', status: 'approved', balanceFen: 1_000_000 }] }));

    expect(ruleOf(result, 'good_credit').passed).toBe(false);
  });
});

describe('priorityScore', () => {
  it.each(['one_child', 'two_daughters'] as const)('gives a %s household 30 more points than a compliant one', (familyPlanning) => {
    const compliant = priorityScore(screeningInput({ application: { familyPlanning: 'compliant' } }));

    const priority = priorityScore(screeningInput({ application: { familyPlanning } }));

    expect(priority - compliant).toBe(30);
  });

  it('ranks the poorer of two otherwise equal households higher', () => {
    const poorer = priorityScore(screeningInput({ application: { householdSize: 4, householdAnnualIncomeFen: 400_000 } }));
    const lessPoor = priorityScore(screeningInput({ application: { householdSize: 4, householdAnnualIncomeFen: 1_600_000 } }));

    expect(poorer).toBeGreaterThan(lessPoor);
  });

  it('gives no poverty points to a household at or above the village average', () => {
    const atAverage = priorityScore(screeningInput({ application: { householdSize: 4, householdAnnualIncomeFen: 2_000_000 } }));
    const above = priorityScore(screeningInput({ application: { householdSize: 4, householdAnnualIncomeFen: 4_000_000 } }));

    expect(above).toBe(atAverage);
  });

  it('gives a first-time borrower 10 more points than one who borrowed and repaid before', () => {
    const returning = priorityScore(screeningInput({ earlierLoans: [{ id: 'L1', status: 'repaid', balanceFen: 0 }] }));

    const firstTime = priorityScore(screeningInput({ earlierLoans: [] }));

    expect(firstTime - returning).toBe(10);
  });

  it('scores exactly 100 for the highest-priority applicant and never more', () => {
    const score = priorityScore(
      screeningInput({
        application: { familyPlanning: 'one_child', householdAnnualIncomeFen: 0, amountRequestedFen: 500_000 },
        project: { expectedAnnualReturnFen: 10_000_000_000 },
        earlierLoans: [],
      }),
    );

    expect(score).toBe(100);
  });

  it('scores 0 for a returning borrower above the village average with a plan that returns nothing', () => {
    const score = priorityScore(
      screeningInput({
        application: { familyPlanning: 'compliant', householdSize: 1, householdAnnualIncomeFen: 900_000 },
        project: { expectedAnnualReturnFen: 0 },
        earlierLoans: [{ id: 'L1', status: 'repaid', balanceFen: 0 }],
      }),
    );

    expect(score).toBe(0);
  });

  it('is a whole number even when the fractions do not divide evenly', () => {
    const score = priorityScore(
      screeningInput({
        application: { householdSize: 3, householdAnnualIncomeFen: 1_000_000, villagePerCapitaIncomeFen: 700_001, amountRequestedFen: 999_999 },
        project: { expectedAnnualReturnFen: 333_333 },
      }),
    );

    expect(Number.isInteger(score)).toBe(true);
  });

  it('is the score screen() reports', () => {
    const input = screeningInput({ application: { familyPlanning: 'two_daughters' } });

    expect(screen(input).priorityScore).toBe(priorityScore(input));
  });

  it('gives a household that violated the policy no family-planning points, but still reports a score', () => {
    const compliant = screen(screeningInput({ application: { familyPlanning: 'compliant' } }));

    const violation = screen(screeningInput({ application: { familyPlanning: 'violation' } }));

    expect(violation.passed).toBe(false);
    expect(violation.priorityScore).toBe(compliant.priorityScore);
  });
});
