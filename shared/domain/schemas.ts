/**
 * The API's shapes, defined once: zod validates requests with them, the domain types are
 * inferred from them, and `shared/http/openapi.ts` turns them into the OpenAPI document.
 * Money is integer fen (fields end in `Fen`); dates are `YYYY-MM-DD`.
 */
import * as z from 'zod/mini';
import { withMeta } from './meta.ts';
import { EXCEPTION_KINDS } from './exception-kinds.ts';
import { isIsoDate } from './dates.ts';
import { isOfficeId, kindsFor, levelOf, OFFICE_KINDS } from './offices.ts';
import { RESIDENT_ID_RULES, residentIdProblem } from './resident-id.ts';
import { codePointName, hiddenCharacter, receiptNoProblem } from './text-rules.ts';

// ---------- building blocks ----------

/** Largest amount the API accepts: 100 million yuan, far above any round's capital. */
export const MAX_FEN = 10_000_000_000;

export const fen = (what: string) =>
  withMeta(
    z
      .int({ error: `${what} must be a whole number of fen (1 yuan = 100 fen)` })
      .check(z.gte(1, { error: `${what} must be at least 1 fen` }), z.lte(MAX_FEN, { error: `${what} must be at most ${MAX_FEN} fen` })),
    { description: `${what}, in integer fen (1 yuan = 100 fen)` },
  );

export const fenOrZero = (what: string) =>
  withMeta(z.int({ error: `${what} must be a whole number of fen` }).check(z.gte(0, { error: `${what} must not be negative` }), z.lte(MAX_FEN, { error: `${what} must be at most ${MAX_FEN} fen` })), {
    description: `${what}, in integer fen`,
  });

export const isoDate = withMeta(z.string().check(z.refine(isIsoDate, { error: 'must be a real calendar date written YYYY-MM-DD (years 1900-2200)', params: { rule: 'date' } })), {
  description: 'calendar date YYYY-MM-DD',
  example: '2026-05-01',
  format: 'date',
});

// Control characters (other than tab/newline) and unpaired surrogates make text unreadable on a form.
// biome-ignore lint/suspicious/noControlCharactersInRegex: this rule exists to find control characters in text
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const text = (max: number) =>
  z.string({ error: 'must be text' }).check(
    z.trim(),
    z.minLength(1, { error: 'must not be empty' }),
    z.maxLength(max, { error: `must be at most ${max} characters` }),
    z.refine((s) => !CONTROL.test(s) && !LONE_SURROGATE.test(s), { error: 'must not contain control characters', params: { rule: 'control_chars' } }),
    z.superRefine((s, ctx) => {
      const hidden = hiddenCharacter(s);
      if (hidden)
        ctx.addIssue({ code: 'custom', message: `must not contain invisible characters (${codePointName(hidden)})`, params: { rule: 'hidden_characters', codePoint: codePointName(hidden) } });
    }),
  );

/**
 * A paper receipt number: hidden characters, spaces, full-width forms and look-alike letters
 * or dashes do not make a new number (`normalizeReceiptNo`, which the receipt key uses); once
 * normalised only letters A–Z, Chinese characters, digits, `-` and `/` are allowed (rule `receipt_characters`).
 */
export const receiptNumber = withMeta(
  text(40).check(
    z.superRefine((s, ctx) => {
      const problem = receiptNoProblem(s);
      if (problem?.rule === 'receipt_characters')
        ctx.addIssue({
          code: 'custom',
          message: `may hold only letters A-Z, Chinese characters, digits, "-" and "/" (not ${problem.characters.join(' ')})`,
          params: { rule: 'receipt_characters', characters: problem.characters },
        });
      else if (problem) ctx.addIssue({ code: 'custom', message: 'must not be empty', params: { rule: 'not_empty' } });
    }),
  ),
  {
    description: 'paper receipt number: letters A-Z, Chinese characters, digits, "-" and "/"; case, spaces, full-width forms and look-alike letters do not make another number',
    example: 'CG-2023-0012',
  },
);

export const personName = withMeta(text(60), { description: 'a person’s name as written on her ID card' });

export const officeId = withMeta(z.string().check(z.refine(isOfficeId, { error: 'must be an office id such as lhasa.chengguan.caigongtang', params: { rule: 'office_id' } })), {
  description: 'dotted office path, committee → district → township → village',
});

