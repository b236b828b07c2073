// The text of the verification SMS: names the service so the person knows who sent it, carries the
// code, and never a link (a link in a code message is what phishing texts look like).
export function verificationSms(code: string): string {
  return `Two-Step: your verification code is ${code}. Don't share it.`;
}
