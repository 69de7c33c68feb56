/**
 * Each printed document rendered to static HTML from the sample records in `print-fixtures.ts`,
 * for the render test and for the screenshot script (`npx tsx scripts/print-screenshots.ts`).
 * Not a test file itself.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { AgreementDocument, type AgreementDocumentProps } from '../../web/src/print/AgreementDocument.tsx';
import { collectionSheet } from '../../web/src/print/collection.ts';
import { CollectionListDocument } from '../../web/src/print/CollectionListDocument.tsx';
import { noticePostings } from '../../web/src/print/notice.ts';
import { NoticeDocument } from '../../web/src/print/NoticeDocument.tsx';
import { ReceiptDocument } from '../../web/src/print/ReceiptDocument.tsx';
import { RepaymentCardDocument } from '../../web/src/print/RepaymentCardDocument.tsx';
import { applications, collectionReport, loan, repayments } from './print-fixtures.ts';

export const places = {
  committee: { zh: '拉萨市幸福工程组委会' },
  district: { zh: '城关区项目办' },
  township: { zh: '蔡公堂乡' },
  village: { zh: '支巴村' },
};
export const urbanPlaces = { ...places, township: { zh: '吉崩岗街道' }, village: { zh: '鲁固居委会' } };

export const zhibaPostings = noticePostings(applications.filter((a) => a.villageId.endsWith('.zhiba')));
const sortedRepayments = [...repayments].sort((a, b) => a.paidOn.localeCompare(b.paidOn));

const agreementProps: AgreementDocumentProps = {
  loan,
  project: { type: 'livestock', description: '养牦牛 6 头，出售酥油和牛犊' },
  offices: places,
  kinds: { township: 'xiang', village: 'cun' },
  roundName: '2026 年第 4 轮',
};

export const render = {
  /** the second of Zhiba's two postings */
  notice: () =>
    renderToStaticMarkup(
      createElement(NoticeDocument, { posting: zhibaPostings[1]!, village: places.village, township: places.township, kinds: { township: 'xiang', village: 'cun' }, roundName: '2026 年第 4 轮' }),
    ),
  /** every posting of the village, each its own page */
  notices: () =>
    zhibaPostings
      .map((posting) => renderToStaticMarkup(createElement(NoticeDocument, { posting, village: places.village, township: places.township, kinds: { township: 'xiang', village: 'cun' } })))
      .join(''),
  agreement: () => renderToStaticMarkup(createElement(AgreementDocument, agreementProps)),
  agreementUrban: () => renderToStaticMarkup(createElement(AgreementDocument, { ...agreementProps, offices: urbanPlaces, kinds: { township: 'jiedao', village: 'juweihui' } })),
  agreementWithoutNumber: () => renderToStaticMarkup(createElement(AgreementDocument, { ...agreementProps, loan: { ...loan, agreementNo: undefined } })),
  /** the receipt of the second repayment (1,500.50 yuan) */
  receipt: () => renderToStaticMarkup(createElement(ReceiptDocument, { repayment: sortedRepayments[1]!, loan, township: places.township, village: places.village, receivedBy: '格桑' })),
  card: () => renderToStaticMarkup(createElement(RepaymentCardDocument, { loan, repayments, township: places.township, village: places.village })),
  collection: () => renderToStaticMarkup(createElement(CollectionListDocument, { sheet: collectionSheet(collectionReport), township: places.township })),
};
