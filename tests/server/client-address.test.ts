import { describe, expect, it } from 'vitest';
import { clientAddressOf, setClientAddress } from '../../src/server/client-address.ts';

function request(forwardedFor?: string) {
  return {
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    socket: { remoteAddress: '198.51.100.9' },
  } as never as Parameters<typeof setClientAddress>[0];
}

describe('the client address of a request', () => {
  it('is the socket address when no proxy is trusted, whatever the client claims', () => {
    const req = request('203.0.113.1');
    setClientAddress(req, false);
    expect(clientAddressOf(req.headers['x-forwarded-for'] as string)).toBe('198.51.100.9');
  });

  it('is the entry the trusted load balancer appended, not one the client sent before it', () => {
    const req = request('203.0.113.1, 192.0.2.44');
    setClientAddress(req, true);
    expect(clientAddressOf(req.headers['x-forwarded-for'] as string)).toBe('192.0.2.44');
  });

  it('falls back to the socket address behind a trusted proxy that sent nothing', () => {
    const req = request();
    setClientAddress(req, true);
    expect(clientAddressOf(req.headers['x-forwarded-for'] as string)).toBe('198.51.100.9');
  });
});
