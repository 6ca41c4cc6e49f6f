export {
  createLanguageRegistry,
  type LanguageRegistry,
  languageOf,
  lexedLanguage,
  parseKindOf,
} from "./registry.js";
export type {
  FileUnits,
  Import,
  LanguageAdapter,
  LanguageId,
  Literal,
  ParseProblem,
  Unit,
  UnitFlag,
  UnitKind,
} from "./unit.js";
export { LANGUAGE_IDS } from "./unit.js";
