/**
 * @kuaiban/sim: discrete-event simulation of approval designs in working
 * days. It compiles the same definitions the engine runs, simulates cases
 * under a scenario (arrivals, staff, durations, applicants' choices), checks
 * itself against the engine, and reports KPIs, what-if comparisons, an HTML
 * report and event logs.
 *
 * @packageDocumentation
 */
export { createRandom, mixSeed } from './random.js';
export type { Random } from './random.js';
export {
  DistributionSchema,
  distributionMean,
  sampler,
} from './distributions.js';
export type {
  Distribution,
  DistributionInput,
  Sampler,
} from './distributions.js';
export {
  ScenarioSchema,
  StaffSchema,
  ArrivalsSchema,
  defineScenario,
} from './scenarioSchema.js';
export type { Scenario, ScenarioInput } from './scenarioSchema.js';
export { compileSimulation } from './simulationModel.js';
export type { Pool, SimulationModel } from './simulationModel.js';
export { OUTCOMES, runReplication } from './runReplication.js';
export type {
  CaseRecords,
  GivenArrivals,
  Outcome,
  ReplicationOptions,
  ReplicationResult,
} from './runReplication.js';
export type {
  CaseTrace,
  TracedCommand,
  TracedTask,
  TracedWakeUp,
} from './caseTrace.js';
export { simulate } from './simulate.js';
export { itemInChain, simulateChain } from './simulateChain.js';
export type {
  ChainItemSimulation,
  ChainSimulation,
  SimulateChainOptions,
} from './simulateChain.js';
export { runChainReplication } from './runChainReplication.js';
export type {
  ChainModel,
  ChainReplicationOptions,
  ChainReplicationResult,
} from './runChainReplication.js';
export { ChainKpiDocumentSchema } from './chainKpiDocument.js';
export type { ChainKpiDocument } from './chainKpiDocument.js';
export { chainKpiText } from './chainKpiText.js';
export type { SimulateOptions, Simulation } from './simulate.js';
export {
  ComparisonDocumentSchema,
  compareDesigns,
  comparisonDocument,
} from './compareDesigns.js';
export type { ComparisonDocument } from './compareDesigns.js';
export { KpiDocumentSchema, RateSchema, SummarySchema } from './kpiDocument.js';
export type { KpiDocument, Rate, Summary } from './kpiDocument.js';
export { comparisonText, kpiText } from './kpiText.js';
export { htmlReport } from './htmlReport.js';
export { checkFidelity, replayTraces } from './checkFidelity.js';
export type { FidelityMismatch, FidelityReport } from './checkFidelity.js';
export {
  jsonlToCsv,
  simulatedEventLogs,
  simulatedHistories,
} from './eventLogs.js';
export type { SimulatedEventLogs } from './eventLogs.js';
export { confidenceInterval, erlangCWait, quantile } from './statistics.js';
