import {
  L7_COMPARE_TYPES,
  L7_DEFAULT_REDIRECT_HTTP_CODE,
  L7_LIMITS,
  L7_POLICY_ACTIONS,
  L7_REDIRECT_HTTP_CODES,
  L7_RULE_TYPES,
  type L7CompareType,
  type L7PolicyAction,
  type L7RedirectHttpCode,
  type L7RuleType,
} from '@sandcloud/domain';
import { invalidInput } from '../core/errors.ts';
import type { L7Policy, L7Rule } from './l7-policy.ts';

// Octavia's checks of L7 policies and rules (`octavia/common/validate.py`: `l7rule_data`,
// `sanitize_l7policy_api_args`, `url`), so a rule the engine keeps is one the data plane can
// evaluate: a key where the type needs one, only the comparisons the type allows, values made of
// characters a header or cookie can carry, regular expressions that compile.

export interface L7PolicyInput {
  action?: L7PolicyAction | undefined;
  name?: string | undefined;
  description?: string | undefined;
  position?: number | undefined;
  redirectPoolId?: string | null | undefined;
  redirectUrl?: string | null | undefined;
  redirectPrefix?: string | null | undefined;
  redirectHttpCode?: number | null | undefined;
  adminStateUp?: boolean | undefined;
}

export interface L7RuleInput {
  type: L7RuleType;
  compareType: L7CompareType;
  key?: string | null | undefined;
  value: string;
  invert?: boolean | undefined;
  adminStateUp?: boolean | undefined;
}

