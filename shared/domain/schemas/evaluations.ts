/** An evaluation of a loan's use (谈、查、看、问). (Part of `../schemas.ts`.) */
import * as z from 'zod/mini';
import { withMeta } from '../meta.ts';
import { EvaluationKind, EvaluationMethod, fenOrZero, isoDate, text } from './common.ts';

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
