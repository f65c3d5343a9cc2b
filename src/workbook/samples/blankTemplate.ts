/**
 * The blank template: every contract range with its headers and formats, no figures, and one
 * instruction line above each range saying what goes in it. Settings come filled with the
 * contract's defaults so the pane's settings form can store changes straight away.
 */
import { columnFormat, matchesColumn } from "../contractColumns";
import type { InputRangeDefinition } from "../contractReading/inputRangeDefinition";
import { inputRanges } from "../contractReading/inputRanges";
import { canonicalHeaders } from "../inputContract";
import type { InputRangeSpec, NoteSheetSpec } from "../workbookPort";

/** Ranges start on row 3, leaving row 1 for the instruction line. */
const defaultTopLeft = "A3";

/** A range as the blank template lays it out, from its definition; undefined for ranges it leaves out. */
function blankRange(
  definition: InputRangeDefinition<InputRangeDefinition["key"] | "settings">,
): InputRangeSpec | undefined {
  const layout = definition.template;
  if (layout === undefined) return undefined;
  const header = layout.header ?? canonicalHeaders(definition.columns);
  const spec: InputRangeSpec = {
    name: definition.name,
    sheet: layout.sheet,
    topLeft: layout.topLeft ?? defaultTopLeft,
    header,
    rows: layout.rows ?? [header.map(() => null)],
    as: layout.as ?? "table",
    instruction: definition.instruction,
  };
  const formats = header.map((text) => {
    const known = Object.values(definition.columns).find((column) => matchesColumn(text, column));
    return columnFormat(known ? known.kind : layout.otherColumnsKind);
  });
  if (formats.some((format) => format !== null)) spec.columnFormats = formats;
  return spec;
}

/** The "Start here" sheet: the order in which to fill the ranges. */
export const blankTemplateNotes: NoteSheetSpec = {
  name: "Start here",
  lines: [
    "Shared services business case: blank template.",
    "1. Partners: list the partner bodies. 2. Baseline: their spend per service area, the usual basis of shares.",
    "3. Pools: which partners share which lines. 4. Lines: the costs and savings, one column per case (Best, Worst, or the cases named in Settings' Cases).",
    "5. Profiles (optional): how each line phases over the years. 6. Settings: discount rate, horizon, rounding, risk bands.",
    "7. Risks (optional): the risk register. 8. Published (optional): figures the document prints, to check.",
    "9. Optimism bias (optional, on the Settings sheet): categories with their Green Book project type and mitigation; add an Optimism bias column to the Lines naming each line's category.",
    "10. Funding and Line funding (optional): the funding sources and which source meets which cost line.",
    "11. Beneficiaries (optional): who outside the partnership receives what share of each benefit line (NHS, DWP, courts…).",
    "Then press Refresh all results in the task pane.",
    "Amounts are in the unit named in Settings; costs positive, savings negative (shown in brackets).",
  ],
};

/**
 * Every range of the blank template, each with its instruction line, in the order a user fills them.
 *
 * @example
 * await port.addInputRanges(blankTemplateRanges(), [blankTemplateNotes]);
 */
export function blankTemplateRanges(): InputRangeSpec[] {
  return inputRanges.flatMap((definition) => blankRange(definition) ?? []);
}
