export { classifyContent, classifyPath, isTestPath, SKIP_REASONS, type SkipReason } from "./classify.js";
export { discoverRepos, type RepoTarget } from "./discover.js";
export {
  type FileListing,
  type ListedFile,
  type ListOptions,
  listRepoFiles,
  type SkippedFile,
} from "./list.js";
export {
  type BytesResult,
  gitBlobSha,
  type ReadResult,
  readSourceBytes,
  readSourceFile,
  sourceFromBytes,
} from "./read.js";
export { commitAt, fileAt, listTreeFiles } from "./tree.js";
