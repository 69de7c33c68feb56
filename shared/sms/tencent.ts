/** Tencent Cloud SMS (SMS 2021-01-11) behind the provider interface, through Tencent's own SDK. */
import { SMS_TEMPLATE_PARAMS } from '../i18n/sms.ts';
import type { DeliveryState, OutgoingSms, ProviderAccount, SendResult, SmsProvider, SmsRefusal } from './provider.ts';

/** Tencent's answer codes, by what they mean for the message (its documentation's error code list). */
export function tencentRefusal(code: string): SmsRefusal {
  if (/^LimitExceeded|RequestLimitExceeded/i.test(code)) return 'throttled';
  if (/Template/i.test(code)) return 'template_not_approved';
  if (/PhoneNumber|IncorrectPhone/i.test(code)) return 'invalid_number';
  if (/^InternalError|ServiceUnavailable|Timeout/i.test(code)) return 'unreachable';
  return 'refused';
}

/** The adapter for an account. The SDK is imported here, on the first message sent through Tencent, not when the sender starts (from the sender's layer in AWS). */
export async function tencentProvider(account: ProviderAccount): Promise<SmsProvider> {
  const tencentcloud = await import('tencentcloud-sdk-nodejs-sms');
  const client = new tencentcloud.sms.v20210111.Client({
    credential: { secretId: account.accessKeyId, secretKey: account.accessKeySecret },
    region: account.region ?? 'ap-guangzhou',
    profile: { httpProfile: { endpoint: account.endpoint ?? 'sms.tencentcloudapi.com', protocol: `${account.protocol ?? 'https'}://`, reqTimeout: 10 } },
  });
  return {
    name: 'tencent',
    async send(sms: OutgoingSms): Promise<SendResult> {
      try {
        const answer = await client.SendSms({
          PhoneNumberSet: [`+86${sms.phone}`],
          SmsSdkAppId: account.sdkAppId ?? '',
          SignName: account.signName,
          TemplateId: account.templates[sms.kind][sms.lang],
          // Tencent's templates number their variables {1}, {2}, …: in the order of SMS_TEMPLATE_PARAMS
          TemplateParamSet: SMS_TEMPLATE_PARAMS[sms.kind].map((name) => sms.values[name] ?? ''),
          SessionContext: sms.messageId.slice(0, 512),
        });
        const status = answer.SendStatusSet?.[0];
        if (status?.Code === 'Ok' && status.SerialNo) return { ok: true, providerMessageId: status.SerialNo };
        const code = status?.Code ?? 'unknown';
        return { ok: false, refusal: tencentRefusal(code), code, message: status?.Message ?? '' };
      } catch (error) {
        const e = error as { code?: string; message?: string; httpCode?: number };
        const code = e.code || 'unreachable';
        return { ok: false, refusal: e.code ? tencentRefusal(code) : 'unreachable', code, message: e.message ?? '' };
      }
    },
    async delivery(providerMessageId, phone, sentOn): Promise<DeliveryState> {
      const day = Date.parse(`${sentOn}T00:00:00+08:00`) / 1000;
      const answer = await client.PullSmsSendStatusByPhoneNumber({
        BeginTime: day,
        EndTime: day + 2 * 86_400,
        Offset: 0,
        Limit: 100,
        PhoneNumber: `+86${phone}`,
        SmsSdkAppId: account.sdkAppId ?? '',
      });
      const found = answer.PullSmsSendStatusSet?.find((s) => s.SerialNo === providerMessageId);
      return !found ? 'pending' : found.ReportStatus === 'SUCCESS' ? 'delivered' : 'failed';
    },
  };
}
