/** The receipt (收据) for one repayment: the counterfoil the office keeps and the mother's copy, on one A4 sheet, with a line to cut along. */
import type { CardRepayment } from './card.ts';
import { Bi, BiDate, Field, Labelled, Money, PlaceName, type BiText, type Place } from './parts.tsx';
import { QrCode } from './QrCode.tsx';
import { SMS_WORDS } from './sms-words.ts';
import { WORDS } from './words.ts';

export interface ReceiptDocumentProps {
  repayment: CardRepayment;
  loan: { agreementNo?: string; mother: { name: string } };
  township: Place;
  village: Place;
  /** the name of the person who took the money (the clerk's display name); a line to sign when unknown */
  receivedBy?: string;
  /** the link of its public check (the QR code); none on a blank or a preview */
  verifyUrl?: string;
}

export function ReceiptDocument(props: ReceiptDocumentProps) {
  return (
    <article lang="zh-CN" className="pr-doc pr-receipt" aria-label={`${WORDS.rc_title.zh} ${props.repayment.receiptNo}`}>
      <ReceiptCopy {...props} copy={WORDS.rc_counterfoil} />
      <div className="pr-cut" aria-hidden="true">
        <Bi text={WORDS.rc_cut} className="pr-inline" />
      </div>
      <ReceiptCopy {...props} copy={WORDS.rc_mother_copy} />
    </article>
  );
}

function ReceiptCopy({ repayment, loan, township, village, receivedBy, verifyUrl, copy }: ReceiptDocumentProps & { copy: BiText }) {
  return (
    <section className="pr-receipt-copy">
      <header className="pr-head pr-receipt-head">
        <Bi as="h1" text={WORDS.rc_title} className="pr-title" />
        <Bi as="p" text={copy} className="pr-copy" />
        <p className="pr-receipt-no">
          <Labelled label={WORDS.receipt_no}>
            <strong>{repayment.receiptNo}</strong>
          </Labelled>
        </p>
      </header>
      <dl className="pr-fields pr-fields-2">
        <Field label={WORDS.paid_on}>
          <BiDate iso={repayment.paidOn} />
        </Field>
        <Field label={WORDS.rc_payer}>
          <span className="pr-person">{loan.mother.name}</span> · <PlaceName place={village} />
        </Field>
        <Field label={WORDS.agreement_no}>{loan.agreementNo ? <span className="pr-mono">{loan.agreementNo}</span> : <span className="pr-blank" />}</Field>
        <Field label={WORDS.amount} className="pr-receipt-amount">
          <Money fen={repayment.amountFen} capitals />
        </Field>
        <Field label={WORDS.rc_balance_after}>
          <Money fen={repayment.balanceAfterFen} />
        </Field>
        <Field label={WORDS.rc_received_by}>{receivedBy ? <span className="pr-person">{receivedBy}</span> : <span className="pr-blank" />}</Field>
      </dl>
      <Bi as="p" text={WORDS.rc_text} className="pr-para" />
      <div className="pr-receipt-foot">
        {verifyUrl ? <QrCode url={verifyUrl} caption={SMS_WORDS.qr_receipt} /> : <span />}
        <div className="pr-receipt-stamp">
          <PlaceName place={township} />
          <Bi text={WORDS.seal} className="pr-small" />
          <div className="pr-sign-stamp" aria-hidden="true" />
        </div>
      </div>
    </section>
  );
}
