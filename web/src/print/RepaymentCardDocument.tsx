/** The repayment card (还款卡) a mother keeps: her loan, each repayment with its receipt and the balance after, and lines for the ones to come. */
import type { MotherDetails } from '../../../shared/domain/entities.ts';
import { repaymentCardLines, type CardRepayment } from './card.ts';
import { Bi, BiDate, Field, Money, PlaceName, type Place, BiHeader } from './parts.tsx';
import { QrCode } from './QrCode.tsx';
import { SMS_WORDS } from './sms-words.ts';
import { say, WORDS } from './words.ts';

export interface RepaymentCardProps {
  loan: {
    agreementNo?: string;
    mother: Pick<MotherDetails, 'name'>;
    principalFen: number;
    balanceFen: number;
    termMonths: number;
    dueOn?: string;
    disbursement?: { disbursedOn: string };
    writeOff?: { amountFen: number };
  };
  repayments: readonly CardRepayment[];
  township: Place;
  village: Place;
  /** the link of the public check of her latest repayment (the QR code), when she has repaid */
  verifyUrl?: string;
}

export function RepaymentCardDocument({ loan, repayments, township, village, verifyUrl }: RepaymentCardProps) {
  const lines = repaymentCardLines(repayments, loan.balanceFen);
  return (
    <article lang="zh-CN" className="pr-doc pr-card" aria-label={`${WORDS.card_title.zh} ${loan.mother.name}`}>
      <header className="pr-head">
        <Bi as="h1" text={WORDS.card_title} className="pr-title" />
        <p className="pr-sub">
          <span className="pr-person pr-big">{loan.mother.name}</span> · <PlaceName place={township} /> <PlaceName place={village} />
        </p>
      </header>
      <dl className="pr-fields pr-fields-2">
        <Field label={WORDS.agreement_no}>{loan.agreementNo ? <span className="pr-mono">{loan.agreementNo}</span> : <span className="pr-blank" />}</Field>
        <Field label={WORDS.principal}>
          <Money fen={loan.principalFen} />
        </Field>
        <Field label={WORDS.ag_disbursed_on}>
          <BiDate iso={loan.disbursement?.disbursedOn} />
        </Field>
        <Field label={WORDS.ag_term}>
          <Bi text={say('months_n', { n: loan.termMonths })} />
        </Field>
        <Field label={WORDS.due_on} className="pr-card-due">
          <BiDate iso={loan.dueOn} />
        </Field>
        <Field label={WORDS.balance}>
          {/* written off: says so with the amount, never ¥0 alone (which reads as repaid) */}
          {loan.writeOff ? (
            <span className="pr-written-off">
              <Bi text={WORDS.written_off} /> <Money fen={loan.writeOff.amountFen} />
            </span>
          ) : (
            <Money fen={loan.balanceFen} />
          )}
        </Field>
      </dl>
      <Bi as="h2" text={WORDS.card_repayments} />
      <table className="pr-table pr-card-table">
        <BiHeader columns={[[WORDS.seq, 'pr-num'], WORDS.paid_on, [WORDS.amount, 'pr-num'], WORDS.receipt_no, [WORDS.rc_balance_after, 'pr-num'], WORDS.clerk]} />
        <tbody>
          {lines.map(({ n, repayment: r }) => (
            <tr key={n} className={r ? undefined : 'pr-empty-line'}>
              <td className="pr-num">{n}</td>
              <td>{r ? <BiDate iso={r.paidOn} /> : null}</td>
              <td className="pr-num">{r ? <Money fen={r.amountFen} /> : null}</td>
              <td className="pr-mono">{r?.receiptNo}</td>
              <td className="pr-num">{r ? <Money fen={r.balanceAfterFen} /> : null}</td>
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pr-card-foot">
        <Bi as="p" text={WORDS.card_keep} className="pr-para pr-small" />
        {verifyUrl && <QrCode url={verifyUrl} caption={SMS_WORDS.qr_card} />}
      </div>
    </article>
  );
}
