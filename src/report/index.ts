export { renderJson } from "./json.js";
export { renderTerminal, type TerminalOptions } from "./terminal.js";
