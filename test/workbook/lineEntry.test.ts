import ExcelJS from "exceljs";
import { programme } from "../../src/engine/businessCase";
import { addInputRanges } from "../../src/workbook/excelJs/inputRangesWriter";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { type RefreshReport, refreshWorkbook } from "../../src/workbook/refreshWorkbook";
import type { InputRangeSpec } from "../../src/workbook/workbookPort";
import { ranges, type SmallCase, smallCase } from "./smallCase";

async function refresh(specs: readonly InputRangeSpec[], edit?: (workbook: ExcelJS.Workbook) => void) {
  const workbook = new ExcelJS.Workbook();
  addInputRanges(workbook, specs);
  edit?.(workbook);
  return refreshWorkbook(new ExcelJsWorkbook(workbook), { dryRun: true });
}

function changed(change: (small: SmallCase) => void): SmallCase {
  const small = smallCase();
  change(small);
  return small;
}

const located = (report: RefreshReport) => report.problems.map((p) => [p.severity, p.cell, p.check]);
const programmeResult = (report: RefreshReport, caseName = "Best") =>
  report
    .businessCase!.result.cases.find((c) => c.name === caseName)!
    .partners.find((p) => p.partner === programme)!;

/** The small case with a Kind column (G) and a one-off capital receipt of 50 in both cases. */
const withReceipt = (kind: string | null) =>
  changed((s) => {
    s.lines.header.push("Kind");
    s.lines.rows.forEach((row) => row.push(null));
    s.lines.rows.push(["Capital receipt", "One-off", "Shared", -50, -50, null, kind]);
  });

describe("the Kind column of CBA_Lines", () => {
  test("a negative one-off line of kind Benefit counts as a benefit in the net ROI", async () => {
    const benefit = programmeResult(await refresh(ranges(withReceipt("Benefit"))));
    const blank = programmeResult(await refresh(ranges(withReceipt(null))));
    // Best: costs 110 now; benefits 270 of savings, plus the 50 receipt as a benefit.
    expect(benefit.netReturnOnInvestment!.toNumber()).toBeCloseTo((270 + 50 - 110) / 110, 12);
    // Blank keeps today's rule: the receipt lowers the set-up cost to 60.
    expect(blank.netReturnOnInvestment!.toNumber()).toBeCloseTo((270 - 60) / 60, 12);
  });

  test("an unknown kind is an error naming the cell; a sign that contradicts the kind is a warning naming the cell", async () => {
    const unknown = await refresh(ranges(withReceipt("Income?")));
    expect(located(unknown)).toContainEqual(["error", "Lines!G5", "Unknown kind"]);
    const contradicting = await refresh(
      ranges(
        changed((s) => {
          s.lines.header.push("Kind");
          s.lines.rows = [
            ["System set-up", "One-off", "Shared", 100, 120, null, "Cost"],
            ["Staff savings", "Recurring", "Shared", 60, -40, "Ramp", "Benefit"],
          ];
        }),
      ),
    );
    expect(contradicting.status).toBe("checked");
    expect(located(contradicting)).toContainEqual(["warning", "Lines!D3", "Sign contradicts kind"]);
    expect(located(contradicting)).not.toContainEqual(["warning", "Lines!E3", "Sign contradicts kind"]);
  });
});

describe("labels and signs", () => {
  test('"income" in a label is no reason to warn that a saving was entered as positive', async () => {
    const report = await refresh(
      ranges(
        changed((s) =>
          s.lines.rows.push(["Lost income from traded services", "Recurring", "Shared", 5, 5, null]),
        ),
      ),
    );
    expect(report.problems.filter((p) => p.check === "Saving entered as positive")).toEqual([]);
  });
});

describe("a single case", () => {
  test("one amount column is enough: the case is computed", async () => {
    const report = await refresh(
      ranges(
        changed((s) => {
          s.lines.header = ["Line", "Timing", "Allocation", "Base", "Profile"];
          s.lines.rows = s.lines.rows.map(([line, timing, allocation, best, , profile]) => [
            line!,
            timing!,
            allocation!,
            best!,
            profile!,
          ]);
        }),
      ),
    );
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(report.businessCase!.result.cases.map((c) => c.name)).toEqual(["Base"]);
  });

  test("no amount column at all is an error naming the header row", async () => {
    const report = await refresh(
      ranges(
        changed((s) => {
          s.lines.header = ["Line", "Timing", "Allocation", "Amount", "Profile"];
        }),
      ),
    );
    expect(located(report)).toContainEqual(["error", "Lines!A1", "Missing column"]);
    expect(report.problems.find((p) => p.check === "Missing column")!.message).toContain(
      '"Best", "Base", "Worst"',
    );
  });
});

