import { CONSTRUCTION_STAGES } from '../src/items/constructionPermits.js';

/** Stage 2 (工程建设许可), the stage that earlier results spare the most. */
export const gcStage2 = CONSTRUCTION_STAGES[1]!;
