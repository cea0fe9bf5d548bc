import { ZONES, type Flavor, type QuotaName } from '@sandcloud/domain';
import { z } from 'zod';

export const zoneSchema = z.enum(ZONES, { error: `Choose zone ${ZONES.join(' or ')}` });

/** Nova flavor, named family.cNmM as the real product names them (the domain's `Flavor` as sent). */
export type FlavorDto = Flavor;

export interface QuotaUsage {
  limit: number;
  used: number;
}

export type QuotasDto = Record<QuotaName, QuotaUsage>;
