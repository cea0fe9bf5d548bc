import { describe, expect, it } from 'vitest';
import { consoleSocketUrl } from './console-connection.ts';

const at = (href: string) => new URL(href) as unknown as Location;

describe('console socket URL', () => {
  it('follows the page: ws on http, wss on https, same host and port, the terminal size in the query', () => {
    expect(consoleSocketUrl('p1', 'i1', { cols: 120, rows: 32 }, at('http://127.0.0.1:8080/projects/p1/instances/i1?tab=console'))).toBe(
      'ws://127.0.0.1:8080/api/projects/p1/instances/i1/console?cols=120&rows=32',
    );
    expect(consoleSocketUrl('p 1', 'i/1', undefined, at('https://cloud.example/'))).toBe('wss://cloud.example/api/projects/p%201/instances/i%2F1/console');
  });
});
