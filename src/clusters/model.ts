import type { ImplementationDraft } from "../concerns/index.js";
import type { Import, LanguageId, Unit } from "../lang/index.js";

/** A file as the cluster stage sees it: its place, its team, and its units. */
export interface ClusterFile {
  repo: string;
  path: string;
  team: string;
  language: LanguageId;
  imports: Import[];
  units: Unit[];
}

/** An implementation found in one file: the concern engine's draft plus where it is. */
export interface FoundImplementation extends ImplementationDraft {
  /** Index into the files. */
  file: number;
}

/** A unit by file index and unit index. */
export interface UnitKey {
  file: number;
  unit: number;
}

export interface CloneGroupOfUnits {
  members: UnitKey[];
  similarity: number;
  identical: boolean;
}

export interface GoldenPath {
  concern: string;
  package?: string | undefined;
  repo?: string | undefined;
  path?: string | undefined;
}

export interface AdoptionFound {
  concern: string;
  team: string;
  file: number;
  line: number;
  module: string;
}

export interface ConcernGroup {
  concern: string;
  implementations: FoundImplementation[];
  /** Index into `implementations` of the golden one, if found. */
  golden: number | undefined;
  goldenPath: GoldenPath | undefined;
  adoptions: AdoptionFound[];
  teams: string[];
  crossTeam: boolean;
}

export interface UnnamedGroup {
  title: string;
  members: { file: number; units: number[] }[];
  teams: string[];
  similarity: number;
  identical: boolean;
}
