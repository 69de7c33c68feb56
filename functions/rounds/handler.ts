/** Lending rounds: the committee opens them (or approves a district's request); everyone in the district sees them. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { STATE_ERRORS } from '#shared/i18n/errors-states.ts';
import { ROUNDS_ROUTES } from '#shared/routes/rounds.ts';
import { SETTINGS_ROUTES } from '#shared/routes/settings.ts';
import { SETTINGS_ERROR_MESSAGES } from '#shared/i18n/errors-settings.ts';
import { PLACE_ERRORS } from '#shared/i18n/errors-places.ts';
import { REASON_ERROR_MESSAGES } from '#shared/i18n/errors-reasons.ts';
import { FORM_FIELD_LABELS } from '#shared/i18n/fields-forms.ts';
import { LEDGER_FIELD_LABELS } from '#shared/i18n/fields-ledger.ts';
import { ROUND_FIELD_LABELS } from '#shared/i18n/fields-rounds.ts';
import { closeRound, decideRoundRequest, findRound, listRoundRequests, listRounds, openRound, requestRound } from '#shared/usecases/rounds.ts';

import { confirmSettingsChange, getProgrammeSettings, settingsHistory, updateProgrammeSettings, withdrawSettingsChange } from '#shared/usecases/controls.ts';

export const handler = lambdaHandler(
  'rounds',
  { ...ROUNDS_ROUTES, ...SETTINGS_ROUTES },
  {
    'GET /settings': () => getProgrammeSettings(),
    'POST /settings': ({ ctx, body }) => updateProgrammeSettings(ctx, body),
    'POST /settings/pending/confirm': ({ ctx, body }) => confirmSettingsChange(ctx, body),
    'POST /settings/pending/withdraw': ({ ctx, body }) => withdrawSettingsChange(ctx, body),
    'GET /settings/history': ({ ctx, query }) => settingsHistory(ctx, query),
    'POST /rounds': ({ ctx, body }) => openRound(ctx, body),
    'GET /rounds': ({ ctx, query }) => listRounds(ctx, query),
    'GET /rounds/{id}': ({ ctx, params }) => findRound(ctx, params.id!),
    'POST /rounds/{id}/close': ({ ctx, params, body }) => closeRound(ctx, params.id!, body),
    'POST /round-requests': ({ ctx, body }) => requestRound(ctx, body),
    'GET /round-requests': ({ ctx, query }) => listRoundRequests(ctx, query),
    'POST /round-requests/{id}/decision': ({ ctx, params, body }) => decideRoundRequest(ctx, params.id!, body),
  },
  [VALUE_ERRORS, PLACE_ERRORS, STATE_ERRORS, SETTINGS_ERROR_MESSAGES, REASON_ERROR_MESSAGES],
  [FORM_FIELD_LABELS, LEDGER_FIELD_LABELS, ROUND_FIELD_LABELS],
);
