/**
 * The blank template: every contract range with its headers and formats, no figures, and one
 * instruction line above each range saying what goes in it. Settings come filled with the
 * contract's defaults so the pane's settings form can store changes straight away.
 */
import { defaultConfidenceGrades } from "../../engine/optimismBias";
import {
  beneficiariesRangeName,
  beneficiaryColumns,
  canonicalHeaders,
  confidenceGradeColumns,
  driverColumns,
  inputRangeNames,
  optimismBiasRangeNames,
  optimismBiasColumns,
  partnerColumns,
  priceIndexColumns,
  publishedColumns,
  riskColumns,
  settingDefaults,
} from "../inputContract";
import type { InputRangeSpec, NoteSheetSpec } from "../workbookPort";

const amount = "#,##0;(#,##0)";
/** Ranges start on row 3, leaving row 1 for the instruction line. */
const topLeft = "A3";

/** The line written above each range, saying what goes in it. */
const instructions: Record<string, string> = {
  [inputRangeNames.partners]:
    "One row per partner body: a short code (e.g. HCC) used everywhere else, and its full name.",
  [inputRangeNames.baseline]:
    "One row per service area. Insert one column per partner, headed with its code, before Total; amounts in your unit.",
  [inputRangeNames.pools]:
    "Who shares what: Basis is Baseline, FTE, Equal or Manual; list service areas and partners separated by ; (or * for all).",
  [inputRangeNames.lines]:
    "Costs positive, savings negative. Timing: One-off or Recurring. Allocation: a pool or a partner's code. N/A = not quantified. Optional Kind column: Cost or Benefit. Optional Benefit class column: Fiscal cashable, Fiscal non-cashable, Economic or Social.",
  [beneficiariesRangeName]:
    "Optional: who receives a benefit line. One row per line and beneficiary (Partnership, a partner's code, or another body such as NHS); each line's shares add up to 100%. Lines not listed go 100% to the Partnership.",
  [inputRangeNames.profiles]:
    "Optional phasing: the fraction of a line's amount in each year (a recurring line runs on at its last rate).",
  [inputRangeNames.settings]: "Change these here or in the task pane's Settings tab.",
  [inputRangeNames.published]:
    "Optional: figures the document prints (e.g. Annual saving 4,000 printed to 1,000; Net ROI 75.3% printed to 0.1%), checked on CBA Checks.",
  [optimismBiasRangeNames.confidenceGrades]:
    "Optional: optimism bias per confidence grade. These reductions are the product's ILLUSTRATIVE default, not a published table: edit them to your own evidence.",
  [optimismBiasRangeNames.optimismBias]:
    "Optional optimism bias: one row per category named in the Lines' Optimism bias column. Project type: a Green Book type (blank for benefits). Applies to: Capital costs, Operating costs, Benefits or Duration. Blank upper bound = the Green Book's. Mitigation 0-1 needs a reason.",
  [inputRangeNames.drivers]:
    "Optional unit cost × volume: Line (as in CBA_Lines), Case (blank = every case), Unit cost, Volume; for benefits Deadweight, Attribution, Drop-off (fractions).",
  [inputRangeNames.priceIndex]:
    "Optional price index by year (e.g. the GDP deflator), used when Prices is Nominal: Year (2025/26 or Year 0) and Index.",
  [inputRangeNames.risks]:
    "Likelihood and impact from 1 to 5; Score and Band are filled in by the add-in on each refresh.",
};

function blankTable(
  name: string,
  sheet: string,
  header: string[],
  columnFormats?: (string | null)[],
): InputRangeSpec {
  // One empty row: an Excel table needs a data row, and it grows as rows are typed below it.
  const spec: InputRangeSpec = { name, sheet, topLeft, header, rows: [header.map(() => null)], as: "table" };
  if (columnFormats) spec.columnFormats = columnFormats;
  return withInstruction(spec);
}

function withInstruction(spec: InputRangeSpec): InputRangeSpec {
  const instruction = instructions[spec.name];
  return instruction === undefined ? spec : { ...spec, instruction };
}

