/**
 * Which sheets adding input ranges creates, and when adding them must be refused. Both adapters
 * check here before writing anything, so Excel and an .xlsx file refuse the same things in the
 * same words.
 */
import type { InputRangeSpec, NoteSheetSpec } from "./workbookPort";

/** The sheets to add, note sheets first, then each range's sheet once, in the order given. */
export function newInputSheetNames(
  ranges: readonly InputRangeSpec[],
  notes: readonly NoteSheetSpec[] = [],
): string[] {
  return [...new Set([...notes.map((note) => note.name), ...ranges.map((range) => range.sheet)])];
}

/** What the workbook already has, names as it spells them. */
export interface ExistingWorkbookNames {
  sheets: readonly string[];
  /** Workbook-scoped defined names and table names (one namespace in Excel). */
  names: readonly string[];
}

function taken(existing: readonly string[], name: string): boolean {
  return existing.some((item) => item.toLowerCase() === name.toLowerCase());
}

/**
 * Throws when a range name is already a name or table of the workbook, or a sheet to add already
 * exists: the inputs would clash with the user's own, so nothing may be written.
 */
export function refuseInputRangeClashes(
  ranges: readonly InputRangeSpec[],
  notes: readonly NoteSheetSpec[],
  existing: ExistingWorkbookNames,
): void {
  const clashes = ranges.map((range) => range.name).filter((name) => taken(existing.names, name));
  if (clashes.length > 0) {
    throw new Error(
      `This workbook already has ${clashes.join(", ")}. Insert the inputs into a workbook without business case ranges, or delete those first.`,
    );
  }
  const sheets = newInputSheetNames(ranges, notes).filter((name) => taken(existing.sheets, name));
  if (sheets.length > 0) {
    throw new Error(
      `This workbook already has ${sheets.length === 1 ? "a sheet" : "sheets"} named ${sheets
        .map((name) => `'${name}'`)
        .join(", ")}. Rename ${sheets.length === 1 ? "it" : "them"} and try again; nothing was changed.`,
    );
  }
}