describe("formulas without a calculated value", () => {
  test("an amount that is a formula never calculated is named as such, with its cell", async () => {
    const report = await refresh(ranges(smallCase()), (workbook) => {
      workbook.getWorksheet("Lines")!.getCell("D2").value = { formula: "80+20" } as ExcelJS.CellFormulaValue;
    });
    expect(located(report)).toContainEqual(["error", "Lines!D2", "Not a number"]);
    expect(report.problems.find((p) => p.cell === "Lines!D2")!.message).toContain(
      "formula with no calculated value (=80+20)",
    );
  });
});

describe("things that need two cases", () => {
  test("with scenarios but one case, a warning says the tornado needs Best and Worst", async () => {
    const small = changed((s) => {
      s.lines.header = ["Line", "Timing", "Allocation", "Best", "Profile"];
      s.lines.rows = s.lines.rows.map(([line, timing, allocation, best, , profile]) => [
        line!,
        timing!,
        allocation!,
        best!,
        profile!,
      ]);
    });
    const scenarios: InputRangeSpec = {
      name: "CBA_Scenarios",
      sheet: "Scenarios",
      topLeft: "A1",
      header: ["Scenario", "Case", "Cost factor", "Saving factor", "Delay"],
      rows: [["Costs up", "Best", 1.2, 1, 0]],
      as: "table",
    };
    const report = await refresh([...ranges(small), scenarios]);
    expect(report.status).toBe("checked");
    const warning = report.problems.find((p) => p.check === "No range for sensitivity");
    expect(warning?.message).toContain("has only Best");
  });
});

describe("profiles shorter than the horizon, and fractions entered as formulas", () => {
  test("a recurring line carries its profile's last fraction on, with a warning naming the profile", async () => {
    // The Ramp profile has years 0 to 5; a horizon of 8 runs three years past it.
    const report = await refresh(ranges(changed((s) => (s.settings.rows[0]![1] = 8))));
    expect(report.status).toBe("checked");
    const warning = report.problems.find((p) => p.check === "Profile shorter than the horizon");
    expect(warning?.message).toContain('profile "Ramp" stops at year 5');
    expect(warning?.message).toContain(
      "recurring lines using it carry its last fraction (100%) on to year 8",
    );
    const benefits = programmeResult(report).benefits.map(Number);
    expect(benefits.slice(6)).toEqual([60, 60, 60]);
  });

  test("a one-off line on a profile that ends early has nothing after its end", async () => {
    const report = await refresh(
      ranges(
        changed((s) => {
          s.profiles.header = ["Profile", "Year 0", "Year 1"];
          s.profiles.rows = [
            ["Ramp", 0, 1],
            ["Spread", 0.5, 0.5],
          ];
          s.lines.rows[0]![5] = "Spread";
        }),
      ),
    );
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    const spread = report.problems.find(
      (p) => p.check === "Profile shorter than the horizon" && p.message.includes('"Spread"'),
    );
    expect(spread?.message).toContain("one-off lines using it have nothing after year 1");
    // System set-up 100 half now, half next year, then nothing; the team's 10 falls in year 0.
    expect(programmeResult(report).costs.map(Number)).toEqual([60, 50, 0, 0, 0, 0]);
  });

  test("fractions that add to 1 only up to floating point (=80/120 and =40/120) add to 100%", async () => {
    const report = await refresh(
      ranges(
        changed((s) => {
          s.profiles.rows.push(["Thirds", 80 / 120, 40 / 120, 0, 0, 0, 0]);
          s.lines.rows[0]![5] = "Thirds";
        }),
      ),
    );
    expect(report.problems.filter((p) => p.check === "One-off profile does not add to 100%")).toEqual([]);
  });
});
