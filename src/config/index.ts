export { CONFIG_FILE, type LoadedConfig, loadConfig, parseConfig } from "./load.js";
export {
  type AdvisorConfig,
  type CheckConfig,
  configSchema,
  DEFAULT_CODEOWNERS_FILES,
  type GoldenPathConfig,
  type LedgerConfig,
  type LineitemConfig,
  type PlatformTeamConfig,
  type TeamRule,
  type TrendConfig,
} from "./schema.js";