/** RFC 7230 token: a header or cookie name. */
const HEADER_NAME = /^[a-zA-Z0-9!#$%&'*+\-.^_`|~]+$/;
/** RFC 6265: characters of a cookie value. */
const COOKIE_VALUE = /^[a-zA-Z0-9!#$%&'()*+\-./:<=>?@[\]^_`{|}~]+$/;
/** RFC 7230: a header value, bare or quoted. */
const HEADER_VALUE = /^[a-zA-Z0-9!"#$%&'()*+,\-./:;<=>?@[\]^_`{|}~\\]+$/;
const QUOTED_HEADER_VALUE = /^"[a-zA-Z0-9 \t!"#$%&'()*+,\-./:;<=>?@[\]^_`{|}~\\]*"$/;
/** octavia-lib's DISTINGUISHED_NAME_FIELD_REGEX: a DN field such as CN or OU-1. */
const DN_FIELD = /^([a-zA-Z][A-Za-z0-9-]*)$/;
/** Octavia's INVALID_URL_CHARS_RE: control characters and spaces. */
const hasInvalidUrlCharacter = (value: string) => [...value].some((character) => {
  const code = character.charCodeAt(0);
  return code <= 0x20 || (code >= 0x7f && code <= 0x9f);
});

const oneOf = <T extends string | number>(allowed: readonly T[], value: unknown, field: string): T => {
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw invalidInput(`${String(value)} is not a valid option for ${field}`, field).coded('input.oneOf', { field, allowed: allowed.join(', ') });
  }
  return value as T;
};

/** A redirect target: an absolute http(s) URL with a host, as Octavia's `validate.url`. */
export function redirectUrl(value: string, field: string): string {
  let parsed: URL | null = null;
  if (!hasInvalidUrlCharacter(value)) {
    try {
      parsed = new URL(value);
    } catch {
      parsed = null;
    }
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) {
    throw invalidInput(`Not a valid URL: ${value}`, field).coded('l7.invalidUrl', { url: value });
  }
  return value;
}

export function policyName(value: string | undefined, field = 'name'): string {
  const name = (value ?? '').trim();
  if (name.length > L7_LIMITS.nameLength) throw invalidInput(`Names have at most ${L7_LIMITS.nameLength} characters`, field).coded('name.tooLong', { max: L7_LIMITS.nameLength });
  return name;
}

export function policyDescription(value: string | undefined, field = 'description'): string {
  const description = value ?? '';
  if (description.length > L7_LIMITS.descriptionLength) {
    throw invalidInput(`Descriptions have at most ${L7_LIMITS.descriptionLength} characters`, field).coded('description.tooLong', { max: L7_LIMITS.descriptionLength });
  }
  return description;
}

export function position(value: number, field = 'position'): number {
  const { min, max } = L7_LIMITS.position;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidInput(`position must be a whole number from ${min} to ${max}`, field).coded('input.range', { field, min, max });
  }
  return value;
}

/** What the policy's action needs, as Octavia's `sanitize_l7policy_api_args`: the targets the action does not use are cleared. */
export type PolicyTarget = Pick<L7Policy, 'action' | 'redirectPoolId' | 'redirectUrl' | 'redirectPrefix' | 'redirectHttpCode'>;

/**
 * The action and its target after a create (`current` null) or an update, as Octavia's
 * `sanitize_l7policy_api_args`: an action given explicitly wins and needs its own target; without
 * one, a target given alone picks the action (`redirectPoolId` → REDIRECT_TO_POOL); a pool with a
 * URL or prefix is refused. A new URL or prefix without a code redirects with 302.
 */
export function policyTarget(input: L7PolicyInput, current: PolicyTarget | null): PolicyTarget {
  const explicit = input.action === undefined ? undefined : oneOf(L7_POLICY_ACTIONS, input.action, 'action');
  const pool = input.redirectPoolId || null;
  const url = input.redirectUrl || null;
  const prefix = input.redirectPrefix || null;
  const code = input.redirectHttpCode === undefined || input.redirectHttpCode === null ? null : oneOf<L7RedirectHttpCode>(L7_REDIRECT_HTTP_CODES, input.redirectHttpCode, 'redirectHttpCode');
  if (explicit === 'REDIRECT_TO_POOL' && !pool) throw invalidInput('Invalid L7 Policy arguments: redirect_pool_id or redirect_pool must not be None', 'redirectPoolId').coded('l7.redirectPoolRequired');
  if (explicit === 'REDIRECT_TO_URL' && !url) throw invalidInput('Invalid L7 Policy arguments: redirect_url must not be None', 'redirectUrl').coded('l7.redirectUrlRequired');
  if (explicit === 'REDIRECT_PREFIX' && !prefix) throw invalidInput('Invalid L7 Policy arguments: redirect_prefix must not be None', 'redirectPrefix').coded('l7.redirectPrefixRequired');
  if (explicit === undefined && pool && (url || prefix)) {
    throw invalidInput('Invalid L7 Policy arguments: Cannot specify redirect_pool_id and redirect_url or redirect_prefix at the same time', 'redirectPoolId').coded('l7.redirectTargetsTogether');
  }
  const action = explicit ?? (pool ? 'REDIRECT_TO_POOL' : url ? 'REDIRECT_TO_URL' : prefix ? 'REDIRECT_PREFIX' : current?.action);
  if (!action) throw invalidInput('Invalid L7 Policy action specified: None', 'action').coded('input.oneOf', { field: 'action', allowed: L7_POLICY_ACTIONS.join(', ') });
  const same = current?.action === action ? current : null;
  const none = { redirectPoolId: null, redirectUrl: null, redirectPrefix: null, redirectHttpCode: null };
  switch (action) {
    case 'REJECT':
      return { action, ...none };
    case 'REDIRECT_TO_POOL':
      return { action, ...none, redirectPoolId: pool ?? same!.redirectPoolId };
    case 'REDIRECT_TO_URL':
      return {
        action,
        ...none,
        redirectUrl: url ? redirectUrl(url, 'redirectUrl') : same!.redirectUrl,
        redirectHttpCode: code ?? (url ? null : same!.redirectHttpCode) ?? L7_DEFAULT_REDIRECT_HTTP_CODE,
      };
    case 'REDIRECT_PREFIX':
      return {
        action,
        ...none,
        redirectPrefix: prefix ? redirectUrl(prefix, 'redirectPrefix') : same!.redirectPrefix,
        redirectHttpCode: code ?? (prefix ? null : same!.redirectHttpCode) ?? L7_DEFAULT_REDIRECT_HTTP_CODE,
      };
  }
}

const VALUE_COMPARISONS: readonly L7CompareType[] = ['STARTS_WITH', 'ENDS_WITH', 'CONTAINS', 'EQUAL_TO'];

/** A rule as Octavia's `l7rule_data` accepts it; the key is null for the types that do not use one. */
export function rule(input: L7RuleInput): Pick<L7Rule, 'type' | 'compareType' | 'key' | 'value' | 'invert' | 'adminStateUp'> {
  const type = oneOf(L7_RULE_TYPES, input.type, 'type');
  const compareType = oneOf(L7_COMPARE_TYPES, input.compareType, 'compareType');
  const value = input.value ?? '';
  const key = input.key ? input.key : null;
  if (!value) throw invalidInput('Invalid L7 Rule: L7 rule type requires a value', 'value').coded('l7.valueRequired');
  const notAllowed = () => invalidInput(`Invalid L7 Rule: invalid comparison type for rule type (${type} with ${compareType})`, 'compareType').coded('l7.compareTypeNotAllowed', { type, compareType });
  const characters = (pattern: RegExp, what: string, alternative?: RegExp) => {
    if (!pattern.test(value) && !alternative?.test(value)) throw invalidInput(`Invalid L7 Rule: Invalid characters in ${what}`, 'value').coded('l7.invalidCharacters', { field: what });
  };
  switch (type) {
    case 'HEADER':
    case 'COOKIE':
      if (!key) throw invalidInput('Invalid L7 Rule: L7 rule type requires a key', 'key').coded('l7.keyRequired', { type });
      if (!HEADER_NAME.test(key)) throw invalidInput('Invalid L7 Rule: Invalid characters in key', 'key').coded('l7.invalidCharacters', { field: 'key' });
      if (compareType === 'REGEX') regex(value);
      else if (type === 'HEADER') characters(HEADER_VALUE, 'header value', QUOTED_HEADER_VALUE);
      else characters(COOKIE_VALUE, 'cookie value');
      break;
    case 'HOST_NAME':
    case 'PATH':
      if (compareType === 'REGEX') regex(value);
      else characters(HEADER_VALUE, 'comparison value', QUOTED_HEADER_VALUE);
      break;
    case 'FILE_TYPE':
      if (compareType === 'REGEX') regex(value);
      else if (compareType === 'EQUAL_TO') characters(HEADER_VALUE, 'comparison value', QUOTED_HEADER_VALUE);
      else throw notAllowed();
      break;
    case 'SSL_CONN_HAS_CERT':
      if (key) throw invalidInput(`Invalid L7 Rule: L7rule type ${type} does not use the "key" field.`, 'key').coded('l7.keyNotUsed', { type });
      if (value.toLowerCase() !== 'true') throw invalidInput(`Invalid L7 Rule: L7rule value ${value} is not a boolean True string.`, 'value').coded('l7.notTrue', { value });
      if (compareType !== 'EQUAL_TO') throw notAllowed();
      break;
    case 'SSL_VERIFY_RESULT':
      if (key) throw invalidInput(`Invalid L7 Rule: L7rule type ${type} does not use the "key" field.`, 'key').coded('l7.keyNotUsed', { type });
      if (!/^\d+$/.test(value)) throw invalidInput(`Invalid L7 Rule: L7rule type ${type} needs a int value, which is >= 0`, 'value').coded('l7.notWholeNumber', { value });
      if (compareType !== 'EQUAL_TO') throw notAllowed();
      break;
    case 'SSL_DN_FIELD':
      if (compareType === 'REGEX') regex(value);
      if (!key) throw invalidInput(`Invalid L7 Rule: L7rule type ${type} needs to specify a key and a value.`, 'key').coded('l7.keyRequired', { type });
      if (!DN_FIELD.test(key)) throw invalidInput('Invalid L7 Rule: Invalid L7rule distinguished name field.', 'key').coded('l7.invalidDnField');
      break;
  }
  if (!VALUE_COMPARISONS.includes(compareType) && compareType !== 'REGEX') throw notAllowed();
  return { type, compareType, key, value, invert: input.invert ?? false, adminStateUp: input.adminStateUp ?? true };
}

function regex(value: string): void {
  try {
    new RegExp(value);
  } catch (error) {
    const detail = (error as Error).message;
    throw invalidInput(`Invalid L7 Rule: Unable to parse regular expression: ${detail}`, 'value').coded('l7.invalidRegex', { detail });
  }
}
