/**
 * What the contract says about one input range, in one place: its workbook name, what it is for
 * (the pane and the README say it from here), the instruction the blank template writes above it,
 * its columns with their kinds, where the blank template lays it out, and how it is read. Each
 * range's module in this folder exports one of these; `inputRanges.ts` lists them.
 */
import type { ContractColumn } from "../contractColumns";
import type { ContractInputs, ContractSettings } from "../contractInputs";
import type { ContractProblem } from "../contractProblems";
import type { InputTable } from "../inputTable";
import type { CellValue } from "../workbookPort";
import type { ColumnKind } from "../contractColumns";
import type { PartnerCodes } from "./partnerCodes";

/** The fields of `ContractInputs` that one range fills (the settings are read before the others). */
export type RangeInputKey = Exclude<keyof ContractInputs, "settings" | "locations">;

/** What a range's reader may use besides its own table: ranges read before it. */
export interface ReadingContext {
  problems: ContractProblem[];
  settings: ContractSettings;
  codes: PartnerCodes;
}

/** Where and how the blank template lays the range out; every field but the sheet has a default. */
export interface BlankTemplateLayout {
  sheet: string;
  /** Default A3, leaving row 1 for the instruction line. */
  topLeft?: string;
  /** Default: the canonical headers of the range's columns. */
  header?: string[];
  /** Default: one empty row (an Excel table needs a data row and grows as rows are typed). */
  rows?: CellValue[][];
  /** Default "table". */
  as?: "table" | "definedName";
  /** The kind of the header cells that are not contract columns (a case, a year, a partner). */
  otherColumnsKind?: ColumnKind;
}

export interface InputRangeDefinition<Key extends RangeInputKey | "settings" = RangeInputKey> {
  /** The workbook name, e.g. `CBA_Lines`. */
  name: string;
  /** The field of `ContractInputs` it is read into. */
  key: Key;
  /** What the range holds, in a finance officer's words: shown beside its name in the task pane. */
  purpose: string;
  /** Its columns and what goes in them, as the README's contract table states them. */
  contents: string;
  /** The line the blank template writes above the range, saying what goes in it. */
  instruction: string;
  /** Whether every business case needs it (others are needed only by what uses them). */
  alwaysRequired?: boolean;
  /**
   * An optional extension of the contract (funding, beneficiaries, optimism bias): the task pane
   * lists it only when the workbook has it, so a plain case's list stays the ranges it is made of.
   */
  extension?: boolean;
  columns: Readonly<Record<string, ContractColumn>>;
  /** Absent: the blank template leaves it out (the user adds it when the case needs it). */
  template?: BlankTemplateLayout;
}

/** A range read by the common loop of `readContract`: its reader gives the value for its field. */
export interface ReadInputRangeDefinition<Key extends RangeInputKey> extends InputRangeDefinition<Key> {
  /** Undefined: the range says nothing (e.g. a funding table with no rows). */
  read(table: InputTable, context: ReadingContext): ContractInputs[Key] | undefined;
}

/** Any of the ranges read by the common loop, keeping each one's key and value types together. */
export type AnyReadInputRangeDefinition = {
  [Key in RangeInputKey]: ReadInputRangeDefinition<Key>;
}[RangeInputKey];
