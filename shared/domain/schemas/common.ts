/**
 * The building blocks of the API's requests (money, dates, text, names, ids) and the
 * enumerations the answers share. (Part of `../schemas.ts`; a function's route table imports
 * only its own areas' parts, so that its bundle holds only its own schemas.)
 * Money is integer fen (fields end in `Fen`); dates are `YYYY-MM-DD`.
 */
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { isIsoDate } from '../dates.ts';
import { isOfficeId } from '../offices.ts';
import { codePointName, hiddenCharacter } from '../text-rules.ts';

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

export const personName = /* @__PURE__ */ withMeta(/* @__PURE__ */ text(60), { description: 'a person’s name as written on her ID card' });

export const officeId = withMeta(z.string().check(z.refine(isOfficeId, { error: 'must be an office id such as lhasa.chengguan.caigongtang', params: { rule: 'office_id' } })), {
  description: 'dotted office path, committee → district → township → village',
});

export const recordId = withMeta(z.string().check(z.regex(/^[0-9A-Z]{26}$/, { error: 'must be a record id (26 characters)' })), { description: 'record id (ULID)' });

// ---------- enumerations ----------
// Marked pure (`/* @__PURE__ */`): a function bundle leaves out those it does not use (esbuild keeps
// a module's top-level calls otherwise, not knowing that building a schema changes nothing else).

export const FamilyPlanningStatus = /* @__PURE__ */ withMeta(/* @__PURE__ */ z.enum(['compliant', 'one_child', 'two_daughters', 'violation']), {
  description: 'family-planning status of the household (one-child and two-daughter households have priority; violation is refused)',
});
export type FamilyPlanningStatus = z.infer<typeof FamilyPlanningStatus>;

export const ProjectType = /* @__PURE__ */ z.enum(['shop', 'transport', 'livestock', 'farming', 'handicraft', 'service', 'other']);
export type ProjectType = z.infer<typeof ProjectType>;

export const ApplicationStatus = /* @__PURE__ */ z.enum(['submitted', 'approved', 'rejected']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const LoanStatus = /* @__PURE__ */ z.enum(['approved', 'active', 'overdue', 'repaid', 'written_off']);
export type LoanStatus = z.infer<typeof LoanStatus>;

export const EvaluationKind = /* @__PURE__ */ z.enum(['midterm', 'yearend', 'final']);
export type EvaluationKind = z.infer<typeof EvaluationKind>;

export const EvaluationMethod = /* @__PURE__ */ withMeta(/* @__PURE__ */ z.enum(['talk', 'check', 'look', 'ask']), { description: '谈、查、看、问' });

export const SignatoryParty = /* @__PURE__ */ z.enum(['committee', 'district', 'township', 'village', 'mother']);
