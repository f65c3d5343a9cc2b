import fc from "fast-check";
import { computeBusinessCase, programme } from "../../src/engine/businessCase";
import type { BusinessCaseModel } from "../../src/engine/businessCaseModel";
import { Money } from "../../src/engine/money";
import { hampshireRiskBands } from "../../src/engine/riskRegister";
import { parseCellAddress } from "../../src/workbook/cellAddress";
import type { RefreshReport } from "../../src/workbook/refreshWorkbook";
import { reconcileResults } from "../../src/workbook/resultReconciliation";
import { amountFormat, shareFormat } from "../../src/workbook/resultSheets/numberFormats";
import { partnersSheet } from "../../src/workbook/resultSheets/partnersSheet";
import { bandColour } from "../../src/workbook/resultSheets/risksSheet";
import { blockName, uniqueHeaders } from "../../src/workbook/resultSheets/sheetLayout";
import { hampshireDryRun } from "./hampshireSampleFiles";

let report: RefreshReport;

beforeAll(async () => {
  report = await hampshireDryRun();
});

describe("the write plan for the Hampshire sample", () => {
  test("every block is rectangular: each row and each row of fills has one cell per header", () => {
    for (const sheet of report.plan!.sheets) {
      for (const block of sheet.blocks) {
        expect({ block: block.name, widths: [...new Set(block.rows.map((row) => row.length))] }).toEqual({
          block: block.name,
          widths: [block.header.length],
        });
        if (block.columnFormats) expect(block.columnFormats).toHaveLength(block.header.length);
        if (block.fills)
          expect(block.fills.map((row) => row.length)).toEqual(block.rows.map(() => block.header.length));
      }
    }
  });

  test("block names are unique across the workbook and blocks on a sheet do not overlap", () => {
    const names = report.plan!.sheets.flatMap((s) => s.blocks.map((b) => b.name.toLowerCase()));
    expect(new Set(names).size).toBe(names.length);
    for (const sheet of report.plan!.sheets) {
      // Blocks side by side (as on CBA Summary) may share rows, never cells: rows are compared
      // wherever two blocks' columns overlap.
      const spans = sheet.blocks
        .map((b) => {
          const { row, column } = parseCellAddress(b.topLeft);
          const top = row - (b.title === undefined ? 0 : 1);
          return {
            top,
            bottom: top + (b.title === undefined ? 0 : 1) + b.rows.length,
            left: column,
            right: column + b.header.length - 1,
          };
        })
        .sort((a, b) => a.top - b.top);
      spans.forEach((span, i) =>
        spans.slice(0, i).forEach((above) => {
          if (above.left <= span.right && span.left <= above.right)
            expect(span.top).toBeGreaterThan(above.bottom);
        }),
      );
    }
  });

  test("one payback chart per partner and the programme, each plotting its own block", () => {
    const partners = report.plan!.sheets.find((s) => s.name === "CBA Partners")!;
    expect(partners.charts.map((c) => c.sourceBlock)).toEqual([
      "CBA_Out_Payback_HCC",
      "CBA_Out_Payback_HC",
      "CBA_Out_Payback_HFRS",
      "CBA_Out_Payback_Programme",
    ]);
    const blocks = new Set(partners.blocks.map((b) => b.name));
    expect(
      partners.charts.every((c) => blocks.has(c.sourceBlock) && c.kind === "line" && c.seriesBy === "rows"),
    ).toBe(true);
  });

  test("payback that never comes is a blank in the numeric column, with the words in the note column", () => {
    const results = report
      .plan!.sheets.find((s) => s.name === "CBA Partners")!
      .blocks.find((b) => b.name === "CBA_Out_Results")!;
    const payback = results.header.indexOf("Payback (years)");
    const note = results.header.indexOf("Payback note");
    const values = results.rows.map((row) => row[payback]);
    expect(values.every((v) => v === null || (typeof v === "number" && Number.isFinite(v)))).toBe(true);
    const never = results.rows.filter((row) => row[payback] === null);
    expect(never.length).toBeGreaterThan(0);
    expect(never.every((row) => String(row[note]).includes("does not pay back within 10 years"))).toBe(true);
  });

  test("the heat map is coloured by the band of each cell's score", () => {
    const heatMap = report
      .plan!.sheets.find((s) => s.name === "CBA Risks")!
      .blocks.find((b) => b.name === "CBA_Out_HeatMap")!;
    const [low, medium, high] = [0, 1, 2].map((i) => bandColour(i, 3));
    // Row 0 is impact 5; column 1 is likelihood 1: 5 → Low, 3 × 5 = 15 → Medium, 4 × 5 = 20 → High.
    expect([heatMap.fills![0]![1], heatMap.fills![0]![3], heatMap.fills![0]![4]]).toEqual([
      low,
      medium,
      high,
    ]);
    expect(heatMap.asTable).toBe(false);
  });

  test("a delayed scenario is the same case one year later: net benefits shift one year, cut at the horizon", () => {
    const { result } = report.businessCase!;
    const of = (caseName: string) =>
      result.cases.find((c) => c.name === caseName)!.partners.find((p) => p.partner === programme)!;
    const best = of("Best").netBenefit.map(Number);
    const delayed = of("Start delayed a year").netBenefit.map(Number);
    expect(delayed).toEqual([0, ...best.slice(0, -1)]);
  });
});

