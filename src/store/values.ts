import { deserialize, serialize } from "node:v8";

/** Stored values keep typed arrays, Maps and Sets: V8's own serializer. */
export const pack = (value: unknown): Buffer => serialize(value);

/** A stored value, or undefined when absent or unreadable (then it is computed again and replaced). */
export function unpack(blob: Buffer | undefined | null): unknown {
  if (blob === undefined || blob === null) return undefined;
  try {
    return deserialize(blob);
  } catch {
    return undefined;
  }
}
