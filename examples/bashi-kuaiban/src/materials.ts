import type { ItemDefinitionInput } from '@kuaiban/core';

type MaterialInput = ItemDefinitionInput['materials'][number];

/** How a material is published: primary unless said otherwise (RQ-COND). */
export interface MaterialOptions {
  /** A secondary material (次要材料). */
  readonly secondary?: boolean;
  /** A secondary material that may be missing at acceptance (容缺, RQ-COND). */
  readonly tolerable?: boolean;
  /** A proof a signed commitment replaces (告知承诺, GZ-NOTICE). */
  readonly commitment?: boolean;
  /** Obtained by data sharing, never asked for (SVC-SHARE). */
  readonly sharedFrom?: { readonly item: string; readonly result: string };
}

/** One material of an item's published list (申请材料). */
export function material(
  id: string,
  name: string,
  nameZh: string,
  options: MaterialOptions = {},
): MaterialInput {
  const secondary = options.secondary === true || options.tolerable === true;
  return {
    id,
    name,
    nameZh,
    primary: !secondary,
    tolerable: options.tolerable === true,
    replaceableByCommitment: options.commitment === true,
    ...(options.sharedFrom ? { sharedFrom: { ...options.sharedFrom } } : {}),
  };
}

/** The business licence: asked for by every later item unless the chain provides it. */
export const businessLicence = (): MaterialInput =>
  material('business-licence', 'Business licence', '营业执照');

/** The applicant's application form: always submitted (SVC-SHARE needs one). */
export const applicationForm = (nameZh: string): MaterialInput =>
  material('application', 'Application form', nameZh);

/**
 * The legal representative's identity, read from the population database
 * (电子身份证照) instead of a copy (SVC-SHARE, seeds/002 item 45).
 */
export const representativeIdentity = (): MaterialInput =>
  material(
    'representative-identity',
    'Legal representative identity',
    '法定代表人身份证明',
    { sharedFrom: { item: 'resident-identity', result: 'electronic-id-card' } },
  );
