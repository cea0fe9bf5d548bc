import type { L7CompareType } from '@sandcloud/domain';
import type { L7Policy, L7Rule } from './l7-policy.ts';

// What a listener's L7 policies do with an HTTP request, as Octavia's HAProxy configuration does
// (`req.hdr(host) -i`, `path`, `path_end`, `req.hdr(key)`, `req.cook(key)` with `-m reg|beg|end|sub|str`):
// the enabled policies in position order; a policy matches when every one of its enabled rules
// matches (an inverted rule matches when its comparison does not); a policy without enabled rules
// is left out, as Octavia leaves it out of the configuration. The first matching policy decides;
// none matching leaves the request to the listener's default pool.
//
// The policies are compiled once per change (`compileL7`): each rule becomes a predicate with its
// regular expression built and its value lower-cased where the comparison ignores case, so a
// request costs a few string comparisons and nothing when the listener has no active policy.

/** What the rules look at; header names in lower case (as the data plane reads them). */
export interface L7Request {
  /** The request target as sent: path and query. */
  path: string;
  headers?: Record<string, string> | undefined;
}

export type L7Decision =
  | { action: 'REJECT'; policyId: string }
  | { action: 'REDIRECT_TO_URL' | 'REDIRECT_PREFIX'; policyId: string; status: number; location: string }
  | { action: 'REDIRECT_TO_POOL'; policyId: string; poolId: string };

/** A listener's active policies, compiled. */
export interface L7Program {
  /** How many policies take part (enabled, with at least one enabled rule). */
  readonly size: number;
  decide(request: L7Request): L7Decision | null;
}

/** One request's values, each read at most once whatever the number of rules. */
class Sample {
  private pathOnly: string | undefined;
  private cookies: Map<string, string> | undefined;

  constructor(readonly request: L7Request) {}

  path(): string {
    if (this.pathOnly === undefined) {
      const target = this.request.path;
      const query = target.indexOf('?');
      this.pathOnly = query < 0 ? target : target.slice(0, query);
    }
    return this.pathOnly;
  }

  header(name: string): string | undefined {
    return this.request.headers?.[name];
  }

  cookie(name: string): string | undefined {
    if (!this.cookies) {
      this.cookies = new Map();
      for (const part of (this.header('cookie') ?? '').split(';')) {
        const at = part.indexOf('=');
        if (at > 0) this.cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
      }
    }
    return this.cookies.get(name);
  }
}

type Predicate = (sample: Sample) => boolean;

/** HAProxy's `-m` match of a sample against the rule's value; a missing sample never matches. */
function comparison(compareType: L7CompareType, value: string, ignoreCase: boolean): (sample: string | undefined) => boolean {
  if (compareType === 'REGEX') {
    const pattern = new RegExp(value, ignoreCase ? 'i' : '');
    return (sample) => sample !== undefined && pattern.test(sample);
  }
  const wanted = ignoreCase ? value.toLowerCase() : value;
  const fold = ignoreCase ? (sample: string) => sample.toLowerCase() : (sample: string) => sample;
  switch (compareType) {
    case 'STARTS_WITH':
      return (sample) => sample !== undefined && fold(sample).startsWith(wanted);
    case 'ENDS_WITH':
      return (sample) => sample !== undefined && fold(sample).endsWith(wanted);
    case 'CONTAINS':
      return (sample) => sample !== undefined && fold(sample).includes(wanted);
    case 'EQUAL_TO':
      return (sample) => sample !== undefined && fold(sample) === wanted;
  }
}

