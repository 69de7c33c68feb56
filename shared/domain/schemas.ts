/**
 * The API's shapes, defined once: zod validates requests with them, the domain types are
 * inferred from them, and `shared/http/openapi.ts` turns them into the OpenAPI document.
 * Money is integer fen (fields end in `Fen`); dates are `YYYY-MM-DD`.
 */
/*
 * Each area's requests live in `./schemas/<area>.ts` (the building blocks in
 * `./schemas/common.ts`); this file gathers them for the web and the tests. The server's
 * modules (route tables, use cases, response schemas) import the area parts themselves, so
 * that a function's bundle holds only the schemas of its own routes.
 */
export { MAX_FEN, fen, fenOrZero, isoDate, text, personName, officeId, recordId } from './schemas/common.ts';
export { FamilyPlanningStatus, ProjectType, ApplicationStatus, LoanStatus, EvaluationKind, EvaluationMethod, SignatoryParty } from './schemas/common.ts';
export { residentId, MotherInput, ProjectPlanInput, ConsentInput, SmsConsentInput, ApplicationInput } from './schemas/applications.ts';
export { NoticeInput, ObjectionInput, ResolutionInput, VisitInput, RevealInput } from './schemas/publicity.ts';
export { DecisionInput } from './schemas/screening.ts';
export { GrantInput, grantTotal, RoundInput, CloseRoundInput, RoundRequestInput, RoundRequestDecisionInput, RoundRequestListQuery } from './schemas/rounds.ts';
export { AgreementInput, DisbursementInput } from './schemas/disbursement.ts';
export { EvaluationInput } from './schemas/evaluations.ts';
export { receiptNumber, RepaymentInput, WriteOffInput } from './schemas/repayments.ts';
export { ListQuery, SearchQuery } from './schemas/lists.ts';
export { CollectionQuery, ReportQuery, ExceptionsQuery } from './schemas/reports.ts';
export { OfficeInput } from './schemas/offices.ts';
export { SettingsInput } from './schemas/settings.ts';
export { SmsPreferenceInput } from './schemas/sms.ts';
