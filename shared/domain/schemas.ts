/**
 * The API's shapes, defined once: zod validates requests with them, the domain types are
 * inferred from them, and `shared/http/openapi.ts` turns them into the OpenAPI document.
 * Money is integer fen (fields end in `Fen`); dates are `YYYY-MM-DD`.
 */
import * as z from 'zod';
import { EXCEPTION_KINDS } from './exception-kinds.ts';
import { isIsoDate } from './dates.ts';
import { isOfficeId, kindsFor, levelOf, OFFICE_KINDS } from './offices.ts';
import { RESIDENT_ID_RULES, residentIdProblem } from './resident-id.ts';
import { codePointName, hiddenCharacter, receiptNoProblem } from './text-rules.ts';

// ---------- building blocks ----------

/** Largest amount the API accepts: 100 million yuan, far above any round's capital. */
export const MAX_FEN = 10_000_000_000;

export const fen = (what: string) =>
  z
    .int({ error: `${what} must be a whole number of fen (1 yuan = 100 fen)` })
    .min(1, { error: `${what} must be at least 1 fen` })
    .max(MAX_FEN, { error: `${what} must be at most ${MAX_FEN} fen` })
    .meta({ description: `${what}, in integer fen (1 yuan = 100 fen)` });

export const fenOrZero = (what: string) =>
  z
    .int({ error: `${what} must be a whole number of fen` })
    .min(0, { error: `${what} must not be negative` })
    .max(MAX_FEN, { error: `${what} must be at most ${MAX_FEN} fen` })
    .meta({ description: `${what}, in integer fen` });

export const isoDate = z
  .string()
  .refine(isIsoDate, { error: 'must be a real calendar date written YYYY-MM-DD (years 1900-2200)', params: { rule: 'date' } })
  .meta({ description: 'calendar date YYYY-MM-DD', example: '2026-05-01', format: 'date' });