const years = Array.from({ length: settingDefaults.horizonYears + 1 }, (_, year) => `Year ${year}`);

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
    "Then press Refresh all results in the task pane.",
    "Amounts are in the unit named in Settings; costs positive, savings negative (shown in brackets).",
  ],
};

/**
 * Every range of the blank template, each with its instruction line.
 *
 * @example
 * await port.addInputRanges(blankTemplateRanges(), [blankTemplateNotes]);
 */
export function blankTemplateRanges(): InputRangeSpec[] {
  return [
    blankTable(inputRangeNames.partners, "Partners", canonicalHeaders(partnerColumns)),
    blankTable(inputRangeNames.baseline, "Baseline", ["Service area", "Total"], [null, amount]),
    blankTable(inputRangeNames.pools, "Pools", [
      "Pool",
      "Basis",
      "Service areas",
      "Partners",
      "Share decimals",
    ]),
    blankTable(
      inputRangeNames.lines,
      "Lines",
      ["Line", "Timing", "Allocation", "Best", "Worst", "Profile"],
      [null, null, null, amount, amount, null],
    ),
    blankTable(beneficiariesRangeName, "Beneficiaries", canonicalHeaders(beneficiaryColumns), [
      null,
      null,
      "0%",
    ]),
    blankTable(inputRangeNames.profiles, "Profiles", ["Profile", ...years], [null, ...years.map(() => "0%")]),
    withInstruction({
      name: inputRangeNames.settings,
      sheet: "Settings",
      topLeft,
      header: ["Setting", "Value"],
      rows: [
        ["Discount rate", Number(settingDefaults.discountRate)],
        ["Horizon (years)", settingDefaults.horizonYears],
        ["Unit label", settingDefaults.unitLabel],
        ["Rounding unit", Number(settingDefaults.roundingUnit)],
        ["Risk band thresholds", settingDefaults.riskBandThresholds.join(", ")],
        ["Risk band labels", settingDefaults.riskBandLabels.join(", ")],
        ["Contingency on costs", null],
        ["Contingency on savings", null],
        ["First financial year", null],
        ["Optimism bias", "Include"],
        // Blank = the Best / Base / Worst columns; or e.g. "Low, Central, High" to name your own.
        ["Cases", null],
        // Blank = Real; Nominal needs Inflation or the CBA_PriceIndex table below.
        ["Prices", null],
        ["Price base year", null],
        ["Inflation", null],
      ],
      as: "definedName",
    }),
    // Beside the settings rather than on a sheet of its own: optional tables that refine lines,
    // each with its instruction two rows above it.
    withInstruction({
      name: inputRangeNames.drivers,
      sheet: "Settings",
      topLeft: "A21",
      header: canonicalHeaders(driverColumns),
      rows: [canonicalHeaders(driverColumns).map(() => null)],
      columnFormats: [null, null, "#,##0.00;(#,##0.00)", "#,##0", null, "0%", "0%", "0%"],
      as: "table",
    }),
    withInstruction({
      name: inputRangeNames.priceIndex,
      sheet: "Settings",
      topLeft: "A27",
      header: canonicalHeaders(priceIndexColumns),
      rows: [[null, null]],
      as: "table",
    }),
    // The grades (fixed rows) first, then the categories, whose table grows downwards as rows are typed.
    withInstruction({
      name: optimismBiasRangeNames.confidenceGrades,
      sheet: "Settings",
      topLeft: "A33",
      header: canonicalHeaders(confidenceGradeColumns),
      rows: defaultConfidenceGrades.map((grade) => [grade.grade, grade.rate.toNumber()]),
      columnFormats: [null, "0%"],
      as: "table",
    }),
    withInstruction({
      name: optimismBiasRangeNames.optimismBias,
      sheet: "Settings",
      topLeft: "A43",
      header: canonicalHeaders(optimismBiasColumns),
      rows: [canonicalHeaders(optimismBiasColumns).map(() => null)],
      columnFormats: [null, null, null, "0%", "0%", null, null],
      as: "table",
    }),
    blankTable(inputRangeNames.risks, "Risks", canonicalHeaders(riskColumns)),
    blankTable(inputRangeNames.published, "Published", canonicalHeaders(publishedColumns), [
      null,
      null,
      null,
      null,
      amount,
      null,
    ]),
  ];
}
