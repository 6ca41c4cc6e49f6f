export { CONFIG_FILE, type LoadedConfig, loadConfig, parseConfig } from "./load.js";
export {
  type AdvisorConfig,
  configSchema,
  type GoldenPathConfig,
  type LedgerConfig,
  type LineitemConfig,
  type TeamRule,
} from "./schema.js";
