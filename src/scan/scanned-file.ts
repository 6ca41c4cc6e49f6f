import type { ImplementationDraft } from "../concerns/index.js";
import type { Import, LanguageId, Unit } from "../lang/index.js";
import type { OwnerSource } from "../ownership/index.js";
import type { StreamPrints } from "../similarity/index.js";

/** One source file after reading, ownership and parsing: everything later stages need, no text. */
export interface ScannedFile {
  repo: string;
  path: string;
  blobSha: string;
  team: string;
  ownerSource: OwnerSource;
  language: LanguageId;
  isTest: boolean;
  lines: number;
  imports: Import[];
  units: Unit[];
  /** Concern implementations the worker found in this file (empty for test code left out). */
  implementations: ImplementationDraft[];
  /** The file's stream prints, when the copy search's reader computed them (see ParseTask.prints). */
  prints?: StreamPrints;
}
