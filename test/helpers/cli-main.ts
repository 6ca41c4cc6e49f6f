/** One step of a CLI's job: `step7(os.Args)`. */
export const cliStep = (i: number): string => `\tstep${i}(os.Args)`;

/** `count` steps of a CLI's job, one a line, numbered from `from`. */
export const cliSteps = (count: number, from = 0): string =>
  Array.from({ length: count }, (_, i) => cliStep(from + i)).join("\n");

/**
 * A Go CLI's `main` that sets its logger up on lines 10-13 and then does its job (`body`): by default
 * eighty steps, so the function runs from line 9 to line 95.
 */
export function cliMain(body = cliSteps(80)): string {
  return `package main

import (
\t"os"

\tlog "github.com/sirupsen/logrus"
)

func main() {
\tlog.SetFormatter(&log.JSONFormatter{})
\tlog.SetOutput(os.Stdout)
\tif os.Getenv("DEBUG") != "" {
\t\tlog.SetLevel(log.DebugLevel)
\t}
${body}
}
`;
}
