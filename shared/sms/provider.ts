/**
 * One small interface for the SMS providers reachable from the AWS China regions (Amazon SNS
 * SMS is not offered there): Alibaba Cloud SMS and Tencent Cloud SMS through their own SDKs,
 * and the local provider of `npm run dev`, which keeps messages in per-phone inboxes.
 * Every provider answers a send with the provider's message id, or a refusal that says
 * whether trying again may help (throttled, unreachable) or not (template not approved,
 * invalid number).
 */
import type { SmsKind, SmsLang } from '../domain/sms.ts';

export interface OutgoingSms {
  /** mainland mobile number, 11 digits */
  phone: string;
  kind: SmsKind;
  lang: SmsLang;
  /** the template's variables, written out (amounts in yuan, dates as written) */
  values: Record<string, string>;
  /** the whole text as the mother reads it (the local provider keeps it; the others send the template) */
  text: string;
  /** the message's own key, so a provider that supports it can refuse a duplicate */
  messageId: string;
}

/** Why a provider refused: `retry` ones may succeed later; the others never will for this message. */
export type SmsRefusal = 'throttled' | 'unreachable' | 'template_not_approved' | 'invalid_number' | 'refused';
export const RETRYABLE: ReadonlySet<SmsRefusal> = new Set(['throttled', 'unreachable']);

export type SendResult = { ok: true; providerMessageId: string } | { ok: false; refusal: SmsRefusal; code: string; message: string };

/** What the provider knows of a sent message's delivery. */
export type DeliveryState = 'pending' | 'delivered' | 'failed';

export interface SmsProvider {
  readonly name: 'aliyun' | 'tencent' | 'local';
  send(sms: OutgoingSms): Promise<SendResult>;
  /** the delivery state of a message sent on `sentOn` (YYYY-MM-DD, China time) */
  delivery(providerMessageId: string, phone: string, sentOn: string): Promise<DeliveryState>;
}

/** The approved templates of a provider: one per kind and language (codes as filed with the provider). */
export type TemplateCodes = Record<SmsKind, Record<SmsLang, string>>;

/** A provider's account: credentials and registered names, from Secrets Manager in AWS. */
export interface ProviderAccount {
  accessKeyId: string;
  accessKeySecret: string;
  /** the registered signature (签名) */
  signName: string;
  templates: TemplateCodes;
  /** Tencent only: the SMS application's id */
  sdkAppId?: string;
  /** an endpoint other than the provider's own (a local stand-in in tests), `host:port` */
  endpoint?: string;
  /** `http` for a local stand-in; `https` otherwise */
  protocol?: 'http' | 'https';
  region?: string;
}
