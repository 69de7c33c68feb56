/** The routes served by the `rounds` function (see `shared/routes.ts`). */
import { type RouteSpec, everyone } from './spec.ts';
import { CloseRoundInput, RoundRequestDecisionInput, RoundRequestInput, RoundRequestListQuery, RoundInput } from '../domain/schemas/rounds.ts';
import { ListQuery } from '../domain/schemas/lists.ts';
import { Round, RoundPage, RoundRequest, RoundRequestDecided, RoundRequestPage } from '../domain/responses/rounds.ts';

export const ROUNDS_ROUTES = {
  'POST /rounds': { fn: 'rounds', summary: 'Open a lending round for a district', roles: ['committee'], body: RoundInput, idempotencyKey: 'optional', status: 201, response: Round },
  'GET /rounds': { fn: 'rounds', summary: 'Rounds visible to the caller', roles: everyone, query: ListQuery, response: RoundPage },
  'GET /rounds/{id}': { fn: 'rounds', summary: 'One round with its capital position', roles: everyone, response: Round },
  'POST /rounds/{id}/close': {
    fn: 'rounds',
    summary: 'Close a round to new applications; its unused capital returns to the district fund',
    roles: ['committee', 'district'],
    body: CloseRoundInput,
    idempotencyKey: 'optional',
    response: Round,
  },
  'POST /round-requests': {
    fn: 'rounds',
    summary: 'A district applies for a new round, also while older loans are being repaid (the request carries the fund position; the committee decides)',
    roles: ['district'],
    body: RoundRequestInput,
    idempotencyKey: 'optional',
    status: 201,
    response: RoundRequest,
  },
  'GET /round-requests': { fn: 'rounds', summary: 'Round requests by district and status', roles: ['committee', 'district'], query: RoundRequestListQuery, response: RoundRequestPage },
  'POST /round-requests/{id}/decision': {
    fn: 'rounds',
    summary: 'The committee approves a round request with the capital it grants (opens the round) or rejects it',
    roles: ['committee'],
    body: RoundRequestDecisionInput,
    idempotencyKey: 'optional',
    response: RoundRequestDecided,
  },
} as const satisfies Record<string, RouteSpec>;
