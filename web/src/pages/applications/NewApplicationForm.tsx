/**
 * The paper application form, field by field, checked with the API's own schema
 * (`ApplicationInput`): amounts typed in yuan and sent as integer fen; a bad resident ID
 * number is caught before sending, by the same check the API makes.
 */
import '../../i18n/zh-CN.district.ts';
import '../../i18n/zh-CN.sms.ts';
import { useRef } from 'react';
import { ApplicationInput, FamilyPlanningStatus, ProjectType } from '../../../../shared/domain/schemas.ts';
import { newIdempotencyKey } from '../../api/client.ts';
import type { Round } from '../../../../shared/domain/entities.ts';
import type { Office } from '../../api/responses.ts';
import { write } from '../../api/queries.ts';
import { todayIso, yuan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link, navigate } from '../../router.tsx';
import { FormActions, FormField, MoneyInput, useSchemaForm } from '../../ui/form.tsx';
import { townshipOf, useOfficeName } from '../../ui/offices.tsx';

export const PROJECT_TYPES = ProjectType.options;
export const FAMILY_PLANNING = FamilyPlanningStatus.options;

interface ApplicationForm {
  roundId: string;
  submittedOn: string;
  villageId: string;
  mother: { name: string; residentId: string; phone: string };
  consent: { givenOn: string; takenBy: string };
  sms: { optIn: boolean; lang: 'bo' | 'zh-CN' };
  householdSize?: number;
  householdAnnualIncomeFen?: number;
  villagePerCapitaIncomeFen?: number;
  familyPlanning: FamilyPlanningStatus;
  project: { type: ProjectType; description: string; expectedAnnualReturnFen?: number };
  amountRequestedFen?: number;
}

const wholeNumber = (v: string) => (v.trim() === '' ? undefined : /^\d+$/.test(v.trim()) ? Number(v) : Number.NaN);

