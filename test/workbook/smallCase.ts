/**
 * A small, valid contract workbook that tests change one thing at a time. Layout (so tests can
 * name cells): every range starts at A1 of its own sheet, header in row 1, so the n-th data row is
 * row n + 1. Lines: A Line, B Timing, C Allocation, D Best, E Worst, F Profile.
 */
import type { InputRangeSpec } from "../../src/workbook/workbookPort";

export type SmallCase = Record<
  "partners" | "baseline" | "pools" | "lines" | "profiles" | "settings" | "risks",
  InputRangeSpec
>;

export function smallCase(): SmallCase {
  return {
    partners: {
      name: "CBA_Partners",
      sheet: "Partners",
      topLeft: "A1",
      header: ["Code", "Name"],
      rows: [
        ["CC", "County Council"],
        ["FR", "Fire and Rescue"],
      ],
      as: "table",
    },
    baseline: {
      name: "CBA_Baseline",
      sheet: "Baseline",
      topLeft: "A1",
      header: ["Service area", "CC", "FR", "Total"],
      rows: [
        ["Finance", 300, 100, 400],
        ["HR", 450, 150, 600],
        ["Total", 750, 250, 1000],
      ],
      as: "table",
    },
    pools: {
      name: "CBA_Pools",
      sheet: "Pools",
      topLeft: "A1",
      header: ["Pool", "Basis", "Service areas", "Partners", "Share decimals"],
      rows: [["Shared", "Baseline", "*", "*", 0]],
      as: "table",
    },
    lines: {
      name: "CBA_Lines",
      sheet: "Lines",
      topLeft: "A1",
      header: ["Line", "Timing", "Allocation", "Best", "Worst", "Profile"],
      rows: [
        ["System set-up", "One-off", "Shared", 100, 120, null],
        ["Staff savings", "Recurring", "Shared", -60, -40, "Ramp"],
        ["CC programme team", "One-off", "CC", 10, 10, null],
      ],
      as: "table",
    },
    profiles: {
      name: "CBA_Profiles",
      sheet: "Profiles",
      topLeft: "A1",
      header: ["Profile", "Year 0", "Year 1", "Year 2", "Year 3", "Year 4", "Year 5"],
      rows: [["Ramp", 0, 0.5, 1, 1, 1, 1]],
      as: "table",
    },
    settings: {
      name: "CBA_Settings",
      sheet: "Settings",
      topLeft: "A1",
      header: ["Setting", "Value"],
      rows: [
        ["Horizon", 5],
        ["Rounding unit", 1],
        ["Unit label", "£'000"],
        ["Discount rate", 0.035],
      ],
      as: "definedName",
    },
    risks: {
      name: "CBA_Risks",
      sheet: "Risks",
      topLeft: "A1",
      header: ["ID", "Risk", "Likelihood", "Impact", "Factors", "Score", "Band"],
      rows: [
        ["R1", "Savings slip", 3, 4, "1-2", null, null],
        ["R2", "Costs rise", 2, 2, "2", null, null],
      ],
      as: "table",
    },
  };
}

export function ranges(small: SmallCase): InputRangeSpec[] {
  return Object.values(small);
}
