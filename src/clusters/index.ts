export { findAdoptions, findGolden } from "./golden.js";
export { clonedImplementations, groupByConcern } from "./group.js";
export type {
  AdoptionFound,
  CloneGroupOfUnits,
  ClusterFile,
  ConcernGroup,
  FoundImplementation,
  GoldenPath,
  UnitKey,
  UnnamedGroup,
} from "./model.js";
export { unnamedGroups } from "./unnamed.js";
