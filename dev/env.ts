/** Imported first by local entry points: quiets the SDK's Node 20 notice before the SDK loads. */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.AWS_REGION ??= 'local';
// one JSON line per request is what Lambda logs in AWS; locally only warnings unless asked (LOG_LEVEL=INFO)
process.env.LOG_LEVEL ??= 'WARN';
// text messages to the mothers go to the local provider's inboxes (/dev/sms; the web page #/dev-sms)
process.env.SMS_PROVIDER ??= 'local';
