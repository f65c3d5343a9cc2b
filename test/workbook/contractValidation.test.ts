import { existsSync } from "node:fs";
import type { ContractProblem } from "../../src/workbook/contractProblems";
import type { RefreshReport } from "../../src/workbook/refreshWorkbook";
import type { InputRangeSpec } from "../../src/workbook/workbookPort";
import { type SmallCase, smallCase } from "./smallCase";
import {
  loadWorkbook,
  readTable,
  refreshFile,
  sheetNames,
  tableRecords,
  temporaryFolder,
  writeWorkbook,
} from "./workbookFiles";

const folder = temporaryFolder();
afterAll(() => folder.remove());
let fileNumber = 0;

/** Writes the case to a real .xlsx, refreshes it, and returns the report and where results went. */
async function refresh(
  small: Partial<Record<string, InputRangeSpec>>,
): Promise<{ report: RefreshReport; output: string; input: string }> {
  fileNumber++;
  const input = folder.path(`case-${fileNumber}.xlsx`);
  const output = folder.path(`case-${fileNumber}-results.xlsx`);
  await writeWorkbook(
    input,
    Object.values(small).filter((range): range is InputRangeSpec => range !== undefined),
  );
  return { report: await refreshFile(input, output), output, input };
}

function changed(change: (small: SmallCase) => void): SmallCase {
  const small = smallCase();
  change(small);
  return small;
}

/** The problems as [severity, range, cell, check] for readable assertions. */
function located(report: RefreshReport): [string, string, string | undefined, string][] {
  return report.problems.map((p: ContractProblem) => [p.severity, p.range, p.cell, p.check]);
}

