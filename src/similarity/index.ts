export {
  type CloneGroup,
  type CloneInput,
  DEFAULT_SIMILARITY,
  findCloneGroups,
  type SimilarityOptions,
} from "./clone-groups.js";
export { kgramHashes, streamHash, winnow } from "./fingerprint.js";
