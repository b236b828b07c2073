// The Twilio and push stand-ins for integration tests, reached as the app reaches them: texts go
// through the real `twilio` SDK (createTwilioSms: Messages and Lookup) and pushes through the app's
// HTTP push sender, to stand-ins on loopback. `sms.sent` and `push.pushed` read back, oldest first,
// what the stand-ins received, as a person reads a code off their phone or device.
//
// Each call starts its own stand-in servers on ports the system picks (port 0), so test files that
// run in parallel never share a port or each other's inboxes.
import { startStandins, type Standins } from '../../dev/standins/server.ts';
import { STANDIN_TWILIO } from '../../dev/standins/local-env.ts';
import { createTwilioSms, type LineTypeLookup, type SmsSender } from '../../src/kinds/sms/twilio-sms.ts';
import { createHttpPushSender, type PushSender } from '../../src/kinds/push/push-sender.ts';

export type SentText = { to: string; body: string };
export type SentPush = { deviceId: string; body: string };

export interface StandinSenders {
  /** The real Twilio adapter; `sent` is what the Twilio stand-in received, oldest first. */
  sms: SmsSender & LineTypeLookup & { readonly sent: SentText[] };
  /** The real HTTP push sender; `pushed` is what the push stand-in received, oldest first. */
  push: PushSender & { readonly pushed: SentPush[] };
  standins: Standins;
  /** Forgets what the stand-ins received (and any Twilio fault), between tests. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function startStandinSenders(): Promise<StandinSenders> {
  const standins = await startStandins();
  const twilio = createTwilioSms({
    accountSid: STANDIN_TWILIO.accountSid,
    authToken: STANDIN_TWILIO.authToken,
    from: STANDIN_TWILIO.from,
    apiBaseUrl: standins.httpUrl,
    lookupsBaseUrl: standins.httpUrl,
    timeoutMs: 10_000,
  });
  const pushSender = createHttpPushSender(standins.httpUrl, 10_000);
  const sms = {
    send: (to: string, body: string) => twilio.send(to, body),
    lineType: (phoneNumber: string) => twilio.lineType(phoneNumber),
    get sent(): SentText[] {
      return standins.twilio
        .messages()
        .reverse()
        .map((m) => ({ to: m.to, body: m.body }));
    },
  };
  const push = {
    push: pushSender.push,
    get pushed(): SentPush[] {
      return standins.push
        .notifications()
        .slice()
        .reverse()
        .map((n) => ({ deviceId: n.deviceId, body: n.body }));
    },
  };
  return {
    sms,
    push,
    standins,
    async reset() {
      standins.twilio.reset();
      await fetch(new URL('/_standin/push', standins.httpUrl), { method: 'DELETE' });
    },
    stop: () => standins.stop(),
  };
}
