export { mapLimit } from "./concurrency.js";
export { dayOf, isCalendarDay, quarterOf } from "./dates.js";
export { type Diagnostic, DiagnosticLog } from "./diagnostics.js";
export { EXIT, isUserError, UserError } from "./errors.js";
export { packageRoot, packageVersion } from "./package-root.js";
export {
  entropy,
  findSecrets,
  isAssignedSecret,
  MASK,
  maskSecrets,
  maskSecretsDeep,
  SECRET_PATTERNS,
  type SecretKind,
  type SecretMatch,
} from "./secrets.js";
export { parseYamlWithSchema } from "./yaml-schema.js";
