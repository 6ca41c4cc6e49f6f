export { GitError, type GitOptions, type GitResult, git, gitLines } from "./run.js";
