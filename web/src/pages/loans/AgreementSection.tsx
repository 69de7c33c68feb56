/** The signed loan agreement with its guarantors and signatories, and the form to record it (`AgreementInput`). */
import { useFieldArray } from 'react-hook-form';
import { AgreementInput, SignatoryParty } from '../../../../shared/domain/schemas.ts';
import { write } from '../../api/queries.ts';
import { todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FormActions, FormField, useSchemaForm } from '../../ui/form.tsx';
import { Facts, Section, useDate } from '../../ui/layout.tsx';
import type { LoanDetail } from '../../api/records.ts';
import type { SectionProps } from './props.ts';
import { useMarks } from '../../i18n/marks.ts';

const PARTIES = SignatoryParty.options;

interface AgreementForm {
  signedOn: string;
  guarantors: { townshipHead: string; villageHead: string };
  signatories: { party: AgreementInput['signatories'][number]['party']; name: string }[];
}

/** Rows left without a name are not signatories. */
const toBody = (f: AgreementForm) => ({ ...f, signatories: f.signatories.filter((s) => s.name.trim()) });

export function AgreementSection({ loan, role }: SectionProps) {
  const { t } = useI18n();
  const mk = useMarks();
  const fmt = useDate();
  const a = loan.agreement;
  const canRecord = !a && role === 'district' && loan.status === 'approved';
  return (
    <Section title={t('d_agreement')} id="agreement">
      {a ? (
        <Facts
          rows={[
            [t('d_signed_on'), fmt(a.signedOn)],
            [t('d_guarantor_township'), a.guarantors.townshipHead],
            [t('d_guarantor_village'), a.guarantors.villageHead],
            [t('d_signatories'), a.signatories.map((s) => `${s.name}${mk.aside(t(`d_party_${s.party}`))}`).join(mk.list)],
          ]}
        />
      ) : canRecord ? (
        <AgreementForm loan={loan} />
      ) : (
        <p className="muted">{loan.status === 'approved' ? t('d_agreement_waiting') : t('d_agreement_none')}</p>
      )}
    </Section>
  );
}

function AgreementForm({ loan }: { loan: LoanDetail }) {
  const { t } = useI18n();
  const today = todayIso();
  const form = useSchemaForm<AgreementForm, AgreementInput>(AgreementInput, {
    defaultValues: {
      signedOn: today,
      guarantors: { townshipHead: '', villageHead: '' },
      signatories: [
        { party: 'mother', name: loan.mother.name },
        { party: 'district', name: '' },
        { party: 'township', name: '' },
      ],
    },
    prepare: toBody,
  });
  const rows = useFieldArray({ control: form.control, name: 'signatories' });
  const onSubmit = form.submit((body) => write('POST /loans/{id}/agreement', { params: { id: loan.id }, body }));
  const signatoriesError = form.errorOf('signatories') ?? rows.fields.map((_, i) => form.errorOf(`signatories.${i}.name`)).find(Boolean);
  return (
    <form onSubmit={onSubmit} className="d-inline-form" aria-label={t('d_record_agreement')} noValidate>
      <p className="muted d-small">{t('d_agreement_hint')}</p>
      <div className="grid three">
        <FormField label={t('d_signed_on')} error={form.errorOf('signedOn')}>
          {(p) => <input {...p} type="date" max={today} {...form.register('signedOn')} />}
        </FormField>
        <FormField label={t('d_guarantor_township')} error={form.errorOf('guarantors.townshipHead')}>
          {(p) => <input {...p} {...form.register('guarantors.townshipHead')} />}
        </FormField>
        <FormField label={t('d_guarantor_village')} error={form.errorOf('guarantors.villageHead')}>
          {(p) => <input {...p} {...form.register('guarantors.villageHead')} />}
        </FormField>
      </div>
      <fieldset className="d-fieldset" aria-invalid={signatoriesError ? true : undefined}>
        <legend>{t('d_signatories')}</legend>
        {rows.fields.map((row, i) => (
          <div className="d-signatory" key={row.id}>
            <select aria-label={`${t('d_party')} ${i + 1}`} {...form.register(`signatories.${i}.party`)}>
              {PARTIES.map((p) => (
                <option key={p} value={p}>
                  {t(`d_party_${p}`)}
                </option>
              ))}
            </select>
            <input aria-label={`${t('d_signatory_name')} ${i + 1}`} placeholder={t('d_signatory_name')} {...form.register(`signatories.${i}.name`)} />
            <button type="button" className="link" onClick={() => rows.remove(i)} aria-label={`${t('d_remove')} ${i + 1}`}>
              ✕
            </button>
          </div>
        ))}
        <button type="button" className="link" onClick={() => rows.append({ party: 'village', name: '' })}>
          + {t('d_add_signatory')}
        </button>
        {signatoriesError && <span className="field-error">{signatoriesError}</span>}
      </fieldset>
      <FormActions error={form.serverError} busy={form.formState.isSubmitting} submitLabel={t('d_record_agreement')} />
    </form>
  );
}
