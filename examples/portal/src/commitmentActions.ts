import type { CommitmentSheet } from './caseSheet.js';
import { commandForm, commitmentTextField } from './commandForm.js';
import type { Html } from './html.js';
import { markup } from './html.js';
import type { Lang } from './texts.js';
import { label } from './texts.js';

/** The parts of the written 告知承诺 notice (GZ-NOTICE), as the command names them. */
export const NOTICE_PARTS = [
  'item',
  'conditions',
  'replacedProofs',
  'howToCommit',
  'rightToVerify',
  'consequences',
] as const;

/**
 * The 告知承诺 forms (notification-commitment route) the role may send now:
 * the window officer gives the written notice (GZ-NOTICE) and decides on the
 * signed commitment (GZ-DECIDE); the applicant chooses freely (GZ-CHOICE)
 * and signs.
 */
export function commitmentActions(
  caseId: string,
  commitment: CommitmentSheet | null,
  role: 'applicant' | 'window-officer',
  lang: Lang,
): Html[] {
  switch (`${role} ${commitment?.state ?? ''}`) {
    case 'window-officer noticing':
      return [
        commandForm(
          caseId,
          'GIVE_NOTICE',
          label('giveCommitmentNotice', lang),
          NOTICE_PARTS.map(
            (part) =>
              markup`<label
                ><input
                  type="checkbox"
                  name="contents.${part}"
                  data-boolean
                />
                ${label(`noticePart.${part}`, lang)}</label
              >`,
          ),
        ),
      ];
    case 'applicant choosing':
      return [
        commandForm(
          caseId,
          'CHOOSE_COMMITMENT',
          label('chooseCommitment', lang),
        ),
        commandForm(
          caseId,
          'DECLINE_COMMITMENT',
          label('declineCommitment', lang),
        ),
      ];
    case 'applicant signing':
      return [
        commandForm(
          caseId,
          'SIGN_COMMITMENT',
          label('signProofCommitment', lang),
          commitmentTextField('text', 'proofCommitmentDefault', lang),
        ),
      ];
    case 'window-officer deciding':
      return [
        commandForm(caseId, 'DECIDE', label('decideOnCommitment', lang), '', {
          approve: true,
        }),
      ];
    default:
      return [];
  }
}
