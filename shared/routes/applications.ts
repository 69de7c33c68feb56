/** The routes served by the `applications` function (see `shared/routes.ts`). */
import { type RouteSpec, everyone } from './spec.ts';
import { ApplicationInput } from '../domain/schemas/applications.ts';
import { ListQuery } from '../domain/schemas/lists.ts';
import { NoticeInput, ObjectionInput, ResolutionInput, VisitInput, RevealInput } from '../domain/schemas/publicity.ts';
import { Application, Objection, Visit } from '../domain/responses/applications.ts';
import { ApplicationFile, ApplicationPage, ResidentIdReveal } from '../domain/responses/application-file.ts';

export const APPLICATIONS_ROUTES = {
  'POST /applications': {
    fn: 'applications',
    summary: 'Submit an application for a mother',
    roles: ['township', 'district'],
    body: ApplicationInput,
    idempotencyKey: 'optional',
    status: 201,
    response: Application,
  },
  'GET /applications': { fn: 'applications', summary: 'Applications by round or district, filtered by status', roles: everyone, query: ListQuery, response: ApplicationPage },
  'GET /applications/{id}': {
    fn: 'applications',
    summary: 'One application with notice, objections, visits, screening, history and the mother’s earlier loans',
    roles: everyone,
    response: ApplicationFile,
  },
  'POST /applications/{id}/notice': {
    fn: 'applications',
    summary: 'Record the public notice (公示)',
    roles: ['township', 'district'],
    body: NoticeInput,
    idempotencyKey: 'optional',
    response: Application,
  },
  'POST /applications/{id}/objections': {
    fn: 'applications',
    summary: 'Record an objection raised during the notice',
    roles: ['township', 'district'],
    body: ObjectionInput,
    idempotencyKey: 'optional',
    status: 201,
    response: Objection,
  },
  'POST /applications/{id}/objections/{objectionId}/resolution': {
    fn: 'applications',
    summary: 'Resolve an objection (dismissed or upheld)',
    roles: ['district'],
    body: ResolutionInput,
    idempotencyKey: 'optional',
    response: Objection,
  },
  'POST /applications/{id}/resident-id': {
    fn: 'applications',
    summary: 'Show the mother’s full resident ID number to a caller who sees it masked (audited: history and exceptions report)',
    roles: everyone,
    body: RevealInput,
    idempotencyKey: 'optional',
    response: ResidentIdReveal,
  },
  'POST /applications/{id}/visits': {
    fn: 'applications',
    summary: 'Log a household visit',
    roles: ['field', 'district'],
    body: VisitInput,
    idempotencyKey: 'optional',
    status: 201,
    response: Visit,
  },
} as const satisfies Record<string, RouteSpec>;
