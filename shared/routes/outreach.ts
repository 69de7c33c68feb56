/**
 * Routes of 三治 (health checks, training, the mothers' separate consents) and of the donor
 * report (公开报告). The two `GET /public/…` routes have no roles: they answer without sign-in
 * and serve only published, frozen snapshots without personal data.
 */
import { ConsentRecordInput, FollowUpInput, HealthCheckInput, OutreachListQuery, PublicReportInput, TrainingSessionInput } from '../domain/outreach.ts';
import * as O from '../domain/outreach-responses.ts';
import type { RouteSpec } from './spec.ts';

export const OUTREACH_ROUTES = {
  'POST /loans/{id}/consents': {
    fn: 'outreach',
    summary: 'Record a mother’s separate consent on her file: to health findings (PIPL art. 28) or to publicity (her story in the donor report, under the name she agreed to)',
    roles: ['district'],
    body: ConsentRecordInput,
    idempotencyKey: 'optional',
    status: 201,
    response: O.ConsentRecord,
  },
  'POST /health-checks': {
    fn: 'outreach',
    summary: 'Record a health-check campaign: the women checked and what was found (the district office; each household’s health consent required)',
    roles: ['district'],
    body: HealthCheckInput,
    idempotencyKey: 'optional',
    status: 201,
    response: O.HealthCheckSummary,
  },
  'GET /health-checks': {
    fn: 'outreach',
    summary: 'Health-check campaigns of the caller’s districts: counts only, never a woman’s findings',
    roles: ['committee', 'district', 'field'],
    query: OutreachListQuery,
    response: O.HealthCheckList,
  },
  'GET /health-checks/{id}/findings': {
    fn: 'outreach',
    summary: 'One campaign with every woman’s findings: her district office only',
    roles: ['district'],
    response: O.HealthCheckFindings,
  },
  'POST /health-checks/{id}/follow-up': {
    fn: 'outreach',
    summary: 'Record a follow-up: the findings found cured',
    roles: ['district'],
    body: FollowUpInput,
    idempotencyKey: 'optional',
    response: O.HealthCheckSummary,
  },
  'POST /training-sessions': {
    fn: 'outreach',
    summary: 'Record a training session and the mothers who attended (also from a field phone’s outbox)',
    roles: ['district', 'field'],
    body: TrainingSessionInput,
    idempotencyKey: 'optional',
    status: 201,
    response: O.TrainingSession,
  },
  'GET /training-sessions': {
    fn: 'outreach',
    summary: 'Training sessions of the caller’s districts',
    roles: ['committee', 'district', 'field'],
    query: OutreachListQuery,
    response: O.TrainingSessionList,
  },
  'POST /public-reports/preview': {
    fn: 'outreach',
    summary: 'Compute a donor report for a period without storing it (the committee checks it before publishing)',
    roles: ['committee'],
    body: PublicReportInput,
    response: O.PublicReport,
  },
  'POST /public-reports': {
    fn: 'outreach',
    summary: 'Publish a donor report: a frozen snapshot, readable without sign-in',
    roles: ['committee'],
    body: PublicReportInput,
    idempotencyKey: 'optional',
    status: 201,
    response: O.PublicReport,
  },
  'POST /public-reports/{id}/withdrawal': {
    fn: 'outreach',
    summary: 'Withdraw a published donor report (its public address answers 404 from then on)',
    roles: ['committee'],
    idempotencyKey: 'optional',
    response: O.PublicReport,
  },
  'GET /public/reports': { fn: 'public', summary: 'Published donor reports (no sign-in)', response: O.PublicReportList },
  'GET /public/reports/{id}': { fn: 'public', summary: 'One published donor report (no sign-in); withdrawn ones answer 404', response: O.PublicReport },
} as const satisfies Record<string, RouteSpec>;
