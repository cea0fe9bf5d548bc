import type { RequestHandler } from 'express';
import { OsError } from './errors.ts';

/**
 * Compute microversions Sandcloud answers: only 2.1. Every server, flavor, key pair, limit and
 * availability-zone body matches Tempest's v2_1 schemas, and nothing newer is claimed: `createImage`
 * therefore answers with a `Location` header (the 2.1 shape) and no `image_id` body (that is 2.45);
 * openstacksdk and the CLI read either. Key pairs are RSA as at 2.1 (no `type`, which is 2.2).
 */
export const COMPUTE_MIN_VERSION = '2.1';
export const COMPUTE_MAX_VERSION = '2.1';

function requested(header: string | undefined): string | undefined {
  if (!header) return undefined;
  // "compute 2.1" (OpenStack-API-Version) or "2.1" (X-OpenStack-Nova-API-Version).
  const parts = header.trim().split(/\s+/);
  if (parts.length === 2) return parts[0]!.toLowerCase() === 'compute' ? parts[1] : undefined;
  return parts[0];
}

const parse = (version: string) => version.split('.').map(Number) as [number, number];

/** Checks the requested version (406 outside 2.1…2.1, as Nova) and states the one answered. */
export const computeMicroversion: RequestHandler = (req, res, next) => {
  const asked = requested(req.get('openstack-api-version')) ?? requested(req.get('x-openstack-nova-api-version'));
  res.setHeader('OpenStack-API-Version', `compute ${COMPUTE_MAX_VERSION}`);
  res.setHeader('X-OpenStack-Nova-API-Version', COMPUTE_MAX_VERSION);
  res.setHeader('Vary', 'OpenStack-API-Version, X-OpenStack-Nova-API-Version');
  if (asked && asked !== 'latest') {
    if (!/^\d+\.\d+$/.test(asked)) throw new OsError(400, `API Version String ${asked} is of invalid format. Must be of format MajorNum.MinorNum.`);
    const [major, minor] = parse(asked);
    const [minMajor, minMinor] = parse(COMPUTE_MIN_VERSION);
    const [maxMajor, maxMinor] = parse(COMPUTE_MAX_VERSION);
    const below = major < minMajor || (major === minMajor && minor < minMinor);
    const above = major > maxMajor || (major === maxMajor && minor > maxMinor);
    if (below || above) {
      throw new OsError(406, `Version ${asked} is not supported by the API. Minimum is ${COMPUTE_MIN_VERSION} and maximum is ${COMPUTE_MAX_VERSION}.`);
    }
  }
  next();
};
