import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { HtmlAssets } from "../report/index.js";
import { packageRoot, UserError } from "../shared/index.js";

const require = createRequire(import.meta.url);

/** A file of an installed package, found the way Node finds the package (hoisted or not). */
function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

let cached: HtmlAssets | undefined;

/**
 * The page's own script and styles (assets/report/ in this package) and the two libraries it inlines:
 * uPlot for charts and jsdiff for comparisons. Read once per process.
 */
export function loadHtmlAssets(): HtmlAssets {
  if (cached) return cached;
  const read = (file: string) => {
    try {
      return readFileSync(file, "utf8");
    } catch (error) {
      throw new UserError(
        "install-incomplete",
        `${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? "error"}); lineitem's installation is incomplete.`,
        "Reinstall lineitem (npm install).",
      );
    }
  };
  cached = {
    appJs: read(join(packageRoot, "assets", "report", "app.js")),
    appCss: read(join(packageRoot, "assets", "report", "app.css")),
    chartJs: read(packageFile("uplot", "dist/uPlot.iife.min.js")),
    chartCss: read(packageFile("uplot", "dist/uPlot.min.css")),
    diffJs: read(packageFile("diff", "dist/diff.min.js")),
  };
  return cached;
}
