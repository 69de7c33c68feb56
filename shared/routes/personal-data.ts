/**
 * A mother's requests about her personal data (PIPL arts. 45, 46), served by the `personal-data`
 * function: her district office prints a
 * copy of everything held about her, and records a correction of her details. Its own function:
 * the copy's answer schema (every record kind) would weigh on the applications bundle.
 */
import type { RouteSpec } from './spec.ts';
import { CorrectionInput, DataCopyInput } from '../domain/personal-data.ts';
import { PersonalDataCopy, PersonalDataCorrected } from '../domain/responses/personal-data.ts';

export const PERSONAL_DATA_ROUTES = {
  'POST /applications/{id}/personal-data-copy': {
    fn: 'personal-data',
    summary: 'Everything held about the mother of this application, for a printed copy she asked for (PIPL art. 45); the request is recorded in her history and the exceptions report',
    roles: ['district'],
    body: DataCopyInput,
    idempotencyKey: 'optional',
    response: PersonalDataCopy,
  },
  'POST /applications/{id}/personal-data-correction': {
    fn: 'personal-data',
    summary: 'Correct the mother’s name, phone or household size at her request (PIPL art. 46), with the reason; before → after in the history of each of her records, listed in the exceptions report',
    roles: ['district'],
    body: CorrectionInput,
    idempotencyKey: 'optional',
    response: PersonalDataCorrected,
  },
} as const satisfies Record<string, RouteSpec>;