export const recordId = withMeta(z.string().check(z.regex(/^[0-9A-Z]{26}$/, { error: 'must be a record id (26 characters)' })), { description: 'record id (ULID)' });

export const residentId = withMeta(
  z
    .pipe(
      z.string({ error: 'must be text' }),
      z.transform((s) => s.trim().toUpperCase()),
    )
    .check(
      z.superRefine((s, ctx) => {
        const problem = residentIdProblem(s);
        if (problem) ctx.addIssue({ code: 'custom', message: RESIDENT_ID_RULES[problem], params: { rule: `resident_id_${problem}` } });
      }),
    ),
  { description: 'Chinese resident ID number, 18 characters, checksum validated' },
);

// ---------- enumerations ----------

export const FamilyPlanningStatus = withMeta(z.enum(['compliant', 'one_child', 'two_daughters', 'violation']), {
  description: 'family-planning status of the household (one-child and two-daughter households have priority; violation is refused)',
});
export type FamilyPlanningStatus = z.infer<typeof FamilyPlanningStatus>;

export const ProjectType = z.enum(['shop', 'transport', 'livestock', 'farming', 'handicraft', 'service', 'other']);
export type ProjectType = z.infer<typeof ProjectType>;

export const ApplicationStatus = z.enum(['submitted', 'approved', 'rejected']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const LoanStatus = z.enum(['approved', 'active', 'overdue', 'repaid', 'written_off']);
export type LoanStatus = z.infer<typeof LoanStatus>;

export const EvaluationKind = z.enum(['midterm', 'yearend', 'final']);
export type EvaluationKind = z.infer<typeof EvaluationKind>;

export const EvaluationMethod = withMeta(z.enum(['talk', 'check', 'look', 'ask']), { description: '谈、查、看、问' });

export const SignatoryParty = z.enum(['committee', 'district', 'township', 'village', 'mother']);

// ---------- requests ----------

/** One grant of new money to a round: where it comes from (a donor, the committee's own funds) and how much. */
export const GrantInput = z.strictObject({
  source: withMeta(text(80), { description: 'where the money comes from: a donor, a foundation, the committee’s own funds' }),
  amountFen: fen('amountFen'),
});
export type GrantInput = z.output<typeof GrantInput>;

/** Grants listed with their sources; their sum is the round's new money (grantFen). */
const grantsField = withMeta(z.optional(z.array(GrantInput).check(z.minLength(1, { error: 'must list at least one grant' }), z.maxLength(10, { error: 'must list at most 10 grants' }))), {
  description: 'the new money granted, by source; their sum is grantFen (give one or the other, or both equal)',
});

/** Grants and grantFen agree, and the grants fit in the capital (shared by RoundInput and the approval of a round request). */
function checkGrants(r: { capitalFen: number; grantFen?: number; grants?: GrantInput[] }, ctx: z.core.$RefinementCtx): void {
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
    grantFen: withMeta(z.optional(fenOrZero('grantFen')), {
      description: 'new money the committee grants with this round; the rest of the capital comes from the district’s recovered funds. Defaults to the sum of `grants`, else to what the fund lacks.',
    }),
    grants: grantsField,
    minLoanFen: z._default(fen('minLoanFen'), 500_000),
    maxLoanFen: z._default(fen('maxLoanFen'), 1_500_000),
    termMonths: z._default(z.int().check(z.gte(1), z.lte(120)), 24),
    evaluationMonths: z._default(z.array(z.int().check(z.gte(1), z.lte(119))).check(z.maxLength(12)), [6, 12]),
    noticeDays: z._default(z.int().check(z.gte(1), z.lte(90)), 7),
  })
  .check(
    z.superRefine((r, ctx) => {
      if (r.minLoanFen > r.maxLoanFen) ctx.addIssue({ code: 'custom', path: ['minLoanFen'], message: 'must not exceed maxLoanFen', params: { rule: 'not_above', other: 'maxLoanFen' } });
      if (r.maxLoanFen > r.capitalFen) ctx.addIssue({ code: 'custom', path: ['maxLoanFen'], message: 'must not exceed capitalFen', params: { rule: 'not_above', other: 'capitalFen' } });
      if (r.grantFen !== undefined && r.grantFen > r.capitalFen)
        ctx.addIssue({ code: 'custom', path: ['grantFen'], message: 'must not exceed capitalFen', params: { rule: 'not_above', other: 'capitalFen' } });
      checkGrants(r, ctx);
      r.evaluationMonths.forEach((m, i) => {
        if (m >= r.termMonths) ctx.addIssue({ code: 'custom', path: ['evaluationMonths', i], message: 'must fall before the end of the term (termMonths)', params: { rule: 'before_term_end' } });
        if (i > 0 && m <= r.evaluationMonths[i - 1]!) ctx.addIssue({ code: 'custom', path: ['evaluationMonths', i], message: 'must be in increasing order', params: { rule: 'increasing' } });
      });
    }),
  );
