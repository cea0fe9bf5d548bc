// Octavia's layer 7 vocabulary: a listener's L7 policies (what to do with a matching HTTP request)
// and their rules (what a request must look like to match). Written once for the engine, the
// OpenStack adapter and the console.

/** What a matching policy does: send to another pool, redirect (whole URL or prefix), or answer 403. */
export const L7_POLICY_ACTIONS = ['REDIRECT_TO_POOL', 'REDIRECT_TO_URL', 'REDIRECT_PREFIX', 'REJECT'] as const;
export type L7PolicyAction = (typeof L7_POLICY_ACTIONS)[number];

/** What part of the request a rule looks at (the SSL_* types look at the client's certificate). */
export const L7_RULE_TYPES = ['HOST_NAME', 'PATH', 'FILE_TYPE', 'HEADER', 'COOKIE', 'SSL_CONN_HAS_CERT', 'SSL_VERIFY_RESULT', 'SSL_DN_FIELD'] as const;
export type L7RuleType = (typeof L7_RULE_TYPES)[number];

export const L7_COMPARE_TYPES = ['REGEX', 'STARTS_WITH', 'ENDS_WITH', 'CONTAINS', 'EQUAL_TO'] as const;
export type L7CompareType = (typeof L7_COMPARE_TYPES)[number];

/** Redirect codes a REDIRECT_TO_URL / REDIRECT_PREFIX policy may answer with (302 when not given). */
export const L7_REDIRECT_HTTP_CODES = [301, 302, 303, 307, 308] as const;
export type L7RedirectHttpCode = (typeof L7_REDIRECT_HTTP_CODES)[number];

export const L7_LIMITS = {
  /** Octavia's `MIN_POLICY_POSITION` / `MAX_POLICY_POSITION`. */
  position: { min: 1, max: 2_147_483_647 },
  /** Octavia's `MAX_L7RULES_PER_L7POLICY`. */
  rulesPerPolicy: 50,
  nameLength: 255,
  descriptionLength: 255,
} as const;

export const L7_DEFAULT_REDIRECT_HTTP_CODE: L7RedirectHttpCode = 302;
