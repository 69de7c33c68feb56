/** The collection list (收款清单) of a township for collection day: one page per village, the loans due this month and overdue, a column to sign; totals. */
import type { CollectionSheet, CollectionSheetVillage } from './collection.ts';
import { A4_LANDSCAPE_PAGE, usePaper } from './paper.ts';
import { Bi, BiDate, Labelled, Money, PlaceName, type Place, BiHeader } from './parts.tsx';
import { say, WORDS } from './words.ts';

export interface CollectionListProps {
  sheet: CollectionSheet;
  township: Place;
}

export function CollectionListDocument({ sheet, township }: CollectionListProps) {
  usePaper(A4_LANDSCAPE_PAGE);
  return (
    <section className="pr-collection" lang="zh-CN" aria-label={`${WORDS.col_title.zh} ${township.zh}`}>
      {sheet.villages.length === 0 ? (
        <article lang="zh-CN" className="pr-doc pr-collection-page">
          <Head township={township} asOf={sheet.asOf} />
          <Bi as="p" text={WORDS.col_none} />
        </article>
      ) : (
        sheet.villages.map((v) => <VillagePage key={v.officeId} village={v} township={township} asOf={sheet.asOf} />)
      )}
      <article lang="zh-CN" className="pr-doc pr-collection-page pr-collection-summary">
        <Head township={township} asOf={sheet.asOf} />
        <table className="pr-table">
          <BiHeader columns={[WORDS.village, [WORDS.col_due_this_month, 'pr-num'], [WORDS.col_overdue, 'pr-num'], [WORDS.col_to_collect, 'pr-num'], [WORDS.col_received, 'pr-num']]} />
          <tbody>
            {sheet.villages.map((v) => (
              <tr key={v.officeId}>
                <td>
                  <span className="pr-row">
                    <span lang="zh-CN" className="pr-person">
                      {v.name}
                    </span>
                    <Bi text={say('col_loans_n', { n: v.totals.loans })} className="pr-small" />
                  </span>
                </td>
                <td className="pr-num">
                  <Money fen={v.totals.dueFen} />
                </td>
                <td className="pr-num">
                  <Money fen={v.totals.overdueFen} />
                </td>
                <td className="pr-num">
                  <Money fen={v.totals.toCollectFen} />
                </td>
                <td />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="collection-grand-total">
              <td>
                <Labelled label={WORDS.col_grand_total}>
                  <Bi text={say('col_loans_n', { n: sheet.totals.loans })} className="pr-small" />
                </Labelled>
              </td>
              <td className="pr-num">
                <Money fen={sheet.totals.dueFen} />
              </td>
              <td className="pr-num">
                <Money fen={sheet.totals.overdueFen} />
              </td>
              <td className="pr-num">
                <Money fen={sheet.totals.toCollectFen} capitals />
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
        <Signatures />
      </article>
    </section>
  );
}

function Head({ township, asOf, village }: { township: Place; asOf: string; village?: string }) {
  return (
    <header className="pr-head pr-collection-head">
      <Bi as="h1" text={WORDS.col_title} className="pr-title" />
      <p className="pr-sub">
        <span className="pr-places">
          <PlaceName place={township} />
          {village ? <span lang="zh-CN"> · {village}</span> : null}
        </span>
        <Labelled label={WORDS.col_as_of}>
          <BiDate iso={asOf} />
        </Labelled>
      </p>
    </header>
  );
}

function Signatures() {
  return (
    <div className="pr-signs pr-signs-2">
      {[WORDS.col_collector, WORDS.col_checker].map((w) => (
        <div className="pr-sign" key={w.zh}>
          <div className="pr-sign-party">
            <Bi text={w} />
          </div>
          <div className="pr-sign-line" />
        </div>
      ))}
    </div>
  );
}

function VillagePage({ village, township, asOf }: { village: CollectionSheetVillage; township: Place; asOf: string }) {
  return (
    <article lang="zh-CN" className="pr-doc pr-collection-page" data-village={village.officeId}>
      <Head township={township} asOf={asOf} village={village.name} />
      <table className="pr-table pr-collection-table">
        <BiHeader
          columns={[
            [WORDS.seq, 'pr-num'],
            WORDS.name,
            WORDS.agreement_no,
            WORDS.due_on,
            WORDS.col_state,
            [WORDS.col_days_past_due, 'pr-num'],
            [WORDS.principal, 'pr-num'],
            [WORDS.balance, 'pr-num'],
            [WORDS.col_received, 'pr-write'],
            [WORDS.receipt_no, 'pr-write'],
            [WORDS.col_signature, 'pr-write pr-sig-col'],
          ]}
        />
        <tbody>
          {village.loans.map((l, i) => (
            <tr key={l.loanId} className={l.state === 'overdue' ? 'pr-overdue' : undefined}>
              <td className="pr-num">{i + 1}</td>
              <td className="pr-person" lang="zh-CN">
                {l.motherName}
              </td>
              <td className="pr-mono">{l.agreementNo ?? ''}</td>
              <td>
                <BiDate iso={l.dueOn} />
              </td>
              <td>
                <Bi text={l.state === 'overdue' ? WORDS.col_overdue : WORDS.col_due_this_month} />
              </td>
              <td className="pr-num">{l.state === 'overdue' ? l.daysPastDue : ''}</td>
              <td className="pr-num">
                <Money fen={l.principalFen} />
              </td>
              <td className="pr-num">
                <Money fen={l.balanceFen} />
              </td>
              <td />
              <td />
              <td />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="collection-village-total">
            <td colSpan={7}>
              <span className="pr-subtotals">
                <Labelled label={WORDS.col_village_total}>
                  <Bi text={say('col_loans_n', { n: village.totals.loans })} className="pr-small" />
                </Labelled>
                <Labelled label={WORDS.col_due_this_month}>
                  <Money fen={village.totals.dueFen} />
                </Labelled>
                <Labelled label={WORDS.col_overdue}>
                  <Money fen={village.totals.overdueFen} />
                </Labelled>
              </span>
            </td>
            <td className="pr-num">
              <Money fen={village.totals.toCollectFen} />
            </td>
            <td />
            <td />
            <td />
          </tr>
        </tfoot>
      </table>
      {!village.totalsAgree && <Bi as="p" text={WORDS.col_totals_differ} className="pr-warning" />}
      <Signatures />
    </article>
  );
}
