import { describe, expect, it } from 'vitest';
import { EngineError } from '../core/errors.ts';
import { forwardedHeaders, insertHeaders } from './insert-headers.ts';

describe("Octavia's insert_headers", () => {
  it('keeps each header given, switched on ("true", true) or off ("False")', () => {
    expect(insertHeaders({ 'X-Forwarded-For': 'true', 'X-Forwarded-Port': true, 'X-Forwarded-Proto': 'False' }, 'HTTP')).toEqual({
      'X-Forwarded-For': true,
      'X-Forwarded-Port': true,
      'X-Forwarded-Proto': false,
    });
  });

  it('refuses them on a TCP listener, a header the data plane does not add and a value that is not a boolean', () => {
    const problem = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof EngineError ? [error.code, error.message] : error;
      }
      return null;
    };
    expect(problem(() => insertHeaders({ 'X-Forwarded-For': 'true' }, 'TCP'))).toEqual(['INVALID_INPUT', 'The following insert_headers are not valid for a TCP listener: X-Forwarded-For']);
    expect(problem(() => insertHeaders({ 'X-SSL-Client-Verify': 'true' }, 'HTTP'))).toEqual([
      'INVALID_INPUT',
      "X-SSL-Client-Verify is not an insert_headers option Sandcloud's data plane adds (it adds X-Forwarded-For, X-Forwarded-Port, X-Forwarded-Proto)",
    ]);
    expect(problem(() => insertHeaders({ 'X-Forwarded-For': 'maybe' }, 'HTTP'))).toEqual(['INVALID_INPUT', 'X-Forwarded-For is "true" or "false", not maybe']);
  });

  it('adds what HAProxy adds: the client address, the listener port and the scheme', () => {
    expect(forwardedHeaders({ insertHeaders: { 'X-Forwarded-For': true, 'X-Forwarded-Port': true, 'X-Forwarded-Proto': true }, protocol: 'HTTP', protocolPort: 8080 }, '10.0.0.7')).toEqual({
      'x-forwarded-for': '10.0.0.7',
      'x-forwarded-port': '8080',
      'x-forwarded-proto': 'http',
    });
    expect(forwardedHeaders({ protocol: 'HTTP', protocolPort: 80 }, '10.0.0.7')).toEqual({});
    expect(forwardedHeaders({ insertHeaders: { 'X-Forwarded-For': false }, protocol: 'HTTP', protocolPort: 80 }, '10.0.0.7')).toEqual({});
  });
});
