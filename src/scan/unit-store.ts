import type { FileStat, MatchedEntry, ParsedEntry, ScanIndex } from "../store/index.js";

/** The part of the index the read stage uses: units by content, concern matches by content and path. */
export type UnitStore = Pick<ScanIndex, "getParsed" | "putParsed" | "getMatched" | "putMatched">;
export type { FileStat, MatchedEntry, ParsedEntry };
