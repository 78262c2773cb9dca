/**
 * @kuaiban/core: service-item definitions, the compiler to the approval
 * machines, and the engine a portal embeds (commands, roles, audit trail,
 * deadlines through wake-ups), with a store port and an in-memory store.
 *
 * @packageDocumentation
 */
export {
  HOURS_PER_WORKING_DAY,
  ItemDefinitionSchema,
  ItemMaterialSchema,
  LIMIT_UNITS,
  REFORM_MODES,
  defineItem,
  requestedMaterials,
} from './itemDefinition.js';
export type {
  ItemDefinition,
  ItemDefinitionInput,
  ItemMaterial,
  LimitUnit,
  Material,
  ReformMode,
} from './itemDefinition.js';
export {
  ChainDefinitionSchema,
  ProvisionSchema,
  defineChain,
  materialsRequested,
  providedMaterials,
} from './chainDefinition.js';
export type {
  ChainDefinition,
  ChainDefinitionInput,
  Provision,
} from './chainDefinition.js';
export { CaseApplicationSchema, compileItem } from './compileItem.js';
export type { CaseApplication, CompiledItem } from './compileItem.js';
export {
  chainDefinitionJsonSchema,
  itemDefinitionJsonSchema,
} from './definitionJsonSchema.js';
export type { JsonSchema } from './definitionJsonSchema.js';
export { machineGraph } from './itemDefinitionGraph.js';
export type { MachineGraph } from './itemDefinitionGraph.js';
export { canonicalJson } from './canonicalJson.js';
export {
  AuditEntrySchema,
  GENESIS_HASH,
  appendEntry,
  assertHistory,
  hashEntry,
  verifyHistory,
} from './auditTrail.js';
export type {
  AuditEntry,
  AuditEntryDraft,
  HistoryCheck,
  HistoryProblem,
} from './auditTrail.js';
export { toJsonl } from './exportLogs.js';
export type { CaseHistory } from './exportLogs.js';
export { toXes } from './exportXes.js';
export { OcelLogSchema, toOcel } from './exportOcel.js';
export type { OcelLog } from './exportOcel.js';
export { createEngine } from './createEngine.js';
export type {
  Application,
  CaseView,
  Clock,
  Engine,
  EngineEvent,
  EngineEventType,
  EngineOptions,
} from './createEngine.js';
export type {
  CaseChange,
  CaseFacts,
  CaseStore,
  CommandResult,
  StoredCase,
} from './CaseStore.js';
export { createMemoryStore } from './createMemoryStore.js';
export { storeContract } from './storeContract.js';
export type { ContractRunner } from './storeContract.js';
