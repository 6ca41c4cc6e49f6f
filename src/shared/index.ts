export { mapLimit } from "./concurrency.js";
export { dayOf, isCalendarDay, quarterOf } from "./dates.js";
export { type Diagnostic, DiagnosticLog } from "./diagnostics.js";
export { EXIT, isUserError, UserError } from "./errors.js";
export { packageRoot, packageVersion } from "./package-root.js";
export { parseYamlWithSchema } from "./yaml-schema.js";
