export type { CompiledSignal, ConcernDefinition, SignalKind } from "./definition.js";
export { type DraftOptions, draftConcern, type UnnamedWork } from "./draft.js";
export {
  type ConcernFile,
  concernsPossibleIn,
  explainFile,
  MATCHING_ENGINE_VERSION,
  scoreFile,
  type UnitExplanation,
  type UnitMatch,
} from "./engine.js";
export { groupImplementations, type ImplementationDraft } from "./implementations.js";
export {
  type ImportedUnits,
  importedUnits,
  importsByPath,
  type ModuleFile,
  moduleKey,
  moduleLookup,
  relativeImportKey,
} from "./imported-units.js";
export { builtinConcernsDir, concernDefinitionFiles, loadConcernDefinitions } from "./load.js";
export { lastSegment } from "./module-graph.js";
export { extractParameters, formatDuration, type ParameterValue } from "./parameters.js";
export { durationMs, parseDurationString } from "./values.js";
