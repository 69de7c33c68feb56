/** The routes served by the `staff` function (see `shared/routes.ts`). */
import { type RouteSpec, everyone } from './spec.ts';
import { StaffInput, StaffPatch } from '../domain/schemas/staff.ts';
import { Me, StaffList, StaffMember } from '../domain/responses/staff.ts';

export const STAFF_ROUTES = {
  'GET /me': { fn: 'staff', summary: 'Who the caller is, from the staff directory: name, role, office (the web app shows its menus from it)', roles: everyone, response: Me },
  'POST /staff': {
    fn: 'staff',
    summary: 'Add a person to the staff directory (committee: district staff; district: township and field staff of its subtree)',
    roles: ['committee', 'district'],
    body: StaffInput,
    idempotencyKey: 'optional',
    status: 201,
    response: StaffMember,
  },
  'GET /staff': { fn: 'staff', summary: 'The staff directory of the caller’s subtree', roles: ['committee', 'district'], response: StaffList },
  'PATCH /staff/{id}': {
    fn: 'staff',
    summary: 'Rename, move, change the role of, deactivate or reactivate a person',
    roles: ['committee', 'district'],
    body: StaffPatch,
    idempotencyKey: 'optional',
    response: StaffMember,
  },
} as const satisfies Record<string, RouteSpec>;