describe("reconciliation of the results", () => {
  test("everything foots as computed", () => {
    const { model, result } = report.businessCase!;
    expect(reconcileResults(model, result).filter((r) => !r.agrees)).toEqual([]);
  });

  test("a part changed after the fact is caught, with both figures", () => {
    const { model, result } = report.businessCase!;
    // A copy of the results in which HCC's part of "ICT set-up" (Best) is one unit higher.
    const tampered = {
      ...result,
      lines: result.lines.map((line) => {
        if (line.label !== "ICT set-up") return line;
        const best = line.byCase["Best"]!;
        const parts = { ...best.parts!, HCC: best.parts!["HCC"]!.plus(1) };
        return { ...line, byCase: { ...line.byCase, Best: { ...best, parts } } };
      }),
    };
    const findings = reconcileResults(model, tampered).filter((r) => !r.agrees);
    expect(findings).toContainEqual(
      expect.objectContaining({
        check: "Line parts add up to the line",
        expected: new Money(1141),
        found: new Money(1140),
      }),
    );
  });
});

describe("formats and names", () => {
  test("amount formats follow the rounding unit with brackets for savings", () => {
    expect(amountFormat(new Money(1))).toBe("#,##0;(#,##0)");
    expect(amountFormat(new Money("0.01"))).toBe("#,##0.00;(#,##0.00)");
    expect(amountFormat(new Money(1000))).toBe("#,##0;(#,##0)");
    expect([shareFormat(0), shareFormat(1), shareFormat(undefined)]).toEqual(["0%", "0.0%", "0.00%"]);
  });

  test("headers made unique stay as many and are all different", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("Case", "case", "Total", "", "HCC"), { maxLength: 12 }),
        (headers) => {
          const unique = uniqueHeaders(headers);
          return (
            unique.length === headers.length &&
            new Set(unique.map((h) => h.toLowerCase())).size === unique.length
          );
        },
      ),
    );
  });

  test("block names are valid workbook names and never repeat", () => {
    const taken = new Set<string>();
    const names = ["HCC", "H&F", "H F", "", "HCC"].map((code) => blockName("CBA_Out_Payback_", code, taken));
    expect(names).toEqual([
      "CBA_Out_Payback_HCC",
      "CBA_Out_Payback_H_F",
      "CBA_Out_Payback_H_F_2",
      "CBA_Out_Payback_Item",
      "CBA_Out_Payback_HCC_2",
    ]);
  });

  test("band colours run from green for the lowest band to red for the highest", () => {
    expect(bandColour(0, 3)).toBe("#63BE7B");
    expect(bandColour(2, 3)).toBe("#F8696B");
    expect(bandColour(0, hampshireRiskBands.labels.length)).toMatch(/^#[0-9A-F]{6}$/);
  });
});