export type RoundInput = z.output<typeof RoundInput>;

export const MotherInput = z.strictObject({
  name: personName,
  residentId,
  phone: z.optional(z.string().check(z.regex(/^1\d{10}$/, { error: 'must be an 11-digit mobile number' }))),
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
  givenOn: withMeta(isoDate, { description: 'the date she signed the consent form; not after the application date' }),
  takenBy: withMeta(personName, { description: 'the staff member who explained the form to her and took her signature' }),
});
export type ConsentInput = z.output<typeof ConsentInput>;

/**
 * Her choice about text messages (on the consent form): whether she agrees to be told by SMS
 * when money moves and before it is due, and in which language; the number is `mother.phone`.
 */
export const SmsConsentInput = z.strictObject({
  optIn: withMeta(z.boolean(), { description: 'she agrees to receive text messages about her loan' }),
  lang: withMeta(z.enum(['bo', 'zh-CN']), { description: 'the language of her messages: Tibetan or Chinese' }),
});
export type SmsConsentInput = z.output<typeof SmsConsentInput>;

/** A change of her choice, or of her number, recorded by the staff member she told. */
export const SmsPreferenceInput = z.strictObject({
  optIn: z.boolean(),
  lang: z.enum(['bo', 'zh-CN']),
  phone: withMeta(z.optional(z.string().check(z.regex(/^1\d{10}$/, { error: 'must be an 11-digit mobile number' }))), { description: 'a new mobile number; the one on file stays when left out' }),
  reason: withMeta(text(200), { description: 'why: she asked to stop, a new number, …' }),
});
export type SmsPreferenceInput = z.output<typeof SmsPreferenceInput>;

export const ApplicationInput = z.strictObject({
  roundId: recordId,
  submittedOn: withMeta(z.optional(isoDate), { description: 'date on the paper form; defaults to today (records kept on paper may be entered later)' }),
  villageId: officeId,
  mother: MotherInput,
  consent: withMeta(ConsentInput, { description: 'her consent to the processing of her personal information (PIPL), required' }),
  sms: withMeta(z.optional(SmsConsentInput), { description: 'her choice about text messages; none are sent without it (needs mother.phone)' }),
  householdSize: z.int().check(z.gte(1), z.lte(30)),
  householdAnnualIncomeFen: fenOrZero('householdAnnualIncomeFen'),
  villagePerCapitaIncomeFen: fen('villagePerCapitaIncomeFen'),
  familyPlanning: FamilyPlanningStatus,
  project: ProjectPlanInput,
  amountRequestedFen: fen('amountRequestedFen'),
});
export type ApplicationInput = z.output<typeof ApplicationInput>;

export const NoticeInput = z.strictObject({
  postedOn: isoDate,
  days: withMeta(z.optional(z.int().check(z.gte(1), z.lte(90))), { description: 'length of the notice period; defaults to the round’s noticeDays and may not be shorter' }),
  place: z.optional(text(200)),
});
export type NoticeInput = z.output<typeof NoticeInput>;

export const ObjectionInput = z.strictObject({
  raisedOn: isoDate,
  raisedBy: withMeta(z.optional(text(60)), { description: 'who objected; may be left out for an anonymous objection' }),
  content: text(2000),
});
export type ObjectionInput = z.output<typeof ObjectionInput>;

export const ResolutionInput = z.strictObject({
  resolvedOn: isoDate,
  outcome: withMeta(z.enum(['dismissed', 'upheld']), { description: 'upheld objections block approval' }),
  note: text(2000),
});
export type ResolutionInput = z.output<typeof ResolutionInput>;

