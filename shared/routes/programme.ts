/**
 * Routes of the programme around the loan desk: the committee's confirmation of approved
 * loans (审核确定) and the evaluation reports (评估报告).
 */
import type { RouteSpec } from './spec.ts';
import { ConfirmationDecisionInput, ConfirmationList, ConfirmationListFile, ConfirmationListInput, ConfirmationListPage, ConfirmationListQuery } from '../domain/confirmation-schemas.ts';

export const PROGRAMME_ROUTES = {
  'POST /confirmation-lists': {
    fn: 'confirmations',
    summary: 'The district sends approved loans of one round to the committee for confirmation (报批名单)',
    roles: ['district'],
    body: ConfirmationListInput,
    idempotencyKey: 'optional',
    status: 201,
    response: ConfirmationList,
  },
  'GET /confirmation-lists': {
    fn: 'confirmations',
    summary: 'Confirmation lists by district and status (sent: waiting for the committee; decided)',
    roles: ['committee', 'district'],
    query: ConfirmationListQuery,
    response: ConfirmationListPage,
  },
  'GET /confirmation-lists/{id}': { fn: 'confirmations', summary: 'One confirmation list with its loans and history', roles: ['committee', 'district'], response: ConfirmationListFile },
  'POST /confirmation-lists/{id}/decision': {
    fn: 'confirmations',
    summary: 'The committee confirms a list; single loans may be returned to the district with a reason',
    roles: ['committee'],
    body: ConfirmationDecisionInput,
    idempotencyKey: 'optional',
    response: ConfirmationList,
  },
} as const satisfies Record<string, RouteSpec>;
