/**
 * The rules of a mother's consent to the processing of her personal information (PIPL), taken
 * on paper before her application: signed within a year before the application (not after it,
 * `assertConsentBefore`; so not in the future; and not older than CONSENT_VALID_DAYS).
 */
import { addDays, type IsoDate } from './dates.ts';
import { ValidationFailed } from './errors.ts';

/** How long before the application a signed consent still counts. */
export const CONSENT_VALID_DAYS = 365;

/** The earliest day a consent for an application of this date may have been signed. */
export const consentEarliest = (applicationDate: IsoDate): IsoDate => addDays(applicationDate, -CONSENT_VALID_DAYS);

/** A consent signed more than a year before the application is too old (`consent_too_old`). */
export function assertConsentRecent(givenOn: IsoDate, applicationDate: IsoDate): void {
  const earliest = consentEarliest(applicationDate);
  if (givenOn < earliest)
    throw new ValidationFailed(`must be no more than ${CONSENT_VALID_DAYS} days before the application (${earliest})`, 'consent.givenOn', {
      rule: 'consent_too_old',
      params: { days: CONSENT_VALID_DAYS, date: earliest },
    });
}
