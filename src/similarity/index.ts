export { fileFingerprints, type UnitBands, unitBands } from "./bands.js";
export { type FindClonesOptions, findClones } from "./find-clones.js";
export { kgramHashes, streamHash, winnow } from "./fingerprint.js";
export type {
  BoilerplateReason,
  CloneFindings,
  CloneGroup,
  CloneInput,
  CloneKind,
  CloneLevel,
  CloneMember,
  SameJobCandidate,
  SetAside,
} from "./model.js";
export { DEFAULT_SIMILARITY, type SimilarityOptions } from "./options.js";
export {
  type CloneProbe,
  createCloneProbe,
  MIN_PRINTED_TOKENS,
  type ProbeHit,
  printScheme,
  type UnitPrints,
  unitPrints,
} from "./probe.js";
export { joinedTokens, type StreamPrints, streamPrints } from "./stream-prints.js";
export { isRepetitive } from "./unit-clones.js";
