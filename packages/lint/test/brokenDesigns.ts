import type { ItemDefinitionInput } from '@kuaiban/core';
import {
  constructionPermitInput,
  foodPermitInput,
  material,
} from '../../core/test/items.js';

type Raw = Record<string, unknown>;
type Departments = Extract<
  ItemDefinitionInput['review'],
  { mode: 'parallel' }
>['departments'];

const food = (change: (item: ItemDefinitionInput) => void): Raw => {
  const item = foodPermitInput();
  change(item);
  return item;
};
const construction = (
  change: (
    item: ItemDefinitionInput & { review: { departments: Departments } },
  ) => void,
): Raw => {
  const item = constructionPermitInput() as ItemDefinitionInput & {
    review: { departments: Departments };
  };
  change(item);
  return item;
};
const departments = (item: { review: { departments: Departments } }) =>
  item.review.departments as unknown as Raw[];

/** One deliberately broken design: the rule it breaks and what was done to it. */
export interface BrokenDesign {
  readonly rule: string;
  readonly code: string;
  readonly broken: string;
  readonly design: Raw;
}

/**
 * Designs each broken in one way, from the example items: every one must
 * fail lint with its rule (and the DOMAIN.md code the rule enforces).
 */
export const brokenDesigns: readonly BrokenDesign[] = [
  {
    rule: 'valid-definition',
    code: 'DEFINITION',
    broken: 'no materials at all',
    design: food((item) => {
      item.materials = [];
    }),
  },
  {
    rule: 'reachable-states',
    code: 'SVC-SIX-CUTS',
    broken: 'a quorum of 4 among 3 departments: approval unreachable',
    design: construction((item) => {
      Object.assign(item.review, { join: { policy: 'quorum', k: 4 } });
    }),
  },
  {
    rule: 'end-reachable',
    code: 'ALL-42-DECIDE-20D',
    broken: 'fire and civil defence wait for each other (或签)',
    design: construction((item) => {
      Object.assign(item.review, { join: { policy: 'any' } });
      const [, fire, civil] = departments(item);
      Object.assign(fire ?? {}, { dependsOn: ['civil-defence'] });
      Object.assign(civil ?? {}, { dependsOn: ['fire'] });
    }),
  },
  {
    rule: 'no-dead-transitions',
    code: 'SVC-SIX-CUTS',
    broken: 'the only proof a commitment replaces comes by data sharing',
    design: food((item) => {
      item.materials[1] = material('premises-proof', '经营场所证明', {
        replaceableByCommitment: true,
        sharedFrom: { item: 'real-estate-registration', result: 'certificate' },
      });
    }),
  },
  {
    rule: 'human-step-clock',
    code: 'ALL-42-DECIDE-20D',
    broken: 'a department review without a limit of its own',
    design: construction((item) => {
      delete departments(item)[2]?.limitDays;
    }),
  },
  {
    rule: 'decision-within-statutory',
    code: 'ALL-42-DECIDE-20D',
    broken:
      'planning → fire → civil defence in sequence: 25 working days against 24',
    design: construction((item) => {
      item.limits.statutory.days = 24;
      const [, fire, civil] = departments(item);
      Object.assign(fire ?? {}, { dependsOn: ['planning'] });
      Object.assign(civil ?? {}, { dependsOn: ['fire'] });
    }),
  },
  {
    rule: 'decision-within-promised',
    code: 'SVC-LIMITS',
    broken:
      'planning → fire → civil defence in sequence: 25 working days against the promised 20',
    design: construction((item) => {
      const [, fire, civil] = departments(item);
      Object.assign(fire ?? {}, { dependsOn: ['planning'] });
      Object.assign(civil ?? {}, { dependsOn: ['fire'] });
    }),
  },
  {
    rule: 'promised-within-statutory',
    code: 'SVC-LIMITS',
    broken: 'a promise of 30 working days against a statutory 20',
    design: food((item) => {
      item.limits.promised = { days: 30 };
    }),
  },
  {
    rule: 'supplement-within-promised',
    code: 'RQ-DEADLINE',
    broken: '容缺 supplement in 12 working days against a promise of 10',
    design: food((item) => {
      Object.assign(item.acceptance?.tolerant ?? {}, { supplementDays: 12 });
    }),
  },
  {
    rule: 'issuance-within-10d',
    code: 'ALL-44-ISSUE-10D',
    broken: 'the certificate within 15 working days',
    design: food((item) => {
      item.issuance = { days: 15 };
    }),
  },
  {
    rule: 'joint-limit',
    code: 'ALL-42-JOINT-45D',
    broken: 'a joint item with a 60-day limit and no basis for it',
    design: construction((item) => {
      item.limits.statutory.days = 60;
    }),
  },
  {
    rule: 'notice-within-5d',
    code: 'ALL-32-NOTICE-5D',
    broken: 'a correction notice within 7 working days',
    design: food((item) => {
      Object.assign(item.acceptance ?? {}, { noticeDays: 7 });
    }),
  },
  {
    rule: 'tolerance-secondary-only',
    code: 'RQ-COND',
    broken: 'the application form (primary) may be missing',
    design: food((item) => {
      item.materials[0] = material('application', '食品经营许可申请书', {
        tolerable: true,
      });
    }),
  },
  {
    rule: 'commitment-domain',
    code: 'GZ-EXCLUDED',
    broken: 'notification-commitment for a public-safety matter',
    design: food((item) => {
      Object.assign(item.acceptance?.commitment ?? {}, {
        domain: 'public-safety',
      });
    }),
  },
  {
    rule: 'commitment-verification',
    code: 'GZ-VERIFY',
    broken: 'verification period without a legal basis',
    design: food((item) => {
      Object.assign(item.acceptance?.commitment ?? {}, {
        verificationBasis: 'internal practice',
      });
    }),
  },
  {
    rule: 'deemed-outcome-basis',
    code: 'DEEM-APPROVAL',
    broken: 'civil defence deemed to approve on timeout "as usual"',
    design: construction((item) => {
      Object.assign(departments(item)[2] ?? {}, {
        onTimeout: { action: 'deem', opinion: 'approve', basis: 'as usual' },
      });
    }),
  },
  {
    rule: 'shared-material-not-requested',
    code: 'SVC-SHARE',
    broken: 'the business licence copy is asked for although it is shared',
    design: food((item) => {
      item.materials.push(
        material('licence-copy-paper', '营业执照复印件', { primary: false }),
      );
    }),
  },
  {
    rule: 'backup-post',
    code: 'SVC-AB-POST',
    broken: 'the handling post has no backup',
    design: construction((item) => {
      item.roles = { handler: { id: 'window-7' } };
    }),
  },
  {
    rule: 'rating-step',
    code: 'SVC-RATING',
    broken: 'a bad rating rectified within 30 working days',
    design: food((item) => {
      item.rating = { rectifyDays: 30 };
    }),
  },
  {
    rule: 'reform-mode',
    code: 'ZZ-CANCEL',
    broken: 'a cancelled approval still designed as a case',
    design: food((item) => {
      item.reformMode = 'cancel';
    }),
  },
  {
    rule: 'reform-mode',
    code: 'ZZ-FILING',
    broken: 'a filing that offers 容缺 and commitment',
    design: food((item) => {
      item.reformMode = 'filing';
      item.caseKind = 'on-the-spot';
    }),
  },
  {
    rule: 'reform-mode',
    code: 'ZZ-OPTIMIZE',
    broken: 'an optimized item that promises nothing shorter than the law',
    design: food((item) => {
      delete item.limits.promised;
    }),
  },
];
