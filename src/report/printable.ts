/**
 * A name from a repository (a file path, above all) as one safe line of terminal text: git allows any byte
 * but NUL and `/` in a file name, so a name can hold a line break that forges a line of the report, or an
 * escape sequence the terminal would obey. Control characters are shown escaped (`\n`, `\x1b`) instead.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what must not reach a terminal.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function printable(text: string): string {
  return text.replace(
    CONTROL,
    (char) => NAMED[char] ?? `\\x${char.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
}
