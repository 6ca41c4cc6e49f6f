export {
  type CodeOwners,
  type CodeOwnersProblem,
  type CodeOwnersRule,
  compilePattern,
  matchCodeOwners,
  parseCodeOwners,
} from "./codeowners.js";
export { CODEOWNERS_LOCATIONS, readCodeOwners } from "./load.js";
export { type OwnerOf, type OwnerSource, type Ownership, ownerResolver, teamFromHandle } from "./resolve.js";
