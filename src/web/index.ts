export { loadHtmlAssets } from "./assets.js";
export { reportData, scanFromFile, scanFromIndex, trendFromFile } from "./report-data.js";
export { type RunningServer, type ServeOptions, startServer } from "./server.js";
