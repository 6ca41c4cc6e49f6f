/** Blobs at past commits are read through git's object store, one process per call. */
export { type BlobRead, catBlobs } from "../git/index.js";
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
export { commitAt, fileAt, firstFileAt, headCommitDate, isShallow, listTreeFiles } from "./tree.js";
