/** Shared parts of the confirmation pages: the list's status as a badge, the screening result as words. */
import type { ResponseOf } from '../../../../shared/routes.ts';
import '../../i18n/zh-CN.programme.ts';
import { useI18n } from '../../i18n/index.tsx';
import './confirmations.css';

export type ConfirmationList = ResponseOf<'GET /confirmation-lists/{id}'>;
export type ConfirmationItem = ConfirmationList['items'][number];
export { ConfirmationBadge, confirmationOf } from '../../ui/confirmation.tsx';

export function ListStatusBadge({ status }: { status: 'sent' | 'decided' }) {
  const { t } = useI18n();
  return <span className={`badge cf-badge cf-list-${status}`}>{t(status === 'sent' ? 'p_conf_list_sent' : 'p_conf_list_decided')}</span>;
}

/** The screening result as the committee reads it. */
export function ScreeningText({ item }: { item: Pick<ConfirmationItem, 'screeningPassed' | 'priorityScore'> }) {
  const { t } = useI18n();
  if (item.screeningPassed === undefined) return <>{t('p_conf_screening_none')}</>;
  return <>{item.screeningPassed ? t('p_conf_screening_passed', { score: item.priorityScore ?? 0 }) : t('p_conf_screening_failed')}</>;
}
