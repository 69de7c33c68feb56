/** The public notice (公示) of one posting: the village's applicants posted on one day, for one period, at one place. */
import { maskId } from '../i18n/format.ts';
import type { TownshipKind, VillageKind } from './guarantors.ts';
import { guarantorTitles } from './guarantors.ts';
import type { Posting } from './notice.ts';
import { biRange } from './dates.ts';
import { Bi, BiDate, cat, Field, Money, PlaceName, placeText, SignBox, type BiText, type Place, BiHeader } from './parts.tsx';
import { say, WORDS } from './words.ts';

export interface NoticeDocumentProps {
  posting: Posting;
  village: Place;
  township: Place;
  kinds: { township: TownshipKind; village: VillageKind };
  /** the round's name, printed under the title */
  roundName?: string;
}

export function NoticeDocument({ posting, village, township, kinds, roundName }: NoticeDocumentProps) {
  const committee = villageCommittee(village, guarantorTitles(kinds.township, kinds.village).villageCommittee);
  return (
    <article lang="zh-CN" className="pr-doc pr-notice" aria-label={`${WORDS.notice_title.zh} ${village.zh} ${posting.postedOn}`} data-posting={posting.key}>
      <header className="pr-head">
        <Bi as="h1" text={WORDS.notice_title} className="pr-title" />
        <p className="pr-sub">
          <PlaceName place={township} /> · <PlaceName place={village} />
          {roundName ? <span lang="zh-CN"> · {roundName}</span> : null}
        </p>
      </header>
      <Bi as="p" text={WORDS.notice_intro} className="pr-para" />
      <dl className="pr-fields pr-fields-2">
        <Field label={WORDS.notice_posted_on}>
          <BiDate iso={posting.postedOn} />
        </Field>
        <Field label={WORDS.notice_period} className="pr-notice-period">
          <Bi text={biRange(posting.postedOn, posting.endsOn)} className="pr-date" />
          <Bi text={say('notice_days_n', { n: posting.days })} className="pr-small" />
        </Field>
        <Field label={WORDS.notice_place}>{posting.place ? <span lang="zh-CN">{posting.place}</span> : <span className="pr-blank" />}</Field>
        <Field label={WORDS.notice_where}>
          <Bi text={committee} />
          <PlaceName place={township} />
        </Field>
      </dl>
      {posting.applications.length === 0 ? (
        <Bi as="p" text={WORDS.notice_none} />
      ) : (
        <table className="pr-table">
          <BiHeader columns={[[WORDS.seq, 'pr-num'], WORDS.name, WORDS.resident_id, [WORDS.household_size, 'pr-num'], WORDS.project, [WORDS.amount_requested, 'pr-num']]} />
          <tbody>
            {posting.applications.map((a, i) => (
              <tr key={a.id}>
                <td className="pr-num">{i + 1}</td>
                <td className="pr-person" lang="zh-CN">
                  {a.mother.name}
                </td>
                <td className="pr-mono">{maskId(a.mother.residentId)}</td>
                <td className="pr-num">{a.householdSize}</td>
                <td>
                  <Bi text={WORDS[`pt_${a.project.type}`]} />
                  {a.project.description && (
                    <span className="pr-desc" lang="zh-CN">
                      {a.project.description}
                    </span>
                  )}
                </td>
                <td className="pr-num">
                  <Money fen={a.amountRequestedFen} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={5}>
                <Bi text={say('mothers_n', { n: posting.applications.length })} className="pr-inline-total" />
              </td>
              <td className="pr-num" data-testid="notice-total">
                <Money fen={posting.totalRequestedFen} />
              </td>
            </tr>
          </tfoot>
        </table>
      )}
      <Bi as="p" text={WORDS.notice_objections} className="pr-para" />
      <div className="pr-signs pr-signs-1">
        <SignBox party={<Bi text={committee} />} what={WORDS.seal} stamp date={posting.postedOn} />
      </div>
    </article>
  );
}

/** 支巴村 + 村民委员会 → 支巴村村民委员会 (a residents' committee's own name already says what it is). */
function villageCommittee(village: Place, body: BiText): BiText {
  const named = /(委员会|居委会|社区)$/.test(village.zh);
  return named ? { bo: `${village.bo ?? village.zh} ${body.bo}`, zh: village.zh } : cat(placeText(village), { bo: ' ', zh: '' }, body);
}