// Control characters (other than tab/newline) and unpaired surrogates make text unreadable on a form.
// biome-ignore lint/suspicious/noControlCharactersInRegex: this rule exists to find control characters in text
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const text = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` })
    .refine((s) => !CONTROL.test(s) && !LONE_SURROGATE.test(s), { error: 'must not contain control characters', params: { rule: 'control_chars' } })
    .superRefine((s, ctx) => {
      const hidden = hiddenCharacter(s);
      if (hidden)
        ctx.addIssue({ code: 'custom', message: `must not contain invisible characters (${codePointName(hidden)})`, params: { rule: 'hidden_characters', codePoint: codePointName(hidden) } });
    });

/**
 * A paper receipt number: hidden characters, spaces, full-width forms and look-alike letters
 * or dashes do not make a new number (`normalizeReceiptNo`, which the receipt key uses); once
 * normalised only letters A–Z, Chinese characters, digits, `-` and `/` are allowed (rule `receipt_characters`).
 */
export const receiptNumber = text(40)
  .superRefine((s, ctx) => {
    const problem = receiptNoProblem(s);
    if (problem?.rule === 'receipt_characters')
      ctx.addIssue({
        code: 'custom',
        message: `may hold only letters A-Z, Chinese characters, digits, "-" and "/" (not ${problem.characters.join(' ')})`,
        params: { rule: 'receipt_characters', characters: problem.characters },
      });
    else if (problem) ctx.addIssue({ code: 'custom', message: 'must not be empty', params: { rule: 'not_empty' } });
  })
  .meta({
    description: 'paper receipt number: letters A-Z, Chinese characters, digits, "-" and "/"; case, spaces, full-width forms and look-alike letters do not make another number',
    example: 'CG-2023-0012',
  });

export const personName = text(60).meta({ description: 'a person’s name as written on her ID card' });

export const officeId = z
  .string()
  .refine(isOfficeId, { error: 'must be an office id such as lhasa.chengguan.caigongtang', params: { rule: 'office_id' } })
  .meta({ description: 'dotted office path, committee → district → township → village' });

export const recordId = z
  .string()
  .regex(/^[0-9A-Z]{26}$/, { error: 'must be a record id (26 characters)' })
  .meta({ description: 'record id (ULID)' });

export const residentId = z
  .string({ error: 'must be text' })
  .transform((s) => s.trim().toUpperCase())
  .superRefine((s, ctx) => {
    const problem = residentIdProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: RESIDENT_ID_RULES[problem], params: { rule: `resident_id_${problem}` } });
  })
  .meta({ description: 'Chinese resident ID number, 18 characters, checksum validated' });

// ---------- enumerations ----------

export const FamilyPlanningStatus = z
  .enum(['compliant', 'one_child', 'two_daughters', 'violation'])
  .meta({ description: 'family-planning status of the household (one-child and two-daughter households have priority; violation is refused)' });
export type FamilyPlanningStatus = z.infer<typeof FamilyPlanningStatus>;

export const ProjectType = z.enum(['shop', 'transport', 'livestock', 'farming', 'handicraft', 'service', 'other']);
export type ProjectType = z.infer<typeof ProjectType>;

export const ApplicationStatus = z.enum(['submitted', 'approved', 'rejected']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const LoanStatus = z.enum(['approved', 'active', 'overdue', 'repaid', 'written_off']);
export type LoanStatus = z.infer<typeof LoanStatus>;

export const EvaluationKind = z.enum(['midterm', 'yearend', 'final']);
export type EvaluationKind = z.infer<typeof EvaluationKind>;

export const EvaluationMethod = z.enum(['talk', 'check', 'look', 'ask']).meta({ description: '谈、查、看、问' });

export const SignatoryParty = z.enum(['committee', 'district', 'township', 'village', 'mother']);

// ---------- requests ----------

/** One grant of new money to a round: where it comes from (a donor, the committee's own funds) and how much. */
export const GrantInput = z.strictObject({
  source: text(80).meta({ description: 'where the money comes from: a donor, a foundation, the committee’s own funds' }),
  amountFen: fen('amountFen'),
});
export type GrantInput = z.output<typeof GrantInput>;

/** Grants listed with their sources; their sum is the round's new money (grantFen). */
const grantsField = z
  .array(GrantInput)
  .min(1, { error: 'must list at least one grant' })
  .max(10, { error: 'must list at most 10 grants' })
  .optional()
  .meta({ description: 'the new money granted, by source; their sum is grantFen (give one or the other, or both equal)' });

/** Grants and grantFen agree, and the grants fit in the capital (shared by RoundInput and the approval of a round request). */
function checkGrants(r: { capitalFen: number; grantFen?: number; grants?: GrantInput[] }, ctx: z.RefinementCtx): void {
  if (!r.grants) return;
  const sum = r.grants.reduce((s, g) => s + g.amountFen, 0);
  if (r.grantFen !== undefined && r.grantFen !== sum)
    ctx.addIssue({ code: 'custom', path: ['grantFen'], message: `must equal the sum of the grants (${sum} fen)`, params: { rule: 'sum_of', other: 'grants', sumFen: sum } });
  if (sum > r.capitalFen) ctx.addIssue({ code: 'custom', path: ['grants'], message: 'must not exceed capitalFen in total', params: { rule: 'not_above', other: 'capitalFen' } });
}

/** The new money of a round: the sum of its grants when listed, else grantFen as given. */
export const grantTotal = (r: { grantFen?: number; grants?: GrantInput[] }): number | undefined => (r.grants ? r.grants.reduce((s, g) => s + g.amountFen, 0) : r.grantFen);

export const RoundInput = z
  .strictObject({
    districtId: officeId,
    name: text(80),
    openedOn: isoDate,
    capitalFen: fen('capitalFen'),
    grantFen: fenOrZero('grantFen').optional().meta({
      description: 'new money the committee grants with this round; the rest of the capital comes from the district’s recovered funds. Defaults to the sum of `grants`, else to what the fund lacks.',
    }),
    grants: grantsField,
    minLoanFen: fen('minLoanFen').default(500_000),
    maxLoanFen: fen('maxLoanFen').default(1_500_000),
    termMonths: z.int().min(1).max(120).default(24),
    evaluationMonths: z.array(z.int().min(1).max(119)).max(12).default([6, 12]),
    noticeDays: z.int().min(1).max(90).default(7),
  })
  .superRefine((r, ctx) => {
    if (r.minLoanFen > r.maxLoanFen) ctx.addIssue({ code: 'custom', path: ['minLoanFen'], message: 'must not exceed maxLoanFen', params: { rule: 'not_above', other: 'maxLoanFen' } });
    if (r.maxLoanFen > r.capitalFen) ctx.addIssue({ code: 'custom', path: ['maxLoanFen'], message: 'must not exceed capitalFen', params: { rule: 'not_above', other: 'capitalFen' } });
    if (r.grantFen !== undefined && r.grantFen > r.capitalFen)
      ctx.addIssue({ code: 'custom', path: ['grantFen'], message: 'must not exceed capitalFen', params: { rule: 'not_above', other: 'capitalFen' } });
    checkGrants(r, ctx);
    r.evaluationMonths.forEach((m, i) => {
      if (m >= r.termMonths) ctx.addIssue({ code: 'custom', path: ['evaluationMonths', i], message: 'must fall before the end of the term (termMonths)', params: { rule: 'before_term_end' } });
      if (i > 0 && m <= r.evaluationMonths[i - 1]!) ctx.addIssue({ code: 'custom', path: ['evaluationMonths', i], message: 'must be in increasing order', params: { rule: 'increasing' } });
    });
  });
export type RoundInput = z.output<typeof RoundInput>;

export const MotherInput = z.strictObject({
  name: personName,
  residentId,
  phone: z
    .string()
    .regex(/^1\d{10}$/, { error: 'must be an 11-digit mobile number' })
    .optional(),
});

export const ProjectPlanInput = z.strictObject({
  type: ProjectType,
  description: text(2000),
  expectedAnnualReturnFen: fenOrZero('expectedAnnualReturnFen'),
});

/**
 * The mother's consent to the processing of her personal information (PIPL arts. 14 and 29:
 * her resident ID number is sensitive personal information and needs her separate consent),
 * signed on paper before her data is recorded; an application without it is refused.
 */
export const ConsentInput = z.strictObject({
  givenOn: isoDate.meta({ description: 'the date she signed the consent form; not after the application date' }),
  takenBy: personName.meta({ description: 'the staff member who explained the form to her and took her signature' }),
});
export type ConsentInput = z.output<typeof ConsentInput>;

/**
 * Her choice about text messages (on the consent form): whether she agrees to be told by SMS
 * when money moves and before it is due, and in which language; the number is `mother.phone`.
 */
export const SmsConsentInput = z.strictObject({
  optIn: z.boolean().meta({ description: 'she agrees to receive text messages about her loan' }),
  lang: z.enum(['bo', 'zh-CN']).meta({ description: 'the language of her messages: Tibetan or Chinese' }),
});
export type SmsConsentInput = z.output<typeof SmsConsentInput>;

/** A change of her choice, or of her number, recorded by the staff member she told. */
export const SmsPreferenceInput = z.strictObject({
  optIn: z.boolean(),
  lang: z.enum(['bo', 'zh-CN']),
  phone: z
    .string()
    .regex(/^1\d{10}$/, { error: 'must be an 11-digit mobile number' })
    .optional()
    .meta({ description: 'a new mobile number; the one on file stays when left out' }),
  reason: text(200).meta({ description: 'why: she asked to stop, a new number, …' }),
});
export type SmsPreferenceInput = z.output<typeof SmsPreferenceInput>;

export const ApplicationInput = z.strictObject({
  roundId: recordId,
  submittedOn: isoDate.optional().meta({ description: 'date on the paper form; defaults to today (records kept on paper may be entered later)' }),
  villageId: officeId,
  mother: MotherInput,
  consent: ConsentInput.meta({ description: 'her consent to the processing of her personal information (PIPL), required' }),
  sms: SmsConsentInput.optional().meta({ description: 'her choice about text messages; none are sent without it (needs mother.phone)' }),
  householdSize: z.int().min(1).max(30),
  householdAnnualIncomeFen: fenOrZero('householdAnnualIncomeFen'),
  villagePerCapitaIncomeFen: fen('villagePerCapitaIncomeFen'),
  familyPlanning: FamilyPlanningStatus,
  project: ProjectPlanInput,
  amountRequestedFen: fen('amountRequestedFen'),
});
export type ApplicationInput = z.output<typeof ApplicationInput>;

export const NoticeInput = z.strictObject({
  postedOn: isoDate,
  days: z.int().min(1).max(90).optional().meta({ description: 'length of the notice period; defaults to the round’s noticeDays and may not be shorter' }),
  place: text(200).optional(),
});
export type NoticeInput = z.output<typeof NoticeInput>;

export const ObjectionInput = z.strictObject({
  raisedOn: isoDate,
  raisedBy: text(60).optional().meta({ description: 'who objected; may be left out for an anonymous objection' }),
  content: text(2000),
});
export type ObjectionInput = z.output<typeof ObjectionInput>;

export const ResolutionInput = z.strictObject({
  resolvedOn: isoDate,
  outcome: z.enum(['dismissed', 'upheld']).meta({ description: 'upheld objections block approval' }),
  note: text(2000),
});
export type ResolutionInput = z.output<typeof ResolutionInput>;

export const VisitInput = z.strictObject({
  visitedOn: isoDate,
  visitors: z.array(personName).min(1).max(10),
  willingToWork: z.boolean(),
  planCredible: z.boolean(),
  notes: text(4000),
});
export type VisitInput = z.output<typeof VisitInput>;

/** Approval names the amount approved: an amount within the round's range, up to the amount asked. */
const Approval = z
  .strictObject({
    decision: z.literal('approve'),
    decidedOn: isoDate,
    amountApprovedFen: fen('amountApprovedFen').optional().meta({ description: 'the amount approved: within the round’s range and at most the amount asked (amountRequestedFen)' }),
    amountFen: fen('amountFen').optional().meta({ description: 'the earlier name of amountApprovedFen, still accepted', deprecated: true }),
    note: text(2000).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.amountApprovedFen === undefined && d.amountFen === undefined) ctx.addIssue({ code: 'custom', path: ['amountApprovedFen'], message: 'is required', params: { rule: 'required' } });
    if (d.amountApprovedFen !== undefined && d.amountFen !== undefined && d.amountApprovedFen !== d.amountFen)
      ctx.addIssue({ code: 'custom', path: ['amountFen'], message: 'give the approved amount once, as amountApprovedFen', params: { rule: 'amount_given_once' } });
  });

export const DecisionInput = z.discriminatedUnion('decision', [Approval, z.strictObject({ decision: z.literal('reject'), decidedOn: isoDate, reason: text(2000) })]);
export type DecisionInput = z.output<typeof DecisionInput>;

export const AgreementInput = z.strictObject({
  signedOn: isoDate,
  guarantors: z.strictObject({ townshipHead: personName, villageHead: personName }),
  signatories: z
    .array(z.strictObject({ party: SignatoryParty, name: personName }))
    .min(1)
    .max(10)
    .refine((s) => s.some((x) => x.party === 'mother'), { error: 'must include the mother (party "mother")', params: { rule: 'mother_signs' } }),
});
export type AgreementInput = z.output<typeof AgreementInput>;

export const DisbursementInput = z.strictObject({
  disbursedOn: isoDate,
  amountFen: fen('amountFen'),
  motherPresent: z.boolean().meta({ description: 'the mother came in person to receive the money (required to be true)' }),
  idChecked: z.boolean().meta({ description: 'her resident ID card was checked (required to be true)' }),
  place: text(200).optional(),
});
export type DisbursementInput = z.output<typeof DisbursementInput>;

export const EvaluationInput = z
  .strictObject({
    kind: EvaluationKind,
    evaluatedOn: isoDate,
    fundUse: text(2000),
    progress: text(2000),
    operatingState: text(2000),
    incomeToDateFen: fenOrZero('incomeToDateFen'),
    forecastFen: fenOrZero('forecastFen'),
    problems: text(2000).optional(),
    actionsUrged: text(2000).optional(),
    methods: z.array(EvaluationMethod).min(1).max(4),
    leftPoverty: z.boolean().optional().meta({ description: 'required on the final evaluation: did the household leave poverty' }),
  })
  .superRefine((e, ctx) => {
    if (e.kind === 'final' && e.leftPoverty === undefined) ctx.addIssue({ code: 'custom', path: ['leftPoverty'], message: 'is required on the final evaluation', params: { rule: 'final_required' } });
    if (e.kind !== 'final' && e.leftPoverty !== undefined) ctx.addIssue({ code: 'custom', path: ['leftPoverty'], message: 'is recorded only on the final evaluation', params: { rule: 'final_only' } });
    if (new Set(e.methods).size !== e.methods.length) ctx.addIssue({ code: 'custom', path: ['methods'], message: 'must not repeat a method', params: { rule: 'no_repeats' } });
  });
export type EvaluationInput = z.output<typeof EvaluationInput>;

export const RepaymentInput = z.strictObject({
  paidOn: isoDate,
  amountFen: fen('amountFen'),
  receiptNo: receiptNumber,
});
export type RepaymentInput = z.output<typeof RepaymentInput>;

export const ListQuery = z.strictObject({
  roundId: recordId.optional(),
  districtId: officeId.optional(),
  status: z.string().optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const CollectionQuery = z.strictObject({
  townshipId: officeId.meta({ description: 'the township (乡/镇/街道) whose collection list this is' }),
  asOf: isoDate.optional().meta({ description: 'collection day: loans due in its month and those past due on it; defaults to today' }),
});
export type CollectionQuery = z.output<typeof CollectionQuery>;

export const SearchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(60, { error: 'must be at most 60 characters' })
    .meta({ description: 'a full resident ID number (18 characters), or the start of the mother’s name' }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.output<typeof SearchQuery>;

export const OfficeInput = z
  .strictObject({
    id: officeId,
    name: text(60),
    nameEn: text(60).optional(),
    kind: z
      .enum(OFFICE_KINDS)
      .optional()
      .meta({ description: 'townships: township (乡), town (镇) or subdistrict (街道); villages: village (村) or residents_committee (居委会). Sets the guarantor titles on agreements' }),
    abbreviation: text(8).optional().meta({ description: 'districts: the short name agreement numbers start with (城关)' }),
  })
  .superRefine((o, ctx) => {
    if (!isOfficeId(o.id)) return;
    const level = levelOf(o.id);
    if (o.kind && !kindsFor(level).includes(o.kind))
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: `must be one of ${kindsFor(level).join(', ') || '(none)'} for a ${level} office`,
        params: { rule: 'one_of', values: [...kindsFor(level)] },
      });
    if (o.abbreviation && level !== 'district') ctx.addIssue({ code: 'custom', path: ['abbreviation'], message: 'is given to district offices only', params: { rule: 'district_only' } });
  });
export type OfficeInput = z.output<typeof OfficeInput>;

export const ReportQuery = z.strictObject({
  asOf: isoDate.optional().meta({ description: 'figures as they stood at the end of this day; defaults to today' }),
  groupBy: z.enum(['district', 'township', 'round', 'year']).default('district').meta({ description: 'rows per district, township, round, or year of disbursement' }),
  districtId: officeId.optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export type ReportQuery = z.output<typeof ReportQuery>;

export const WriteOffInput = z.strictObject({
  writtenOffOn: isoDate,
  reason: text(2000),
});
export type WriteOffInput = z.output<typeof WriteOffInput>;

export const CloseRoundInput = z.strictObject({
  closedOn: isoDate,
});
export type CloseRoundInput = z.output<typeof CloseRoundInput>;

export const RoundRequestInput = z.strictObject({
  name: text(80),
  requestedOn: isoDate,
  capitalFen: fen('capitalFen'),
  reason: text(2000),
});
export type RoundRequestInput = z.output<typeof RoundRequestInput>;

export const RoundRequestDecisionInput = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('approve'),
    openedOn: isoDate,
    capitalFen: fen('capitalFen'),
    grantFen: fenOrZero('grantFen').optional(),
    grants: grantsField,
    minLoanFen: fen('minLoanFen').optional(),
    maxLoanFen: fen('maxLoanFen').optional(),
    termMonths: z.int().min(1).max(120).optional(),
    noticeDays: z.int().min(1).max(90).optional(),
  }),
  z.strictObject({ decision: z.literal('reject'), reason: text(2000) }),
]);
export type RoundRequestDecisionInput = z.output<typeof RoundRequestDecisionInput>;

export const RoundRequestListQuery = z.strictObject({
  districtId: officeId.optional(),
  status: z.enum(['pending', 'approved', 'rejected']).optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

// ---------- programme settings (controls) ----------

export const SettingsInput = z
  .strictObject({
    separationOfDuties: z.boolean().optional().meta({
      description: 'four eyes: whoever submitted, posted the notice, visited or screened may not approve; whoever approved may not record the disbursement (off: waits for a second committee member)',
    }),
    backDatedAfterDays: z
      .int()
      .min(0)
      .max(365)
      .optional()
      .meta({ description: 'an entry recorded more than this many days after the date written on it is marked back-dated and reported (longer: waits for a second committee member)' }),
    accountOwnerDays: z
      .int()
      .min(0)
      .max(3650)
      .optional()
      .meta({ description: 'for four eyes, an account created, moved or re-activated by a person counts as that person for this many days (shorter: waits for a second committee member)' }),
    revealsPerDay: z.int().min(1).max(1000).optional().meta({ description: 'full resident-ID reveals one person may ask for per day (more: waits for a second committee member)' }),
    confirmationRequired: z.boolean().optional().meta({ description: 'a payout waits for the committee’s confirmation of the loan (审核确定; off: waits for a second committee member)' }),
    retentionYears: z
      .int()
      .min(10)
      .max(100)
      .optional()
      .meta({ description: 'years a mother’s personal data is kept after her last loan is repaid or written off, then anonymised (shorter: waits for a second committee member)' }),
    reason: text(500).meta({ description: 'why, in a few words (at least 4 Chinese characters, 3 Tibetan syllables or 3 words): kept in the history and the exceptions report' }),
  })
  .refine((s) => Object.keys(s).some((k) => k !== 'reason'), {
    error: 'is missing: change at least one setting (separationOfDuties, backDatedAfterDays, accountOwnerDays or revealsPerDay)',
    path: ['separationOfDuties'],
  });
export type SettingsInput = z.output<typeof SettingsInput>;

export const RevealInput = z.strictObject({
  reason: text(500).meta({ description: 'why the full resident ID number is needed (kept in the history and the exceptions report)' }),
});
export type RevealInput = z.output<typeof RevealInput>;

export const ExceptionsQuery = z.strictObject({
  asOf: isoDate.optional().meta({ description: 'exceptions that happened up to the end of this day; defaults to today' }),
  from: isoDate.optional().meta({ description: 'and from this day on; defaults to the start' }),
  districtId: officeId.optional(),
  kind: z.enum(EXCEPTION_KINDS).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export type ExceptionsQuery = z.output<typeof ExceptionsQuery>;
