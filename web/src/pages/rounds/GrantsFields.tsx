/**
 * The money of a new round, as the committee puts it together: grants of new money, each with
 * its source, plus recovered money of the district re-lent. The body sent is the API's own:
 * `grants` (or `grantFen: 0` when none is listed) and `capitalFen` = grants + re-lent.
 */
import { useFieldArray, useWatch, type ArrayPath, type Control, type FieldErrors, type FieldValues, type Path, type UseFormRegister } from 'react-hook-form';
import { yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FormField, MoneyInput } from '../../ui/form.tsx';

export interface GrantRow {
  source: string;
  amountFen?: number;
}

/** The part of a form that holds a round's money. */
export interface MoneyPart {
  grants: GrantRow[];
  relentFen?: number;
}

const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBlank = (g: GrantRow) => g.source.trim() === '' && g.amountFen === undefined;

/** New money listed (blank rows left out). */
export const grantsTotal = (grants: GrantRow[]) => grants.reduce((s, g) => s + (isAmount(g.amountFen) ? g.amountFen : 0), 0);

/** The request's money fields from the form's: the grants by source and the capital they make with the re-lent money. */
export function moneyBody({ grants, relentFen }: MoneyPart): { capitalFen: number; grants?: { source: string; amountFen?: number }[]; grantFen?: number } {
  const rows = grants.filter((g) => !isBlank(g));
  const capitalFen = grantsTotal(rows) + (isAmount(relentFen) ? relentFen : 0);
  return rows.length ? { capitalFen, grants: rows.map((g) => ({ source: g.source.trim(), amountFen: g.amountFen })) } : { capitalFen, grantFen: 0 };
}

export function GrantsFields<F extends FieldValues & MoneyPart, O>({
  control,
  register,
  errors,
  availableFen,
}: {
  control: Control<F, unknown, O>;
  register: UseFormRegister<F>;
  errors: FieldErrors<F>;
  /** the district's recovered money free to re-lend now, when known */
  availableFen?: number | null;
}) {
  const { t } = useI18n();
  const { fields, append, remove } = useFieldArray({ control, name: 'grants' as ArrayPath<F> });
  const grants = (useWatch({ control, name: 'grants' as Path<F> }) ?? []) as GrantRow[];
  const relent = useWatch({ control, name: 'relentFen' as Path<F> }) as number | undefined;
  const total = grantsTotal(grants);
  const capital = total + (isAmount(relent) ? relent : 0);
  const errs = errors as FieldErrors<MoneyPart> & { capitalFen?: { message?: string }; grantFen?: { message?: string } };
  const grantsProblem = errs.grants?.root?.message ?? errs.grants?.message ?? errs.grantFen?.message;
  return (
    <fieldset className="r-money">
      <legend>{t('r_grants_legend')}</legend>
      <p className="muted r-hint">{t('r_grant_source_hint')}</p>
      {fields.map((f, i) => (
        <fieldset className="r-grant-row" key={f.id} aria-label={t('r_grant_no', { n: i + 1 })}>
          <FormField label={t('r_grant_source')} error={errs.grants?.[i]?.source?.message}>
            {(p) => <input {...p} {...register(`grants.${i}.source` as Path<F>)} />}
          </FormField>
          <MoneyInput control={control} name={`grants.${i}.amountFen` as Path<F>} label={t('r_grant_amount')} />
          <button type="button" className="secondary r-remove" onClick={() => remove(i)} aria-label={`${t('r_remove_grant')}（${i + 1}）`}>
            {t('r_remove_grant')}
          </button>
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => append({ source: '', amountFen: undefined } as never)}>
        + {t('r_add_grant')}
      </button>
      {grantsProblem && (
        <p className="field-error" role="alert">
          {errs.grants?.type === 'custom' ? t('r_grants_above_capital') : grantsProblem}
        </p>
      )}
      <div className="r-total">
        <span>{t('r_grants_total')}</span>
        <span>{yuan(total)}</span>
      </div>
      <MoneyInput
        control={control}
        name={'relentFen' as Path<F>}
        label={t('r_relent_yuan')}
        hint={availableFen === undefined ? t('r_fund_available_unknown') : t('r_fund_available_hint', { amount: yuan(availableFen) })}
      />
      <div className="r-total" aria-live="polite">
        <span>{t('r_capital_total')}</span>
        <span className="r-capital-total">{yuan(capital)}</span>
      </div>
      {errs.capitalFen?.message && (
        <p className="field-error" role="alert">
          {t('r_capital')}: {errs.capitalFen.message}
        </p>
      )}
    </fieldset>
  );
}
