export { type BlobRead, catBlobs } from "./cat-file.js";
export { GitError, type GitOptions, type GitResult, git, gitLines, gitMissing } from "./run.js";
