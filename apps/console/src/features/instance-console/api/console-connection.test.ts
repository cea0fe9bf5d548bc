import { describe, expect, it } from 'vitest';
import { consoleSocketUrl } from './console-connection.ts';
import { guideConnectInfo } from './get-connect-info.ts';

const at = (href: string) => new URL(href) as unknown as Location;

describe('console socket URL', () => {
  it('follows the page: ws on http, wss on https, same host and port, the terminal size in the query', () => {
    expect(consoleSocketUrl('p1', 'i1', { cols: 120, rows: 32 }, at('http://127.0.0.1:8080/projects/p1/instances/i1?tab=console'))).toBe(
      'ws://127.0.0.1:8080/api/projects/p1/instances/i1/console?cols=120&rows=32',
    );
    expect(consoleSocketUrl('p 1', 'i/1', undefined, at('https://cloud.example/'))).toBe('wss://cloud.example/api/projects/p%201/instances/i%2F1/console');
  });
});

describe('the guide’s SSH command', () => {
  it('is built from the key pair and the floating IP, and absent without a floating IP', () => {
    expect(guideConnectInfo({ keyName: 'my_keypair', floatingIp: '203.0.113.10' }).sshCommand).toBe('ssh -i my_keypair.pem root@203.0.113.10');
    expect(guideConnectInfo({ keyName: 'my_keypair', floatingIp: null }).sshCommand).toBeNull();
  });
});
