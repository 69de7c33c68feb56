/** The public notice (公示): its dates and place, and the form to record it (`NoticeInput`). */
import { NoticeInput } from '../../../../shared/domain/schemas.ts';
import type { Round } from '../../../../shared/domain/entities.ts';
import { write } from '../../api/queries.ts';
import { todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { hrefOf, Link } from '../../router.tsx';
import { FormActions, FormField, useSchemaForm } from '../../ui/form.tsx';
import { Facts, Section, useDate } from '../../ui/layout.tsx';
import { noticeState } from './notice.ts';
import type { SectionProps } from './props.ts';

interface NoticeForm {
  postedOn: string;
  days?: number;
  place: string;
}

const wholeNumber = (v: string) => (v.trim() === '' ? undefined : /^\d+$/.test(v.trim()) ? Number(v) : Number.NaN);

export function NoticeSection({ app, round, role, open }: SectionProps & { round?: Round }) {
  const { t } = useI18n();
  const fmt = useDate();
  const today = todayIso();
  const form = useSchemaForm<NoticeForm, NoticeInput>(NoticeInput, { defaultValues: { postedOn: today, days: round?.noticeDays ?? 7, place: '' } });
  const ns = noticeState(app.notice, today);
  const canPost = open && !app.notice && (role === 'township' || role === 'district');
  const onSubmit = form.submit((body) => write('POST /applications/{id}/notice', { params: { id: app.id }, body }));

  return (
    <Section
      title={t('d_public_notice')}
      actions={
        <Link to={hrefOf('/notice', { roundId: app.roundId, villageId: app.villageId })} className="d-small">
          {t('d_print_village_notice')}
        </Link>
      }
    >
      {app.notice ? (
        <>
          <p>
            <span className={`d-notice d-notice-${ns}`}>{ns === 'running' ? t('d_notice_running_until', { date: fmt(app.notice.endsOn) }) : t('d_notice_over')}</span>
          </p>
          <Facts
            rows={[
              [t('d_posted_on'), fmt(app.notice.postedOn)],
              [t('d_notice_days'), t('d_days', { n: app.notice.days })],
              [t('d_notice_ends_on'), fmt(app.notice.endsOn)],
              [t('d_notice_place'), app.notice.place ?? '—'],
            ]}
          />
        </>
      ) : (
        <p className="muted">{t('d_notice_none_yet')}</p>
      )}
      {canPost && (
        <form onSubmit={onSubmit} className="d-inline-form" aria-label={t('d_post_notice')} noValidate>
          <div className="grid three">
            <FormField label={t('d_posted_on')} error={form.errorOf('postedOn')}>
              {(p) => <input {...p} type="date" max={today} {...form.register('postedOn')} />}
            </FormField>
            <FormField label={t('d_notice_days')} error={form.errorOf('days')} hint={round ? t('d_notice_days_hint', { n: round.noticeDays }) : undefined}>
              {(p) => <input {...p} inputMode="numeric" {...form.register('days', { setValueAs: (v: string | number) => (typeof v === 'number' ? v : wholeNumber(v)) })} />}
            </FormField>
            <FormField label={t('d_notice_place_optional')} error={form.errorOf('place')}>
              {(p) => <input {...p} placeholder={t('d_notice_place_placeholder')} {...form.register('place')} />}
            </FormField>
          </div>
          <FormActions error={form.serverError} busy={form.formState.isSubmitting} submitLabel={t('d_post_notice')} />
        </form>
      )}
    </Section>
  );
}
