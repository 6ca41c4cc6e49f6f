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

/** A member of a clone group: the unit it lies in, and the lines copied (the whole unit or a fragment). */
export interface CloneMemberOfUnit extends UnitKey {
  startLine: number;
  endLine: number;
  tokens: number;
}

export interface CloneGroupOfUnits {
  /** `unit`: whole units are copies; `fragment`: runs of code inside units are. */
  level: "unit" | "fragment";
  members: CloneMemberOfUnit[];
  similarity: number;
  /** Same tokens once names and values are normalised (type 1–2); otherwise a near-miss (type 3). */
  identical: boolean;
  tokens: number;
  /** Set when the shape is scaffolding or everywhere: kept, counted, shown only on request. */
  boilerplate?: "scaffolding" | "everywhere" | undefined;
}

/** A clone group seen with its teams: which copy is canonical, and whether it crosses teams. */
export interface CloneCluster extends CloneGroupOfUnits {
  members: (CloneMemberOfUnit & { canonical: boolean })[];
  teams: string[];
  /** Members in two or more teams: a cross-team cluster. One team's copies are still listed, as such. */
  crossTeam: boolean;
}

/** Units that seem to do the same job in different code, with the concern that confirms it, if any. */
export interface SameJobCluster {
  members: UnitKey[];
  similarity: number;
  teams: string[];
  /** The concern all members implement, when the concern engine agrees; otherwise unconfirmed. */
  concern: string | null;
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
