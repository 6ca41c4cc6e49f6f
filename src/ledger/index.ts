export { advise } from "./advisor.js";
export { costOf, effortOf } from "./effort.js";
export { computeLedger, type LedgerOptions } from "./ledger.js";
export type {
  AdvisorSettings,
  LedgerImplementation,
  LedgerSettings,
  LedgerSubject,
  LedgerTouch,
  OrgPerson,
} from "./model.js";
