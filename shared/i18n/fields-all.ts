/** Every part of the field labels merged (tests and the documentation; a function bundles only its own parts, see ./fields.ts). */
import { APPLICATION_FIELD_LABELS } from './fields-applications.ts';
import { DISBURSEMENT_FIELD_LABELS } from './fields-disbursement.ts';
import { EVALUATION_REPORT_FIELD_LABELS } from './fields-evaluation-reports.ts';
import { EVALUATION_FIELD_LABELS } from './fields-evaluations.ts';
import { FORM_FIELD_LABELS } from './fields-forms.ts';
import { LEDGER_FIELD_LABELS } from './fields-ledger.ts';
import { OUTREACH_FIELD_LABELS } from './fields-outreach.ts';
import { PROGRAMME_FIELD_LABELS } from './fields-programme.ts';
import { REMITTANCE_FIELD_LABELS } from './fields-remittances.ts';
import { REPAYMENT_FIELD_LABELS } from './fields-repayments.ts';
import { REPORT_FIELD_LABELS } from './fields-reports.ts';
import { ROUND_FIELD_LABELS } from './fields-rounds.ts';
import { FIELD_LABELS, type FieldLabels } from './fields.ts';

/** The area parts, for `addFieldLabels` where every function is served (the dev server, tests); no two parts name the same field. */
export const AREA_FIELD_LABELS: readonly FieldLabels[] = [
  OUTREACH_FIELD_LABELS,
  PROGRAMME_FIELD_LABELS,
  EVALUATION_REPORT_FIELD_LABELS,
  FORM_FIELD_LABELS,
  APPLICATION_FIELD_LABELS,
  DISBURSEMENT_FIELD_LABELS,
  REPAYMENT_FIELD_LABELS,
  EVALUATION_FIELD_LABELS,
  ROUND_FIELD_LABELS,
  LEDGER_FIELD_LABELS,
  REMITTANCE_FIELD_LABELS,
  REPORT_FIELD_LABELS,
];

export const ALL_FIELD_LABELS: FieldLabels = Object.assign({}, ...AREA_FIELD_LABELS, FIELD_LABELS);
