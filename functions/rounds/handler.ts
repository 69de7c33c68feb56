/** Lending rounds: the committee opens them (or approves a district's request); everyone in the district sees them. */
import { lambdaHandler } from '#shared/http/lambda.ts';
import { AREA_FIELD_LABELS } from '#shared/i18n/fields-all.ts';
import { VALUE_ERRORS } from '#shared/i18n/errors-values.ts';
import { STATE_ERRORS } from '#shared/i18n/errors-states.ts';
import { OUTREACH_MESSAGES } from '#shared/i18n/errors-outreach.ts';
import { ROUNDS_ROUTES } from '#shared/routes/rounds.ts';
import { SETTINGS_ROUTES } from '#shared/routes/settings.ts';
import { SETTINGS_ERROR_MESSAGES } from '#shared/i18n/errors-settings.ts';
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
  [VALUE_ERRORS, STATE_ERRORS, SETTINGS_ERROR_MESSAGES, OUTREACH_MESSAGES],
  AREA_FIELD_LABELS,
);
