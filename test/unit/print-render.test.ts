/**
 * The printed documents as a villager reads them: every heading, label and sentence with its
 * Tibetan line above the Chinese one; the right dates, titles, amounts and totals.
 */
import { describe, expect, it } from 'vitest';
import { render } from './print-samples.ts';

const PAIR = /<span lang="bo" class="pr-bo">([^<]*)<\/span><span lang="zh-CN" class="pr-zh">([^<]*)<\/span>/g;

/** Every bilingual element, as [Tibetan, Chinese] in document order. */
function pairs(html: string): [string, string][] {
  return [...html.matchAll(PAIR)].map((m) => [m[1]!, m[2]!]);
}
/** Text without tags (entities of quotes decoded), to look for what a reader sees. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');

describe.each(Object.entries(render))('%s', (_name, draw) => {
  it('puts a Tibetan line above the Chinese line in every bilingual element and heading', () => {
    const html = draw();

    const found = pairs(html);
    expect(found.length).toBeGreaterThan(10);
    expect(found.length).toBe(html.match(/class="pr-bi[ "]/g)?.length);
    for (const [bo, zh] of found) {
      expect(bo).toMatch(/[\u0F40-\u0FBC]/u);
      expect(zh).toMatch(/[\u4E00-\u9FFF]/u);
    }
    for (const heading of html.match(/<h[12][^>]*>.*?<\/h[12]>/g) ?? []) expect(heading).toMatch(/^<h[12] class="pr-bi[^>]*><span lang="bo"/);
  });
});

describe('public notice', () => {
  it('prints one posting with its own dates and only its own applicants', () => {
    const t = text(render.notice());

    expect(t).toContain('2026年4月20日');
    expect(t).toContain('2026年4月26日');
    expect(t).toContain('སྤྱི་ལོ་༢༠༢༦ ཟླ་༤ ཚེས་༢༠');
    expect(t).not.toContain('2026年3月');
    expect(t).toMatch(/德吉.*白玛/);
    expect(t).not.toContain('卓玛');
    expect(t).not.toContain('央金');
    expect(t).toContain('¥20,000');
  });

  it('masks resident IDs and names the village committee that stamps it', () => {
    const html = render.notice();

    expect(html).toContain('5401**********0063');
    expect(html).not.toContain('540102199205050063');
    expect(text(html)).toContain('村民委员会');
  });

  it('prints each posting as its own document', () => {
    const html = render.notices();

    expect(html.match(/<article lang="zh-CN" class="pr-doc pr-notice"/g)).toHaveLength(2);
  });
});

describe('loan agreement', () => {
  it('shows the readable agreement number, never the record id', () => {
    const html = render.agreement();

    expect(text(html)).toContain('城关-2026-04-017');
    expect(html).not.toContain('01JQ7Z3K8M4N5P6Q7R8S9T0V1W');
  });

  it('prints no agreement number at all when the loan has none', () => {
    const html = render.agreementWithoutNumber();

    expect(html).not.toContain('协议编号');
    expect(html).not.toContain('01JQ7Z3K8M4N5P6Q7R8S9T0V1W');
  });

  it('names the five parties and the amount in figures and in capitals', () => {
    const t = text(render.agreement());

    for (const party of ['拉萨市幸福工程组委会', '城关区项目办', '蔡公堂乡', '支巴村', '卓玛']) expect(t).toContain(party);
    expect(t).toContain('¥10,000');
    expect(t).toContain('壹万元整');
    expect(t).toContain('2028年5月10日');
  });

  it('gives rural guarantors the titles 乡长 and 村委会主任', () => {
    const found = pairs(render.agreement()).map(([, zh]) => zh);

    expect(found).toContain('乡长');
    expect(found).toContain('村委会主任');
    expect(found).not.toContain('街道办事处主任');
  });

  it('gives urban guarantors the titles 街道办事处主任 and 居委会主任', () => {
    const found = pairs(render.agreementUrban()).map(([, zh]) => zh);

    expect(found).toContain('街道办事处主任');
    expect(found).toContain('居委会主任');
    expect(found).not.toContain('乡长');
    expect(found).not.toContain('村委会主任');
  });

  it('has a line to sign for each of the five parties, with a thumbprint box for the mother', () => {
    const html = render.agreement();

    expect(html.match(/class="pr-sign"/g)).toHaveLength(5);
    expect(html.match(/class="pr-sign-thumb"/g)).toHaveLength(1);
  });
});

describe('receipt', () => {
  it('prints the counterfoil and the mother’s copy with the same number, amount and balance', () => {
    const html = render.receipt();
    const t = text(html);

    expect(html.match(/class="pr-receipt-copy"/g)).toHaveLength(2);
    expect(t.match(/CGT-2027-0012/g)).toHaveLength(2);
    expect(t.match(/壹仟伍佰元伍角整/g)).toHaveLength(2);
    expect(t.match(/¥6,499\.50/g)).toHaveLength(2);
    expect(t).toContain('存根');
    expect(t).toContain('交款人收执');
    expect(t).toContain('格桑');
  });
});

describe('repayment card', () => {
  it('lists her repayments in the order paid with receipt numbers and balances, then empty lines', () => {
    const html = render.card();
    const t = text(html);

    expect(t).toMatch(/CGT-2027-0003.*CGT-2027-0012/);
    expect(t).toMatch(/¥8,000.*¥6,499\.50/);
    expect(html.match(/class="pr-empty-line"/g)).toHaveLength(8);
  });
});

describe('collection list', () => {
  it('prints one page per village with something to collect, and the township totals', () => {
    const html = render.collection();

    expect(html.match(/data-village="/g)).toHaveLength(2);
    expect(html).not.toContain('岗珠村');
    const grand = text(/<tr data-testid="collection-grand-total">.*?<\/tr>/.exec(html)![0]);
    expect(grand).toContain('¥33,499.50');
    expect(grand).toContain('¥4,200');
    expect(grand).toContain('¥37,699.50');
    expect(grand).toContain('叁万柒仟陆佰玖拾玖元伍角整');
  });

  it('has a column for the mother’s signature on every line', () => {
    const html = render.collection();

    expect(html.match(/pr-sig-col/g)).toHaveLength(2);
    expect(text(html)).toContain('本人签字');
  });
});
