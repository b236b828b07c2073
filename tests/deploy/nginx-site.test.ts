// The nginx site file operators install (deploy/nginx/two-step.conf), rendered as the tests and
// the bench render it (scripts/lib/nginx.ts). nginx itself runs it in e2e-instances/; this pins
// what the portal relies on, so a change to the file that breaks it fails here first.
import { describe, expect, it } from 'vitest';
import { mainConfig, renderSite } from '../../scripts/lib/nginx.ts';
import { clientAddressOf } from '../../src/server/client-address.ts';

const site = (instances = ['127.0.0.1:3001', '127.0.0.1:3002']) =>
  renderSite({ listen: '127.0.0.1:8080', instances, accessLog: '/var/log/nginx/two-step.access.log' });
const directives = (text: string) =>
  text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n');

describe('the nginx site file', () => {
  it('balances every instance given, round-robin with passive health checks, and leaves no variable unrendered', () => {
    const text = directives(site(['127.0.0.1:3001', '127.0.0.1:3002', '127.0.0.1:3003']));
    expect(text.match(/^ *server 127\.0\.0\.1:300\d max_fails=1 fail_timeout=5s;$/gm)).toHaveLength(3);
    expect(text).not.toMatch(/\$\{/);
    // Round robin is nginx's default: no other balancing method.
    expect(text).not.toMatch(/\b(least_conn|ip_hash|hash|random)\b/);
    expect(text).toContain('listen 127.0.0.1:8080;');
  });

  it('passes on what the portal reads: the host with its port (server actions), the scheme, the client address appended last, a request id', () => {
    const text = directives(site());
    for (const line of [
      'proxy_set_header Host $http_host;',
      'proxy_set_header X-Forwarded-Host $http_host;',
      'proxy_set_header X-Forwarded-Proto $scheme;',
      'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
      'proxy_set_header X-Request-Id $request_id;',
    ])
      expect(text).toContain(line);
    // $proxy_add_x_forwarded_for is "<what the client sent>, <the address nginx saw>": the portal
    // (TRUST_PROXY=on) takes the last entry, so a client's own entries change nothing.
    expect(clientAddressOf('203.0.113.66, 198.51.100.7')).toBe('198.51.100.7');
  });

  it('never sends a POST twice: the other instance is tried only as nginx does for non-idempotent requests', () => {
    const text = directives(site());
    expect(text).toContain('proxy_next_upstream error timeout http_502 http_503;');
    expect(text).not.toContain('non_idempotent');
  });

  it('logs paths without query strings (emailed links carry one-time tokens there)', () => {
    const text = directives(site());
    expect(text).toContain('access_log /var/log/nginx/two-step.access.log two_step;');
    const format = /log_format two_step([^;]*);/.exec(text)?.[1] ?? '';
    expect(format).toContain('$uri');
    expect(format).not.toMatch(/\$request\b|\$request_uri|\$args|\$query_string|\$http_referer/);
  });

  it("does not show the instances' metrics to the public", () => {
    expect(directives(site())).toMatch(/location = \/metrics \{\s*return 404;\s*\}/);
  });

  it('runs from a folder of its own in tests: pid, logs and temporary files inside it', () => {
    const text = mainConfig('/tmp/prefix', site());
    for (const name of ['pid', 'error_log', 'access_log', 'client_body_temp_path', 'proxy_temp_path'])
      expect(text).toMatch(new RegExp(`${name} /tmp/prefix/`));
  });
});
