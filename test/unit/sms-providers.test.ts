/**
 * The Alibaba Cloud and Tencent Cloud adapters, through the providers' real SDKs, against local
 * stand-ins of their HTTP APIs (endpoint override): a message sent, and the providers' own
 * refusals — throttled, template not approved, invalid number — each mapped to what it means.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMS_KINDS } from '../../shared/domain/sms.ts';
import { smsText, templateValues } from '../../shared/i18n/sms.ts';
import { aliyunProvider } from '../../shared/sms/aliyun.ts';
import type { OutgoingSms, ProviderAccount, SmsProvider, TemplateCodes } from '../../shared/sms/provider.ts';
import { tencentProvider } from '../../shared/sms/tencent.ts';
import { aliyunStandIn, tencentStandIn, type StandIn } from '../support/sms-standins.ts';

const templates = Object.fromEntries(SMS_KINDS.map((k) => [k, { 'zh-CN': `SMS_${k}_ZH`, bo: `SMS_${k}_BO` }])) as TemplateCodes;
const approved = Object.values(templates)
  .flatMap((t) => Object.values(t))
  .filter((code) => code !== 'SMS_payout_BO');

function repayment(phone: string): OutgoingSms {
  const params = { amountFen: 380_000, receiptNo: 'SJ-2026-0101', balanceFen: 620_000 };
  return { phone, kind: 'repayment', lang: 'zh-CN', values: templateValues('repayment', 'zh-CN', params), text: smsText('repayment', 'zh-CN', params), messageId: `repayment#r1#${phone}` };
}

const cases: { name: string; start: () => Promise<StandIn>; make: (a: ProviderAccount) => Promise<SmsProvider> }[] = [
  { name: 'Alibaba Cloud', start: () => aliyunStandIn({ approvedTemplates: approved, perPhoneLimit: 2 }), make: aliyunProvider },
  { name: 'Tencent Cloud', start: () => tencentStandIn({ approvedTemplates: approved, perPhoneLimit: 2 }), make: tencentProvider },
];

describe.each(cases)('the $name adapter, through its SDK', ({ start, make }) => {
  let standIn: StandIn;
  let provider: SmsProvider;
  beforeAll(async () => {
    standIn = await start();
    provider = await make({ accessKeyId: 'test-id', accessKeySecret: 'test-secret', signName: '幸福工程', templates, sdkAppId: '1400000000', endpoint: standIn.endpoint, protocol: 'http' });
  });
  afterAll(() => standIn.close());

  it('sends a repayment confirmation with the template’s values and answers the provider’s message id', async () => {
    const answer = await provider.send(repayment('13800000001'));
    expect(answer).toMatchObject({ ok: true, providerMessageId: expect.any(String) });
    expect(standIn.sent).toHaveLength(1);
    expect(standIn.sent[0]).toMatchObject({ phone: '13800000001', template: 'SMS_repayment_ZH' });
    expect(JSON.stringify(standIn.sent[0]!.params)).toContain('3,800元');
    expect(JSON.stringify(standIn.sent[0]!.params)).toContain('6,200元');
  });

  it('reads the delivery of a sent message', async () => {
    const answer = await provider.send(repayment('13800000002'));
    if (!answer.ok) throw new Error(answer.code);
    expect(await provider.delivery(answer.providerMessageId, '13800000002', '2026-12-06')).toBe('delivered');
  });

  it('says a template that is not approved is final, and sends nothing', async () => {
    const before = standIn.sent.length;
    const answer = await provider.send({ ...repayment('13800000003'), kind: 'payout', lang: 'bo' });
    expect(answer).toMatchObject({ ok: false, refusal: 'template_not_approved' });
    expect(standIn.sent.length).toBe(before);
  });

  it('says an invalid number is final', async () => {
    expect(await provider.send(repayment('1380000'))).toMatchObject({ ok: false, refusal: 'invalid_number' });
  });

  it('says throttling may pass: the same number once too often, then the whole account', async () => {
    await provider.send(repayment('13800000004'));
    await provider.send(repayment('13800000004'));
    expect(await provider.send(repayment('13800000004'))).toMatchObject({ ok: false, refusal: 'throttled' });
    standIn.throttleAll = true;
    expect(await provider.send(repayment('13800000005'))).toMatchObject({ ok: false, refusal: 'throttled' });
    standIn.throttleAll = false;
  });

  it('says a provider it cannot reach is worth another try', async () => {
    const gone = await make({ accessKeyId: 'x', accessKeySecret: 'y', signName: 's', templates, sdkAppId: '1', endpoint: '127.0.0.1:9', protocol: 'http' });
    expect(await gone.send(repayment('13800000006'))).toMatchObject({ ok: false, refusal: 'unreachable' });
  });
});
