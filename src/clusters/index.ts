export { cloneClusters, sameJobClusters } from "./clone-clusters.js";
export { type DriftCell, type DriftColumn, driftColumns } from "./drift.js";
export { fanIn } from "./fan-in.js";
export { findAdoptions, findGolden, importsFrom } from "./golden.js";
export { clonedImplementations, groupByConcern } from "./group.js";
export type {
  AdoptionFound,
  CloneCluster,
  CloneGroupOfUnits,
  CloneMemberOfUnit,
  ClusterFile,
  ConcernGroup,
  FoundImplementation,
  GoldenPath,
  SameJobCluster,
  UnitKey,
  UnnamedGroup,
} from "./model.js";
export { unnamedGroups } from "./unnamed.js";
