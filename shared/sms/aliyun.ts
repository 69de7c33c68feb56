/** Alibaba Cloud SMS (短信服务, Dysmsapi 2017-05-25) behind the provider interface, through Alibaba's own SDK. */
import type * as dysmsapi from '@alicloud/dysmsapi20170525';
import type { DeliveryState, OutgoingSms, ProviderAccount, SendResult, SmsProvider, SmsRefusal } from './provider.ts';

/** Alibaba's answer codes, by what they mean for the message (its documentation's error code list). */
export function aliyunRefusal(code: string): SmsRefusal {
  if (/LIMIT_CONTROL|Throttling|FLOW_CONTROL|DAY_LIMIT/i.test(code)) return 'throttled';
  if (/TEMPLATE/i.test(code)) return 'template_not_approved';
  if (/MOBILE_NUMBER_ILLEGAL|MOBILE_COUNT_OVER_LIMIT|PHONE/i.test(code)) return 'invalid_number';
  if (/ServiceUnavailable|InternalError|SYSTEM_ERROR/i.test(code)) return 'unreachable';
  return 'refused';
}

/**
 * The adapter for an account. The SDK (1.8 s to load on the 2-core machine, from the sender's
 * layer in AWS) is imported here, on the first message sent through Alibaba, not when the
 * sender starts: a run that has nothing to send never loads it. Its client class is its
 * CommonJS `exports.default`: a bundler's import gives it as the default, Node's own import
 * (the sender loads the SDK from its layer) as `default.default`.
 */
export async function aliyunProvider(account: ProviderAccount): Promise<SmsProvider> {
  const [sdk, { $OpenApiUtil }] = await Promise.all([import('@alicloud/dysmsapi20170525'), import('@alicloud/openapi-core')]);
  const { QuerySendDetailsRequest, SendSmsRequest } = sdk;
  const Dysmsapi: typeof dysmsapi.default = typeof sdk.default === 'function' ? sdk.default : (sdk.default as unknown as { default: typeof dysmsapi.default }).default;
  const client = new Dysmsapi(
    new $OpenApiUtil.Config({
      accessKeyId: account.accessKeyId,
      accessKeySecret: account.accessKeySecret,
      endpoint: account.endpoint ?? 'dysmsapi.aliyuncs.com',
      protocol: account.protocol ?? 'https',
      regionId: account.region ?? 'cn-hangzhou',
    }),
  );
  return {
    name: 'aliyun',
    async send(sms: OutgoingSms): Promise<SendResult> {
      try {
        const { body } = await client.sendSms(
          new SendSmsRequest({
            phoneNumbers: sms.phone,
            signName: account.signName,
            templateCode: account.templates[sms.kind][sms.lang],
            templateParam: JSON.stringify(sms.values),
            outId: sms.messageId.slice(0, 256),
          }),
        );
        if (body?.code === 'OK' && body.bizId) return { ok: true, providerMessageId: body.bizId };
        const code = body?.code ?? 'unknown';
        return { ok: false, refusal: aliyunRefusal(code), code, message: body?.message ?? '' };
      } catch (error) {
        const e = error as { code?: string; message?: string; statusCode?: number };
        const code = e.code ?? 'unreachable';
        return { ok: false, refusal: e.statusCode && e.statusCode < 500 ? aliyunRefusal(code) : 'unreachable', code, message: e.message ?? '' };
      }
    },
    async delivery(providerMessageId, phone, sentOn): Promise<DeliveryState> {
      const { body } = await client.querySendDetails(new QuerySendDetailsRequest({ phoneNumber: phone, bizId: providerMessageId, sendDate: sentOn.replaceAll('-', ''), pageSize: 1, currentPage: 1 }));
      // SendStatus: 1 waiting for the receipt, 2 failed, 3 delivered
      const status = body?.smsSendDetailDTOs?.smsSendDetailDTO?.[0]?.sendStatus;
      return status === 3 ? 'delivered' : status === 2 ? 'failed' : 'pending';
    },
  };
}
