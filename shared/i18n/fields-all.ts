/** Every part of the field labels merged (tests and the documentation; a function bundles only its own parts, see ./fields.ts). */
import { EVALUATION_REPORT_FIELD_LABELS } from './fields-evaluation-reports.ts';
import { FORM_FIELD_LABELS } from './fields-forms.ts';
import { LEDGER_FIELD_LABELS } from './fields-ledger.ts';
import { OUTREACH_FIELD_LABELS } from './fields-outreach.ts';
import { PROGRAMME_FIELD_LABELS } from './fields-programme.ts';
import { FIELD_LABELS, type FieldLabels } from './fields.ts';

/** The area parts, for `addFieldLabels` where every function is served (the dev server, tests). */
export const AREA_FIELD_LABELS: readonly FieldLabels[] = [OUTREACH_FIELD_LABELS, PROGRAMME_FIELD_LABELS, EVALUATION_REPORT_FIELD_LABELS, FORM_FIELD_LABELS, LEDGER_FIELD_LABELS];

export const ALL_FIELD_LABELS: FieldLabels = Object.assign({}, ...AREA_FIELD_LABELS, FIELD_LABELS);
