/**
 * The small case (test/workbook/smallCase.ts) with funding. CBA_Lines gains an Expenditure column
 * (G); CBA_Funding and CBA_LineFunding start at A1 of their own sheets, header in row 1.
 *
 * Costs: "System set-up" (one-off, Shared 75:25, Best 100 / Worst 120, Capital) and
 * "CC programme team" (one-off, CC, 10 in both cases, Revenue); "Staff savings" is a saving.
 * System set-up is met 40% by the Transformation grant, 40% by CC reserves, 20% by the FR loan;
 * the CC programme team by 10 of CC reserves.
 */
import type { InputRangeSpec } from "../../../src/workbook/workbookPort";
import { type SmallCase, smallCase } from "../smallCase";

export type FundingCase = SmallCase & { funding: InputRangeSpec; lineFunding: InputRangeSpec };

export function fundingCase(): FundingCase {
  const small = smallCase();
  small.lines.header = [...small.lines.header, "Expenditure"];
  small.lines.rows = [
    ["System set-up", "One-off", "Shared", 100, 120, null, "Capital"],
    ["Staff savings", "Recurring", "Shared", -60, -40, "Ramp", null],
    ["CC programme team", "One-off", "CC", 10, 10, null, "Revenue"],
  ];
  return {
    ...small,
    funding: {
      name: "CBA_Funding",
      sheet: "Funding",
      topLeft: "A1",
      header: [
        "Source",
        "Kind",
        "Partner",
        "Amount",
        "Pump-priming limit",
        "Restricted to",
        "Award",
        "Interest rate",
        "Term (years)",
        "Repayment",
      ],
      rows: [
        ["Transformation grant", "Grant", null, 100, 0.5, "Capital", 0.5, null, null, null],
        ["CC reserves", "Reserves", "CC", null, null, null, null, null, null, null],
        ["FR loan", "Borrowing", "FR", null, null, "Capital", null, 0.05, 2, "Straight line"],
      ],
      as: "table",
    },
    lineFunding: {
      name: "CBA_LineFunding",
      sheet: "LineFunding",
      topLeft: "A1",
      header: ["Line", "Source", "Amount", "Percent"],
      rows: [
        ["System set-up", "Transformation grant", null, 0.4],
        ["System set-up", "CC reserves", null, "40%"],
        ["System set-up", "FR loan", null, 0.2],
        ["CC programme team", "CC reserves", 10, null],
      ],
      as: "table",
    },
  };
}
