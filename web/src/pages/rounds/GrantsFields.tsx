/**
 * The money of a new round, as the committee puts it together: grants of new money, each with
 * its source, plus recovered money of the district re-lent. The body sent is the API's own:
 * `grants` (or `grantFen: 0` when none is listed) and `capitalFen` = grants + re-lent.
 */
import { useFieldArray, useWatch, type ArrayPath, type Control, type FieldErrors, type FieldValues, type Path, type UseFormRegister } from 'react-hook-form';
import { yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FormField, MoneyInput } from '../../ui/form.tsx';
import { grantsTotal, isAmount, type GrantRow, type MoneyPart } from './money.ts';
import { useMarks } from '../../i18n/marks.ts';

export { moneyBody, type MoneyPart } from './money.ts';

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
  const mk = useMarks();
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
          <button type="button" className="secondary r-remove" onClick={() => remove(i)} aria-label={`${t('r_remove_grant')}${mk.aside(i + 1)}`}>
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
