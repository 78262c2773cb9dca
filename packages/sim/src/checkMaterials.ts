import { acceptCase } from './acceptCase.js';
import {
  A_CORRECTION,
  A_SUPPLEMENT,
  E_APPLICANT,
  PROVISIONAL,
  T_LAPSE,
} from './caseCodes.js';
import type { ReplicationState } from './ReplicationState.js';

/**
 * The window checks the materials: complete ones are accepted; when only
 * tolerable ones are missing the applicant may take 容缺 (a supplement due
 * in the item's working days, lapsing when late, RQ-FAIL); otherwise a
 * correction notice (一次告知) and the applicant's return.
 */
export function checkMaterials(
  s: ReplicationState,
  c: number,
  t: number,
): void {
  const { model } = s;
  const p = model.scenario.probabilities;
  const day = Math.floor(t);
  if (!s.chance(c, p.materialsIncomplete)) {
    return acceptCase(s, c, t, day, day, () =>
      s.note(c, t, 'MATERIALS_CHECKED', 'window-officer', () => ({
        findings: model.materialIds.map((materialId) => ({
          materialId,
          status: 'complete',
        })),
      })),
    );
  }
  const tolerable =
    model.tolerance !== null &&
    model.tolerableIds.length > 0 &&
    s.chance(c, p.onlyTolerableMissing);
  const missing = tolerable ? model.tolerableIds[0]! : model.materialIds[0]!;
  s.missingOf[c] = tolerable ? 1 : 0;
  const findings = () => ({
    findings: model.materialIds.map((materialId) => ({
      materialId,
      status: materialId === missing ? 'missing' : 'complete',
    })),
  });
  s.note(c, t, 'MATERIALS_CHECKED', 'window-officer', findings);
  if (tolerable) {
    if (s.chance(c, p.choosesTolerance)) {
      s.flags[c]! |= PROVISIONAL;
      const due = day + model.tolerance.supplementDays;
      s.supplementDue[c] = due;
      acceptCase(s, c, t, day, day, () =>
        s.note(c, t, 'ACCEPT_TOLERANCE', 'applicant', () => ({
          commitment: { text: '承诺按期补齐容缺材料' },
        })),
      );
      // An on-time supplement comes before the lapse could fire.
      if (s.chance(c, p.supplementLate))
        s.timers.push(s.tickAfter(due), c, T_LAPSE);
      else {
        const at = Math.min(
          t + s.draw(c, model.applicant.supplement),
          due + 1 - 1e-9,
        );
        s.heap.push(at, E_APPLICANT, c, A_SUPPLEMENT);
      }
      return;
    }
    s.note(c, t, 'DECLINE_TOLERANCE', 'applicant');
  }
  s.note(c, t, 'ISSUE_NOTICE', 'window-officer', () => ({
    items: [{ materialId: missing, problem: '材料缺失，请补正' }],
  }));
  s.heap.push(
    t + s.draw(c, model.applicant.correction),
    E_APPLICANT,
    c,
    A_CORRECTION,
  );
}