describe("contract validation on real workbooks", () => {
  test("the unchanged small case is valid and is written (the control for every test below)", async () => {
    const { report, output } = await refresh(smallCase());
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(report.status).toBe("written");
    expect(existsSync(output)).toBe(true);
  });

  describe("errors: each names the range, the cell and what is wrong, and nothing is written", () => {
    test("a missing range the calculation needs (CBA_Partners)", async () => {
      const rest: Partial<SmallCase> = smallCase();
      delete rest.partners;
      const { report, output } = await refresh(rest);
      expect(report.status).toBe("invalid");
      expect(located(report)).toContainEqual(["error", "CBA_Partners", undefined, "Missing range"]);
      expect(existsSync(output)).toBe(false);
    });

    test("a workbook with neither lines nor risks has nothing to calculate", async () => {
      const { report } = await refresh({ settings: smallCase().settings });
      expect(located(report)).toContainEqual(["error", "CBA_Lines", undefined, "Nothing to calculate"]);
    });

    test("an unknown partner code in a pool's partner list", async () => {
      const { report } = await refresh(changed((s) => (s.pools.rows[0]![3] = "CC, XX")));
      expect(located(report)).toContainEqual(["error", "CBA_Pools", "Pools!D2", "Unknown partner code"]);
      expect(report.problems.find((p) => p.check === "Unknown partner code")?.message).toContain('"XX"');
    });

    test("an unknown partner code heading a baseline column of amounts", async () => {
      const { report } = await refresh(
        changed((s) => {
          s.baseline.header.push("XY");
          s.baseline.rows.forEach((row) => row.push(5));
        }),
      );
      expect(located(report)).toContainEqual([
        "error",
        "CBA_Baseline",
        "Baseline!E1",
        "Unknown partner code",
      ]);
    });

    test("a line allocated to an unknown pool", async () => {
      const { report } = await refresh(changed((s) => (s.lines.rows[0]![2] = "Sharde")));
      expect(located(report)).toContainEqual(["error", "CBA_Lines", "Lines!C2", "Unknown pool or partner"]);
      expect(report.problems[0]!.message).toContain('"Sharde"');
    });

    test("a non-numeric amount (bracketed text such as '(60)' is read as −60, plain words are not)", async () => {
      const bracketed = await refresh(changed((s) => (s.lines.rows[1]![3] = "(60)")));
      expect(bracketed.report.status).toBe("written");
      const { report } = await refresh(changed((s) => (s.lines.rows[1]![3] = "lots")));
      expect(located(report)).toContainEqual(["error", "CBA_Lines", "Lines!D3", "Not a number"]);
      expect(report.problems[0]!.message).toContain('"lots"');
    });

    test("a blank amount must be entered as an amount, 0 or N/A", async () => {
      const { report } = await refresh(changed((s) => (s.lines.rows[2]![4] = null)));
      expect(located(report)).toContainEqual(["error", "CBA_Lines", "Lines!E4", "Missing amount"]);
    });

    test("a profile with a blank year inside the horizon", async () => {
      const { report } = await refresh(changed((s) => (s.profiles.rows[0]![3] = null)));
      expect(located(report)).toContainEqual([
        "error",
        "CBA_Profiles",
        "Profiles!D2",
        "Profile does not cover the horizon",
      ]);
    });

    test("likelihood and impact off the 1–5 scale", async () => {
      const { report } = await refresh(
        changed((s) => {
          s.risks.rows[0]![2] = 6;
          s.risks.rows[1]![3] = 0;
        }),
      );
      expect(located(report)).toEqual(
        expect.arrayContaining([
          ["error", "CBA_Risks", "Risks!C2", "Off the scale"],
          ["error", "CBA_Risks", "Risks!D3", "Off the scale"],
        ]),
      );
    });

    test("a baseline row total and a Total-row cell that disagree with their parts", async () => {
      const { report } = await refresh(
        changed((s) => {
          s.baseline.rows[0]![3] = 401;
          s.baseline.rows[2]![1] = 751;
        }),
      );
      expect(located(report)).toEqual(
        expect.arrayContaining([
          ["error", "CBA_Baseline", "Baseline!D2", "Total disagrees"],
          ["error", "CBA_Baseline", "Baseline!B4", "Total disagrees"],
        ]),
      );
      expect(report.problems.find((p) => p.cell === "Baseline!D2")?.message).toContain(
        "shows 401 but its parts sum to 400",
      );
    });

    test("a missing required column is reported at the header row", async () => {
      const { report } = await refresh(
        changed((s) => {
          s.lines.header[1] = "When";
        }),
      );
      expect(located(report)).toContainEqual(["error", "CBA_Lines", "Lines!A1", "Missing column"]);
    });

    test("a pool naming a service area the baseline does not have", async () => {
      const { report } = await refresh(changed((s) => (s.pools.rows[0]![2] = "Finance; Payroll")));
      expect(located(report)).toContainEqual(["error", "CBA_Pools", "Pools!C2", "Unknown service area"]);
    });

    test("a manual pool without a weight for one of its partners", async () => {
      const { report } = await refresh(
        changed((s) => {
          s.pools.header.push("CC", "FR");
          s.pools.rows[0] = ["Shared", "Manual", null, "*", 0, 2, null];
        }),
      );
      expect(located(report)).toContainEqual(["error", "CBA_Pools", "Pools!G2", "Missing manual weight"]);
    });

    test("a pooled amount that is not a whole number of rounding units", async () => {
      const { report } = await refresh(changed((s) => (s.lines.rows[0]![3] = 100.5)));
      expect(located(report)).toContainEqual(["error", "CBA_Lines", "Lines!D2", "Not a whole rounding unit"]);
    });

    test("a scenario based on an unknown case, and one delayed beyond the horizon", async () => {
      const scenarios = {
        name: "CBA_Scenarios",
        sheet: "Scenarios",
        topLeft: "A1",
        header: ["Scenario", "Case", "Cost factor", "Saving factor", "Delay (years)"],
        rows: [
          ["Costs up", "Middling", 1.2, 1, 0],
          ["Very late", "Best", 1, 1, 6],
          ["Late", "Best", 1, 1, 1],
        ],
        as: "table" as const,
      };
      const { report } = await refresh({ ...smallCase(), scenarios });
      expect(located(report)).toEqual([
        ["error", "CBA_Scenarios", "Scenarios!B2", "Unknown case"],
        ["error", "CBA_Scenarios", "Scenarios!E3", "Delay beyond the horizon"],
      ]);
    });

    test("every problem is reported at once, and the workbook is left exactly as it was", async () => {
      const { report, output, input } = await refresh(
        changed((s) => {
          s.pools.rows[0]![3] = "CC, XX";
          s.lines.rows[0]![2] = "Nowhere";
          s.lines.rows[1]![4] = "lots";
          s.risks.rows[0]![2] = 9;
        }),
      );
      expect(located(report).filter(([severity]) => severity === "error")).toEqual(
        expect.arrayContaining([
          ["error", "CBA_Pools", "Pools!D2", "Unknown partner code"],
          ["error", "CBA_Lines", "Lines!C2", "Unknown pool or partner"],
          ["error", "CBA_Lines", "Lines!E3", "Not a number"],
          ["error", "CBA_Risks", "Risks!C2", "Off the scale"],
        ]),
      );
      expect(report.plan).toBeUndefined();
      expect(existsSync(output)).toBe(false);
      expect(sheetNames(await loadWorkbook(input))).not.toContain("CBA Checks");
    });
  });

  describe("warnings: reported on CBA Checks but the run goes ahead", () => {
    test("a line labelled as a saving but entered as positive", async () => {
      const { report, output } = await refresh(
        changed((s) => {
          s.lines.rows[1]![3] = 60;
          s.lines.rows[1]![4] = 40;
        }),
      );
      expect(report.status).toBe("written");
      expect(located(report)).toEqual(
        expect.arrayContaining([
          ["warning", "CBA_Lines", "Lines!D3", "Saving entered as positive"],
          ["warning", "CBA_Lines", "Lines!E3", "Saving entered as positive"],
        ]),
      );
      const checks = tableRecords(readTable(await loadWorkbook(output), "CBA_Out_Checks"));
      expect(checks).toContainEqual(
        expect.objectContaining({
          Kind: "Warning",
          Check: "Saving entered as positive",
          Location: "Lines!D3",
        }),
      );
    });

    test("a line that is a cost in one case and a saving in another", async () => {
      const { report } = await refresh(changed((s) => (s.lines.rows[0]![4] = -20)));
      expect(report.status).toBe("written");
      expect(located(report)).toContainEqual([
        "warning",
        "CBA_Lines",
        "Lines!A2",
        "Sign differs between cases",
      ]);
    });

    test("a pool that gives a partner 0%", async () => {
      const { report } = await refresh(
        changed((s) => {
          s.baseline.rows = [
            ["Finance", 300, 0, 300],
            ["HR", 450, 0, 450],
            ["Total", 750, 0, 750],
          ];
        }),
      );
      expect(report.status).toBe("written");
      expect(located(report)).toContainEqual(["warning", "CBA_Pools", "Pools!A2", "Partner gets 0%"]);
      expect(report.problems.find((p) => p.check === "Partner gets 0%")?.message).toContain("FR");
    });

    test("an unknown setting is ignored with a warning", async () => {
      const { report } = await refresh(changed((s) => s.settings.rows.push(["Colour scheme", "blue"])));
      expect(report.status).toBe("written");
      expect(located(report)).toContainEqual(["warning", "CBA_Settings", "Settings!A6", "Unknown setting"]);
    });

    test("a one-off profile whose fractions do not add to 100%", async () => {
      const { report } = await refresh(
        changed((s) => {
          s.profiles.rows.push(["Half", 0.5, 0, 0, 0, 0, 0]);
          s.lines.rows[0]![5] = "Half";
        }),
      );
      expect(report.status).toBe("written");
      expect(located(report)).toContainEqual([
        "warning",
        "CBA_Profiles",
        "Profiles!A3",
        "One-off profile does not add to 100%",
      ]);
    });
  });

  test("only what a calculation needs is required: a workbook with just CBA_Risks gets its scores", async () => {
    const { report, output } = await refresh({ risks: smallCase().risks });
    expect(report.status).toBe("written");
    const results = await loadWorkbook(output);
    expect(sheetNames(results)).toEqual(["Risks", "CBA Risks", "CBA Checks"]);
    expect(tableRecords(readTable(results, "CBA_Risks")).map((r) => [r["Score"], r["Band"]])).toEqual([
      [12, "Medium"],
      [4, "Low"],
    ]);
  });

  test("names and headers match case-insensitively, and extra columns are kept and ignored", async () => {
    const small = smallCase();
    small.lines.name = "cba_lines";
    small.lines.header = ["LINE", "timing", "Allocation", "best", "WORST", "profile", "Notes"];
    small.lines.rows.forEach((row) => row.push("a note"));
    const { report, output } = await refresh(small);
    expect(report.status).toBe("written");
    const lines = tableRecords(readTable(await loadWorkbook(output), "cba_lines"));
    expect(lines.map((l) => l["Notes"])).toEqual(["a note", "a note", "a note"]);
  });
});