export const VisitInput = z.strictObject({
  visitedOn: isoDate,
  visitors: z.array(personName).check(z.minLength(1), z.maxLength(10)),
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
    amountApprovedFen: withMeta(z.optional(fen('amountApprovedFen')), { description: 'the amount approved: within the round’s range and at most the amount asked (amountRequestedFen)' }),
    amountFen: withMeta(z.optional(fen('amountFen')), { description: 'the earlier name of amountApprovedFen, still accepted', deprecated: true }),
    note: z.optional(text(2000)),
  })
  .check(
    z.superRefine((d, ctx) => {
      if (d.amountApprovedFen === undefined && d.amountFen === undefined) ctx.addIssue({ code: 'custom', path: ['amountApprovedFen'], message: 'is required', params: { rule: 'required' } });
      if (d.amountApprovedFen !== undefined && d.amountFen !== undefined && d.amountApprovedFen !== d.amountFen)
        ctx.addIssue({ code: 'custom', path: ['amountFen'], message: 'give the approved amount once, as amountApprovedFen', params: { rule: 'amount_given_once' } });
    }),
  );

export const DecisionInput = z.discriminatedUnion('decision', [Approval, z.strictObject({ decision: z.literal('reject'), decidedOn: isoDate, reason: text(2000) })]);
export type DecisionInput = z.output<typeof DecisionInput>;

export const AgreementInput = z.strictObject({
  signedOn: isoDate,
  guarantors: z.strictObject({ townshipHead: personName, villageHead: personName }),
  signatories: z.array(z.strictObject({ party: SignatoryParty, name: personName })).check(
    z.minLength(1),
    z.maxLength(10),
    z.refine((s) => s.some((x) => x.party === 'mother'), { error: 'must include the mother (party "mother")', params: { rule: 'mother_signs' } }),
  ),
});
export type AgreementInput = z.output<typeof AgreementInput>;

export const DisbursementInput = z.strictObject({
  disbursedOn: isoDate,
  amountFen: fen('amountFen'),
  motherPresent: withMeta(z.boolean(), { description: 'the mother came in person to receive the money (required to be true)' }),
  idChecked: withMeta(z.boolean(), { description: 'her resident ID card was checked (required to be true)' }),
  place: z.optional(text(200)),
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
    problems: z.optional(text(2000)),
    actionsUrged: z.optional(text(2000)),
    methods: z.array(EvaluationMethod).check(z.minLength(1), z.maxLength(4)),
    leftPoverty: withMeta(z.optional(z.boolean()), { description: 'required on the final evaluation: did the household leave poverty' }),
  })
  .check(
    z.superRefine((e, ctx) => {
      if (e.kind === 'final' && e.leftPoverty === undefined)
        ctx.addIssue({ code: 'custom', path: ['leftPoverty'], message: 'is required on the final evaluation', params: { rule: 'final_required' } });
      if (e.kind !== 'final' && e.leftPoverty !== undefined)
        ctx.addIssue({ code: 'custom', path: ['leftPoverty'], message: 'is recorded only on the final evaluation', params: { rule: 'final_only' } });
      if (new Set(e.methods).size !== e.methods.length) ctx.addIssue({ code: 'custom', path: ['methods'], message: 'must not repeat a method', params: { rule: 'no_repeats' } });
    }),
  );
export type EvaluationInput = z.output<typeof EvaluationInput>;

export const RepaymentInput = z.strictObject({
  paidOn: isoDate,
  amountFen: fen('amountFen'),
  receiptNo: receiptNumber,
});
export type RepaymentInput = z.output<typeof RepaymentInput>;

export const ListQuery = z.strictObject({
  roundId: z.optional(recordId),
  districtId: z.optional(officeId),
  status: z.optional(z.string()),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
});

export const CollectionQuery = z.strictObject({
  townshipId: withMeta(officeId, { description: 'the township (乡/镇/街道) whose collection list this is' }),
  asOf: withMeta(z.optional(isoDate), { description: 'collection day: loans due in its month and those past due on it; defaults to today' }),
});
export type CollectionQuery = z.output<typeof CollectionQuery>;

export const SearchQuery = z.strictObject({
  q: withMeta(z.string().check(z.trim(), z.minLength(1, { error: 'must not be empty' }), z.maxLength(60, { error: 'must be at most 60 characters' })), {
    description: 'a full resident ID number (18 characters), or the start of the mother’s name',
  }),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 20),
});
export type SearchQuery = z.output<typeof SearchQuery>;