export function NewApplicationForm({ round, villages, onCancel }: { round: Round; villages: Office[]; onCancel: () => void }) {
  const { t } = useI18n();
  const officeName = useOfficeName();
  const key = useRef(newIdempotencyKey());
  const form = useSchemaForm<ApplicationForm, ApplicationInput>(ApplicationInput, {
    defaultValues: {
      roundId: round.id,
      submittedOn: todayIso(),
      villageId: '',
      mother: { name: '', residentId: '', phone: '' },
      consent: { givenOn: todayIso(), takenBy: '' },
      sms: { optIn: false, lang: 'bo' },
      familyPlanning: 'compliant',
      project: { type: 'livestock', description: '' },
    },
  });
  const { register, control, errorOf, formState } = form;
  const onSubmit = form.submit(async (body) => {
    const created = await write('POST /applications', { body, idempotencyKey: key.current });
    key.current = newIdempotencyKey();
    navigate(`/applications/${created.id}`);
  });

  return (
    <form className="card d-form" onSubmit={onSubmit} aria-label={t('d_new_application')} noValidate>
      <h2>{t('d_new_application')}</h2>
      <p className="muted d-small">{t('d_new_application_hint', { round: round.name, min: yuan(round.minLoanFen), max: yuan(round.maxLoanFen) })}</p>
      <h3>{t('d_mother')}</h3>
      <div className="grid three">
        <FormField label={t('d_mother_name')} error={errorOf('mother.name')}>
          {(p) => <input {...p} autoComplete="off" {...register('mother.name')} />}
        </FormField>
        <FormField label={t('d_resident_id')} error={errorOf('mother.residentId')} hint={t('d_resident_id_hint')}>
          {(p) => <input {...p} maxLength={18} autoComplete="off" {...register('mother.residentId')} />}
        </FormField>
        <FormField label={t('d_phone_optional')} error={errorOf('mother.phone')}>
          {(p) => <input {...p} inputMode="tel" maxLength={11} autoComplete="off" {...register('mother.phone')} />}
        </FormField>
      </div>
      <fieldset className="d-fieldset">
        <legend>{t('d_consent')}</legend>
        <p className="muted d-small">
          {t('d_consent_hint')}{' '}
          <Link to="/consent" target="_blank">
            {t('d_consent_print_blank')}
          </Link>
        </p>
        <div className="grid three">
          <FormField label={t('d_consent_on')} error={errorOf('consent.givenOn')}>
            {(p) => <input {...p} type="date" max={todayIso()} {...register('consent.givenOn')} />}
          </FormField>
          <FormField label={t('d_consent_by')} error={errorOf('consent.takenBy')}>
            {(p) => <input {...p} autoComplete="off" maxLength={60} {...register('consent.takenBy')} />}
          </FormField>
        </div>
      </fieldset>
      <fieldset className="d-fieldset sms-consent">
        <legend>{t('sms_consent')}</legend>
        <p className="muted d-small">{t('sms_consent_hint')}</p>
        <div className="grid three">
          <FormField label={t('sms_consent_agree')} error={errorOf('sms.optIn')} className="sms-optin">
            {(p) => <input {...p} type="checkbox" {...register('sms.optIn')} />}
          </FormField>
          <FormField label={t('sms_language')} error={errorOf('sms.lang')}>
            {(p) => (
              <select {...p} {...register('sms.lang')}>
                <option value="bo">{t('sms_lang_bo')}</option>
                <option value="zh-CN">{t('sms_lang_zh')}</option>
              </select>
            )}
          </FormField>
        </div>
      </fieldset>
      <div className="grid three">
        <FormField label={t('d_village')} error={errorOf('villageId')}>
          {(p) => (
            <select {...p} {...register('villageId')}>
              <option value="">{t('d_choose_village')}</option>
              {villages.map((v) => (
                <option key={v.id} value={v.id}>
                  {officeName(townshipOf(v.id))} · {officeName(v.id)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('d_submitted_on')} error={errorOf('submittedOn')} hint={t('d_submitted_on_hint')}>
          {(p) => <input {...p} type="date" max={todayIso()} {...register('submittedOn')} />}
        </FormField>
        <FormField label={t('d_family_planning')} error={errorOf('familyPlanning')}>
          {(p) => (
            <select {...p} {...register('familyPlanning')}>
              {FAMILY_PLANNING.map((x) => (
                <option key={x} value={x}>
                  {t(`d_fp_${x}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <h3>{t('d_household')}</h3>
      <div className="grid three">
        <FormField label={t('d_household_size')} error={errorOf('householdSize')}>
          {(p) => <input {...p} inputMode="numeric" {...register('householdSize', { setValueAs: wholeNumber })} />}
        </FormField>
        <MoneyInput control={control} name="householdAnnualIncomeFen" label={t('d_household_income_yuan')} />
        <MoneyInput control={control} name="villagePerCapitaIncomeFen" label={t('d_village_income_yuan')} />
      </div>
      <h3>{t('d_project')}</h3>
      <div className="grid three">
        <FormField label={t('d_project_type')} error={errorOf('project.type')}>
          {(p) => (
            <select {...p} {...register('project.type')}>
              {PROJECT_TYPES.map((x) => (
                <option key={x} value={x}>
                  {t(`d_pt_${x}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <MoneyInput control={control} name="project.expectedAnnualReturnFen" label={t('d_expected_return_yuan')} />
        <MoneyInput control={control} name="amountRequestedFen" label={t('d_amount_requested_yuan')} hint={`${yuan(round.minLoanFen)} – ${yuan(round.maxLoanFen)}`} />
      </div>
      <FormField label={t('d_project_description')} error={errorOf('project.description')} hint={t('d_project_description_hint')}>
        {(p) => <textarea {...p} {...register('project.description')} />}
      </FormField>
      <FormActions error={form.serverError} busy={formState.isSubmitting} submitLabel={formState.isSubmitting ? t('loading') : t('submit')} onCancel={onCancel} />
    </form>
  );
}
