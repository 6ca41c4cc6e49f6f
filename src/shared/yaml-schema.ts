import { isMap, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { UserError } from "./errors.js";

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  }
  return issue.message;
}

/**
 * Parses YAML and validates it against a schema. Every error names the file, the line and the key path
 * (`lineitem.config.yaml:3: teams.0: unknown key "repo"`), and alias expansion is bounded so a YAML bomb
 * fails fast instead of eating memory.
 */
export function parseYamlWithSchema<T>(
  text: string,
  file: string,
  schema: z.ZodType<T>,
  code: string,
  hint?: string,
): T {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lineCounter.linePos(yamlError.pos[0]).line;
    throw new UserError(code, `${file}:${line}: not valid YAML: ${yamlError.message.split("\n")[0]}`, hint);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    throw new UserError(code, `${file}: ${(error as Error).message}`, hint);
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0] as z.core.$ZodIssue;
  const path = issue.path.map(String);
  const keyPath = issue.code === "unrecognized_keys" ? [...path, issue.keys[0] as string] : path;
  const node = doc.getIn(keyPath, true) as { range?: [number, number] } | undefined;
  const parent = doc.getIn(path, true);
  const offset = node?.range?.[0] ?? (isMap(parent) ? parent.range?.[0] : undefined);
  const line = offset === undefined ? undefined : lineCounter.linePos(offset).line;
  const where = path.length ? path.join(".") : "(top level)";
  throw new UserError(code, `${file}${line ? `:${line}` : ""}: ${where}: ${describeIssue(issue)}`, hint);
}
