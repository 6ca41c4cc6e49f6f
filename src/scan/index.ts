export { type ScanOptions, scan } from "./scan.js";
