import { z } from 'zod';

/**
 * The only lawful reasons to stop a licensing clock under ALL art. 45
 * (TIME-EXCLUDED). Any other pause (公示, 补正 …) is a `custom` pause that
 * must name its own legal basis.
 */
export const LAWFUL_PAUSE_REASONS = {
  hearing: { name: 'Hearing', nameZh: '听证' },
  tender: { name: 'Tender', nameZh: '招标' },
  auction: { name: 'Auction', nameZh: '拍卖' },
  inspection: { name: 'Inspection', nameZh: '检验' },
  testing: { name: 'Testing', nameZh: '检测' },
  quarantine: { name: 'Quarantine', nameZh: '检疫' },
  appraisal: { name: 'Appraisal', nameZh: '鉴定' },
  'expert-review': { name: 'Expert review', nameZh: '专家评审' },
} as const;

export type LawfulPauseReason = keyof typeof LAWFUL_PAUSE_REASONS;

export const LAWFUL_PAUSE_BASIS = '行政许可法 art. 45 (ALL art. 45)';

export const lawfulPauseReasonCodes = Object.keys(LAWFUL_PAUSE_REASONS) as [
  LawfulPauseReason,
  ...LawfulPauseReason[],
];

/** zod schema of a lawful pause reason code. */
export const LawfulPauseReasonSchema = z.enum(lawfulPauseReasonCodes);