export const OfficeInput = z
  .strictObject({
    id: officeId,
    name: text(60),
    nameEn: z.optional(text(60)),
    kind: withMeta(z.optional(z.enum(OFFICE_KINDS)), {
      description: 'townships: township (乡), town (镇) or subdistrict (街道); villages: village (村) or residents_committee (居委会). Sets the guarantor titles on agreements',
    }),
    abbreviation: withMeta(z.optional(text(8)), { description: 'districts: the short name agreement numbers start with (城关)' }),
  })
  .check(
    z.superRefine((o, ctx) => {
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
    }),
  );
export type OfficeInput = z.output<typeof OfficeInput>;

export const ReportQuery = z.strictObject({
  asOf: withMeta(z.optional(isoDate), { description: 'figures as they stood at the end of this day; defaults to today' }),
  groupBy: withMeta(z._default(z.enum(['district', 'township', 'round', 'year']), 'district'), { description: 'rows per district, township, round, or year of disbursement' }),
  districtId: z.optional(officeId),
  format: z._default(z.enum(['json', 'csv']), 'json'),
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
    grantFen: z.optional(fenOrZero('grantFen')),
    grants: grantsField,
    minLoanFen: z.optional(fen('minLoanFen')),
    maxLoanFen: z.optional(fen('maxLoanFen')),
    termMonths: z.optional(z.int().check(z.gte(1), z.lte(120))),
    noticeDays: z.optional(z.int().check(z.gte(1), z.lte(90))),
  }),
  z.strictObject({ decision: z.literal('reject'), reason: text(2000) }),
]);
export type RoundRequestDecisionInput = z.output<typeof RoundRequestDecisionInput>;

export const RoundRequestListQuery = z.strictObject({
  districtId: z.optional(officeId),
  status: z.optional(z.enum(['pending', 'approved', 'rejected'])),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
});

// ---------- programme settings (controls) ----------

export const SettingsInput = z
  .strictObject({
    separationOfDuties: withMeta(z.optional(z.boolean()), {
      description: 'four eyes: whoever submitted, posted the notice, visited or screened may not approve; whoever approved may not record the disbursement (off: waits for a second committee member)',
    }),
    backDatedAfterDays: withMeta(z.optional(z.int().check(z.gte(0), z.lte(365))), {
      description: 'an entry recorded more than this many days after the date written on it is marked back-dated and reported (longer: waits for a second committee member)',
    }),
    accountOwnerDays: withMeta(z.optional(z.int().check(z.gte(0), z.lte(3650))), {
      description: 'for four eyes, an account created, moved or re-activated by a person counts as that person for this many days (shorter: waits for a second committee member)',
    }),
    revealsPerDay: withMeta(z.optional(z.int().check(z.gte(1), z.lte(1000))), { description: 'full resident-ID reveals one person may ask for per day (more: waits for a second committee member)' }),
    confirmationRequired: withMeta(z.optional(z.boolean()), { description: 'a payout waits for the committee’s confirmation of the loan (审核确定; off: waits for a second committee member)' }),
    retentionYears: withMeta(z.optional(z.int().check(z.gte(10), z.lte(100))), {
      description: 'years a mother’s personal data is kept after her last loan is repaid or written off, then anonymised (shorter: waits for a second committee member)',
    }),
    reason: withMeta(text(500), { description: 'why, in a few words (at least 4 Chinese characters, 3 Tibetan syllables or 3 words): kept in the history and the exceptions report' }),
  })
  .check(
    z.refine((s) => Object.keys(s).some((k) => k !== 'reason'), {
      error: 'is missing: change at least one setting (separationOfDuties, backDatedAfterDays, accountOwnerDays or revealsPerDay)',
      path: ['separationOfDuties'],
    }),
  );
export type SettingsInput = z.output<typeof SettingsInput>;

export const RevealInput = z.strictObject({
  reason: withMeta(text(500), { description: 'why the full resident ID number is needed (kept in the history and the exceptions report)' }),
});
export type RevealInput = z.output<typeof RevealInput>;

export const ExceptionsQuery = z.strictObject({
  asOf: withMeta(z.optional(isoDate), { description: 'exceptions that happened up to the end of this day; defaults to today' }),
  from: withMeta(z.optional(isoDate), { description: 'and from this day on; defaults to the start' }),
  districtId: z.optional(officeId),
  kind: z.optional(z.enum(EXCEPTION_KINDS)),
  format: z._default(z.enum(['json', 'csv']), 'json'),
});
export type ExceptionsQuery = z.output<typeof ExceptionsQuery>;
