import { readContract } from "../../src/workbook/contractReader";
import { validateContract } from "../../src/workbook/contractValidator";
import type { CellValue, WorkbookSnapshot } from "../../src/workbook/workbookPort";
import { snapshotOf } from "./snapshotOf";

/** Lines: A Line, B Timing, C Allocation, D Kind, E Benefit class, F Best. */
function ranges(beneficiaries: CellValue[][] | undefined, classes: CellValue[] = [null, "Social", null]) {
  const r: Record<string, { sheet: string; values: CellValue[][] }> = {
    CBA_Partners: { sheet: "Partners", values: [["Code"], ["CC"], ["FR"]] },
    CBA_Pools: {
      sheet: "Pools",
      values: [
        ["Pool", "Basis", "Partners"],
        ["Shared", "Equal", "*"],
      ],
    },
    CBA_Lines: {
      sheet: "Lines",
      values: [
        ["Line", "Timing", "Allocation", "Kind", "Benefit class", "Best"],
        ["Set-up", "One-off", "Shared", "Cost", classes[0]!, 100],
        ["Demand reduction", "Recurring", "Shared", null, classes[1]!, -1000],
        ["Licences", "Recurring", "Shared", null, classes[2]!, 50],
      ],
    },
  };
  if (beneficiaries)
    r["CBA_Beneficiaries"] = { sheet: "Ben", values: [["Line", "Beneficiary", "Share"], ...beneficiaries] };
  return r;
}

function problems(snapshot: WorkbookSnapshot) {
  const reading = readContract(snapshot);
  return [...reading.problems, ...validateContract(reading.inputs, snapshot.sheets)].map((p) => [
    p.severity,
    p.range,
    p.cell,
    p.check,
    p.message,
  ]);
}

describe("CBA_Beneficiaries and the Benefit class column: bad input names the cell", () => {
  test("valid shares, a partner code and outside bodies: no problems", () => {
    const shares = [
      ["Demand reduction", "Partnership", 0.16],
      ["Demand reduction", "cc", "4%"],
      ["Demand reduction", "NHS", 0.8],
    ];
    expect(problems(snapshotOf(ranges(shares)))).toEqual([]);
  });

  test("shares that do not add up to 100% name the line, its share cells and the sum", () => {
    const shares = [
      ["Demand reduction", "Partnership", 0.16],
      ["Demand reduction", "NHS", 0.5],
      ["Demand reduction", "Police", 0.24],
    ];
    expect(problems(snapshotOf(ranges(shares)))).toEqual([
      [
        "error",
        "CBA_Beneficiaries",
        "Ben!C2",
        "Shares do not add up",
        // 16% + 50% + 24% = 90%
        'the beneficiaries\' shares of line "Demand reduction" add up to 90%, not 100% (Ben!C2, Ben!C3, Ben!C4)',
      ],
    ]);
  });

  test("an unknown line, a cost line, a repeated beneficiary and a negative share", () => {
    const shares = [
      ["Demand redution", "NHS", 1],
      ["Licences", "NHS", 1],
      ["Demand reduction", "NHS", 0.5],
      ["Demand reduction", "nhs", 0.5],
      ["Demand reduction", "Police", -0.1],
    ];
    expect(problems(snapshotOf(ranges(shares))).map((p) => p.slice(0, 4))).toEqual([
      ["error", "CBA_Beneficiaries", "Ben!C6", "Negative share"],
      ["error", "CBA_Beneficiaries", "Ben!A2", "Unknown line"],
      // Line by line, in CBA_Lines order; the negative share is dropped, so the rest add to 100%.
      ["error", "CBA_Beneficiaries", "Ben!B5", "Repeated beneficiary"],
      ["error", "CBA_Beneficiaries", "Ben!A3", "Beneficiaries of a cost line"],
    ]);
  });

  test("a blank share, a missing beneficiary and a missing column", () => {
    expect(
      problems(
        snapshotOf(
          ranges([
            ["Demand reduction", "NHS", null],
            ["Demand reduction", null, 1],
          ]),
        ),
      ).map((p) => p.slice(0, 4)),
    ).toEqual([
      ["error", "CBA_Beneficiaries", "Ben!C2", "Not a share"],
      ["error", "CBA_Beneficiaries", "Ben!B3", "Missing beneficiary"],
    ]);
    const snapshot = snapshotOf(ranges([]));
    snapshot.ranges.get("CBA_BENEFICIARIES")!.values = [["Line", "Share"]];
    expect(problems(snapshot).map((p) => p.slice(0, 4))).toEqual([
      ["error", "CBA_Beneficiaries", "Ben!A1", "Missing column"],
    ]);
  });

  test("a class on a cost line, and a class the contract does not know", () => {
    expect(
      problems(snapshotOf(ranges(undefined, ["Economic", "Fiscal", "Cashable"]))).map((p) => p.slice(0, 4)),
    ).toEqual([
      ["error", "CBA_Lines", "Lines!E3", "Unknown benefit class"],
      ["error", "CBA_Lines", "Lines!E2", "Class on a cost line"],
      ["error", "CBA_Lines", "Lines!E4", "Class on a cost line"],
    ]);
  });

  test("every accepted spelling of a class reads as its class", () => {
    const read = (text: string) =>
      readContract(snapshotOf(ranges(undefined, [null, text, null]))).inputs.lines!.lines[1]!.benefitClass;
    expect(
      ["Fiscal cashable", "Cashable", "fiscal-non-cashable", "Non-cashable", "ECONOMIC", "social"].map(read),
    ).toEqual([
      "fiscalCashable",
      "fiscalCashable",
      "fiscalNonCashable",
      "fiscalNonCashable",
      "economic",
      "social",
    ]);
  });

  test("a line given to one partner and shared with outside bodies must be in whole rounding units", () => {
    const r = ranges([
      ["Demand reduction", "Partnership", 0.5],
      ["Demand reduction", "NHS", 0.5],
    ]);
    r["CBA_Lines"]!.values[2]![2] = "CC";
    r["CBA_Lines"]!.values[2]![5] = -1000.5;
    r["CBA_Settings"] = {
      sheet: "Settings",
      values: [
        ["Setting", "Value"],
        ["Rounding unit", 1],
      ],
    };
    expect(problems(snapshotOf(r)).map((p) => p.slice(0, 4))).toEqual([
      ["error", "CBA_Lines", "Lines!F3", "Not a whole rounding unit"],
    ]);
  });
});
