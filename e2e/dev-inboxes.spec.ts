import { expect, test } from './csp-guard.ts';
import { e2eServer } from './helpers.ts';
import { createTwilioSms } from '../src/kinds/sms/twilio-sms.ts';
import { createHttpPushSender } from '../src/kinds/push/push-sender.ts';
import { STANDIN_TWILIO } from '../dev/standins/local-env.ts';

/** This project's stand-ins (each portal of the run has its own). */
const standins = () => `http://127.0.0.1:${e2eServer().ports.http}`;

test('a text message sent through the Twilio SDK shows in the SMS inbox', async ({ page }) => {
  const sms = createTwilioSms({ ...STANDIN_TWILIO, apiBaseUrl: standins(), lookupsBaseUrl: standins() });
  const body = `Two-Step: inbox check ${Date.now()}`;
  await sms.send('+15550101234', body);
  await page.goto('/dev/sms');
  const row = page.getByTestId('sms').filter({ hasText: body });
  await expect(row).toContainText('+15550101234');
  await expect(row).toContainText(STANDIN_TWILIO.from);
});

test('a push notification shows on the simulated device page', async ({ page }) => {
  const body = `Notification ${Date.now()}`;
  await createHttpPushSender(standins()).push({ deviceId: 'e2e-device', deviceName: "Jamie's iPhone" }, { title: 'Two-Step', body });
  await page.goto('/dev/devices');
  await expect(page.getByTestId('push').filter({ hasText: body })).toContainText("Jamie's iPhone");
});
