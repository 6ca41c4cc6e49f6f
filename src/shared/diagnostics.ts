/**
 * Something the user should know about that did not stop the scan: a CODEOWNERS line we could not read,
 * a folder scanned without history, a file that failed to parse. Stages collect these instead of throwing
 * so that one bad file never costs the rest of the scan.
 */
export interface Diagnostic {
  level: "warning" | "info";
  code: string;
  message: string;
  repo?: string;
  file?: string;
  line?: number;
}

export class DiagnosticLog {
  readonly entries: Diagnostic[] = [];

  warn(code: string, message: string, where: Omit<Diagnostic, "level" | "code" | "message"> = {}): void {
    this.entries.push({ level: "warning", code, message, ...where });
  }

  info(code: string, message: string, where: Omit<Diagnostic, "level" | "code" | "message"> = {}): void {
    this.entries.push({ level: "info", code, message, ...where });
  }
}
