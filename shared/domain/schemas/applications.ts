/** A mother's application, as the district enters it from the paper form (and the import reads it from a row). (Part of `../schemas.ts`.) */
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { RESIDENT_ID_RULES, residentIdProblem } from '../resident-id.ts';
import { fen, fenOrZero, FamilyPlanningStatus, isoDate, officeId, personName, ProjectType, recordId, text } from './common.ts';

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
