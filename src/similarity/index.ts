export {
  type CloneGroup,
  type CloneInput,
  DEFAULT_SIMILARITY,
  findCloneGroups,
  isRepetitive,
  type SimilarityOptions,
} from "./clone-groups.js";
export { kgramHashes, streamHash, winnow } from "./fingerprint.js";
