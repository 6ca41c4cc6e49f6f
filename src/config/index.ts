export { CONFIG_FILE, type LoadedConfig, loadConfig, parseConfig } from "./load.js";
export { configSchema, type GoldenPathConfig, type LineitemConfig, type TeamRule } from "./schema.js";