function compileRule(rule: L7Rule): Predicate {
  let test: Predicate;
  switch (rule.type) {
    case 'HOST_NAME': {
      const match = comparison(rule.compareType, rule.value, true);
      test = (sample) => match(sample.header('host'));
      break;
    }
    case 'PATH': {
      const match = comparison(rule.compareType, rule.value, false);
      test = (sample) => match(sample.path());
      break;
    }
    case 'FILE_TYPE': {
      // `path_end`: EQUAL_TO is "the path ends with the value"; REGEX looks at the whole path.
      const match = rule.compareType === 'EQUAL_TO' ? comparison('ENDS_WITH', rule.value, false) : comparison(rule.compareType, rule.value, false);
      test = (sample) => match(sample.path());
      break;
    }
    case 'HEADER': {
      const name = (rule.key ?? '').toLowerCase();
      const match = comparison(rule.compareType, rule.value, false);
      test = (sample) => match(sample.header(name));
      break;
    }
    case 'COOKIE': {
      const name = rule.key ?? '';
      const match = comparison(rule.compareType, rule.value, false);
      test = (sample) => match(sample.cookie(name));
      break;
    }
    default:
      // SSL_CONN_HAS_CERT, SSL_VERIFY_RESULT, SSL_DN_FIELD look at the client's certificate: Sandcloud's
      // listeners do not ask clients for one, so (as HAProxy without a client certificate) they never match.
      test = () => false;
  }
  return rule.invert ? (sample) => !test(sample) : test;
}

function decision(policy: L7Policy): (request: L7Request) => L7Decision {
  const policyId = policy.id;
  switch (policy.action) {
    case 'REJECT': {
      const answer: L7Decision = { action: 'REJECT', policyId };
      return () => answer;
    }
    case 'REDIRECT_TO_POOL': {
      const answer: L7Decision = { action: 'REDIRECT_TO_POOL', policyId, poolId: policy.redirectPoolId ?? '' };
      return () => answer;
    }
    case 'REDIRECT_TO_URL': {
      const answer: L7Decision = { action: 'REDIRECT_TO_URL', policyId, status: policy.redirectHttpCode ?? 302, location: policy.redirectUrl ?? '' };
      return () => answer;
    }
    case 'REDIRECT_PREFIX': {
      // HAProxy's `redirect prefix`: the prefix followed by the complete request target (path and query).
      const prefix = policy.redirectPrefix ?? '';
      const status = policy.redirectHttpCode ?? 302;
      return (request) => ({ action: 'REDIRECT_PREFIX', policyId, status, location: `${prefix}${request.path}` });
    }
  }
}

/**
 * A listener's policies and their rules compiled into one program, or null when none takes part
 * (the request goes to the default pool without any evaluation).
 */
export function compileL7(policies: readonly L7Policy[], rulesOf: (policyId: string) => readonly L7Rule[]): L7Program | null {
  const compiled: { rules: Predicate[]; answer: (request: L7Request) => L7Decision }[] = [];
  for (const policy of [...policies].sort((a, b) => a.position - b.position)) {
    if (!policy.adminStateUp) continue;
    const rules = rulesOf(policy.id).filter((rule) => rule.adminStateUp).map(compileRule);
    if (rules.length === 0) continue;
    compiled.push({ rules, answer: decision(policy) });
  }
  if (compiled.length === 0) return null;
  return {
    size: compiled.length,
    decide(request) {
      const sample = new Sample(request);
      for (const policy of compiled) {
        if (policy.rules.every((rule) => rule(sample))) return policy.answer(request);
      }
      return null;
    },
  };
}

const REDIRECT_TEXT: Record<number, string> = { 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 307: 'Temporary Redirect', 308: 'Permanent Redirect' };

/** HAProxy's answer to a REJECT (`http-request deny`) or a redirect; null for REDIRECT_TO_POOL (a member answers). */
export function l7Answer(decision: L7Decision): { status: number; statusText: string; headers: Record<string, string>; body: string } | null {
  switch (decision.action) {
    case 'REJECT': {
      const body = '<html><body><h1>403 Forbidden</h1>\nRequest forbidden by administrative rules.\n</body></html>\n';
      return { status: 403, statusText: 'Forbidden', headers: { 'Content-Type': 'text/html', 'Cache-Control': 'no-cache', Connection: 'close' }, body };
    }
    case 'REDIRECT_TO_URL':
    case 'REDIRECT_PREFIX':
      return { status: decision.status, statusText: REDIRECT_TEXT[decision.status] ?? 'Found', headers: { Location: decision.location, 'Content-Length': '0', 'Cache-Control': 'no-cache' }, body: '' };
    case 'REDIRECT_TO_POOL':
      return null;
  }
}
