export { acmeSpecDir, type BuiltOrg, buildExampleOrg } from "./build-org.js";
export { type ExampleOrg, loadExampleOrg } from "./example-spec.js";
export { isolatedGitEnv, writeTimelineRepo } from "./fast-import.js";
export { growthPart } from "./growth.js";
export type { FileChange, Person, TimelineCommit, TimelineRepo } from "./timeline.js";
