/** The programme settings: read by everyone, changed by the committee, loosened only by two of its members (issue 18). */
import type { RouteSpec } from './spec.ts';
import { ROLES } from '../domain/roles.ts';
import { SettingsInput } from '../domain/schemas/settings.ts';
import { PendingSettingsDecision, ProgrammeSettingsView, SettingsHistory, SettingsHistoryQuery } from '../domain/settings-schemas.ts';

export const SETTINGS_ROUTES = {
  'GET /settings': {
    fn: 'rounds',
    summary: 'The programme settings in force (four eyes, back-dating window, account-owner days, reveals per day) and the loosening change waiting for confirmation',
    roles: ROLES,
    response: ProgrammeSettingsView,
  },
  'POST /settings': {
    fn: 'rounds',
    summary: 'Change the programme settings (the committee, with a reason): tightening takes effect at once; turning a control off or loosening it waits for a second committee member',
    roles: ['committee'],
    body: SettingsInput,
    idempotencyKey: 'optional',
    response: ProgrammeSettingsView,
  },
  'POST /settings/pending/confirm': {
    fn: 'rounds',
    summary: 'A second committee member confirms the pending loosening change; it takes effect now (the proposer may not confirm)',
    roles: ['committee'],
    body: PendingSettingsDecision,
    idempotencyKey: 'optional',
    response: ProgrammeSettingsView,
  },
  'POST /settings/pending/withdraw': {
    fn: 'rounds',
    summary: 'Withdraw the pending loosening change; nothing of it takes effect',
    roles: ['committee'],
    body: PendingSettingsDecision,
    idempotencyKey: 'optional',
    response: ProgrammeSettingsView,
  },
  'GET /settings/history': {
    fn: 'rounds',
    summary: 'Every change of the programme settings, newest first: who, when, before → after, the reason, proposals, confirmations and withdrawals',
    roles: ['committee'],
    query: SettingsHistoryQuery,
    response: SettingsHistory,
  },
} as const satisfies Record<string, RouteSpec>;