describe("first and final payback on CBA Partners", () => {
  test("a case that falls back below zero shows its first payback as a number, no final payback, and a note", () => {
    const model: BusinessCaseModel = {
      partners: [{ code: "A", name: "Council A" }],
      baseline: [],
      pools: [],
      profiles: { Exit: [0, 0, 0, 0, 1] },
      lines: [
        {
          label: "Set-up",
          timing: "oneOff",
          allocation: { kind: "partner", partner: "A" },
          values: { Best: new Money(100) },
        },
        {
          label: "Saving",
          timing: "recurring",
          allocation: { kind: "partner", partner: "A" },
          values: { Best: new Money(-50) },
        },
        {
          label: "Exit",
          timing: "oneOff",
          allocation: { kind: "partner", partner: "A" },
          values: { Best: new Money(200) },
          profile: "Exit",
        },
      ],
      cases: [{ name: "Best" }],
      settings: { discountRate: 0, horizonYears: 5, roundingUnit: 1, unitLabel: "£'000" },
    };
    const results = partnersSheet(model, computeBusinessCase(model), new Map()).blocks.find(
      (b) => b.name === "CBA_Out_Results",
    )!;
    const row = Object.fromEntries(results.header.map((h, i) => [h, results.rows[0]![i]]));
    expect(row["Payback (years)"]).toBe(2);
    expect(row["Final payback (years)"]).toBeNull();
    expect(row["Payback note"]).toContain(
      "payback: first in year 2.00, but falls back below zero by year 5, so no final payback",
    );
  });
});

describe("values stored on result sheets", () => {
  const thirds: BusinessCaseModel = {
    partners: [{ code: "A", name: "Council A" }],
    baseline: [],
    pools: [],
    profiles: { Third: [0, 1 / 3] },
    lines: [
      {
        label: "Set-up",
        timing: "oneOff",
        allocation: { kind: "partner", partner: "A" },
        values: { Best: new Money(100) },
      },
      {
        label: "Saving",
        timing: "recurring",
        allocation: { kind: "partner", partner: "A" },
        values: { Best: new Money(-50) },
        profile: "Third",
      },
    ],
    cases: [{ name: "Best" }],
    settings: { discountRate: 0.035, horizonYears: 1, roundingUnit: 1, unitLabel: "£'000" },
  };

  test("amounts are stored to two decimals beyond the rounding unit, never as long binary fractions", () => {
    const sheet = partnersSheet(thirds, computeBusinessCase(thirds), new Map());
    const numbers = sheet.blocks
      .filter((b) => b.name === "CBA_Out_Cashflows" || b.name === "CBA_Out_Results")
      .flatMap((b) => b.rows.flat())
      .filter((v): v is number => typeof v === "number");
    expect(numbers).toContain(16.67); // 50 × 1/3 = 16.666…
    const results = sheet.blocks.find((b) => b.name === "CBA_Out_Results")!;
    const npv = results.rows[0]![results.header.indexOf("NPV")] as number;
    expect(npv).toBe(Number(npv.toFixed(2)));
  });

  test("no annual saving leaves Years to recover blank, with the reason in the note", () => {
    // Only a set-up cost of 100 and no recurring line: set-up ÷ annual saving has nothing to divide by.
    const setUpOnly: BusinessCaseModel = { ...thirds, lines: [thirds.lines[0]!] };
    const sheet = partnersSheet(setUpOnly, computeBusinessCase(setUpOnly), new Map());
    const results = sheet.blocks.find((b) => b.name === "CBA_Out_Results")!;
    const row = Object.fromEntries(results.header.map((h, i) => [h, results.rows[0]![i]]));
    expect(row["Set-up"]).toBe(100);
    expect(row["Years to recover"]).toBeNull();
    expect(row["Payback note"]).toContain("years to recover: no annual saving");
  });

  test("a one-year horizon is '1 year' in the note", () => {
    const sheet = partnersSheet(thirds, computeBusinessCase(thirds), new Map());
    const results = sheet.blocks.find((b) => b.name === "CBA_Out_Results")!;
    expect(results.rows[0]![results.header.indexOf("Payback note")]).toContain(
      "does not pay back within 1 year;",
    );
  });
});
