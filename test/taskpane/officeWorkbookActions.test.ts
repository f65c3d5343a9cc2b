/**
 * The pane's real workbook actions (pipeline + Office.js adapter + input sheet writer) against the
 * simulated Excel host: what a user's clicks do to the workbook, cell by cell.
 */
import { resolve } from "node:path";
import { readFileSync } from "node:fs";
import { officeWorkbookActions } from "../../src/taskpane/officeWorkbookActions";
import type { ExcelRun } from "../../src/workbook/office/officeWorkbook";
import type { CaseSettingsValues, WorkbookActions } from "../../src/taskpane/workbookActions";
import { inputRangeNames } from "../../src/workbook/inputContract";
import { productSheetNames } from "../../src/workbook/productSheets";
import { SimulatedExcel } from "../simulatedExcel";
import { parseRectangle } from "../simulatedExcel/simulatedAddresses";

interface Golden {
  per_organisation: Record<string, [number, number, number, number]>;
  risk_register: { rows: { band: string }[] };
}
const golden = JSON.parse(
  readFileSync(resolve(__dirname, "../../../shared/golden/hampshire.json"), "utf8"),
) as Golden;

function emptyWorkbook(): { host: SimulatedExcel; actions: WorkbookActions } {
  const host = SimulatedExcel.fromDescription({ sheets: { Sheet1: [] } });
  return { host, actions: officeWorkbookActions(host.run as unknown as ExcelRun) };
}

async function hampshireWorkbook() {
  const opened = emptyWorkbook();
  await opened.actions.insertExample();
  return opened;
}

/** Where a value sits in a sheet's dump, as [row, column] indexes. */
function rowsContaining(host: SimulatedExcel, sheet: string, text: string) {
  const values = host.workbook.describe().sheets[sheet] ?? [];
  return values.filter((row) => row.some((cell) => cell === text));
}

describe("checking a workbook", () => {
  test("an empty workbook is reported empty, every range missing and no problems listed", async () => {
    const { actions } = emptyWorkbook();
    const inspection = await actions.inspect();
    expect(inspection.isEmpty).toBe(true);
    expect(inspection.problems).toEqual([]);
    expect(inspection.ranges.map((r) => r.name)).toEqual(Object.values(inputRangeNames));
    expect(inspection.ranges.every((r) => r.location === undefined)).toBe(true);
  });

  test("after inserting the Hampshire example every range is found and nothing stops a refresh", async () => {
    const { actions } = await hampshireWorkbook();
    const inspection = await actions.inspect();
    expect(inspection.isEmpty).toBe(false);
    expect(inspection.ranges.filter((r) => !r.location).map((r) => r.name)).toEqual([]);
    expect(inspection.ranges.find((r) => r.name === inputRangeNames.lines)?.location).toEqual({
      sheet: "Lines",
      address: expect.stringMatching(/^A1:G\d+$/),
    });
    expect(inspection.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(inspection.settings).toMatchObject({ discountRate: 0.035, horizonYears: 10, roundingUnit: 1 });
  });

  test("a mistake in a funding or beneficiaries range is listed with its cell, and the refresh writes nothing", async () => {
    const { host, actions } = emptyWorkbook();
    await actions.insertExample("northshire");
    // A line funded 160% by the grant, and crime reduction's partnership share halved (shares 84%).
    host.workbook.writeValues(host.workbook.requireSheet("Funding"), parseRectangle("D11"), [[1.6]]);
    host.workbook.writeValues(host.workbook.requireSheet("Beneficiaries"), parseRectangle("C3"), [[0.08]]);
    const inspection = await actions.inspect();
    const errors = inspection.problems.filter((p) => p.severity === "error");
    expect(errors.map((p) => [p.rangeName, p.location])).toEqual(
      expect.arrayContaining([
        ["CBA_LineFunding", { sheet: "Funding", address: "D11" }],
        ["CBA_Beneficiaries", expect.objectContaining({ sheet: "Beneficiaries" })],
      ]),
    );
    expect(errors.find((p) => p.rangeName === "CBA_Beneficiaries")!.message).toMatch(/92%|0\.92/);
    const before = host.workbook.describe();
    const outcome = await actions.refresh("all");
    expect(outcome.kind).toBe("invalid");
    expect(host.workbook.describe()).toEqual(before);
  });

  test("a workbook with optional ranges (funding, beneficiaries, optimism bias) gets them listed with what each is for", async () => {
    const { actions } = emptyWorkbook();
    await actions.insertExample("northshire");
    const inspection = await actions.inspect();
    const funding = inspection.ranges.find((r) => r.name === "CBA_Funding");
    expect(funding).toMatchObject({
      purpose: expect.stringMatching(/funding sources/i),
      location: { sheet: "Funding" },
    });
    expect(inspection.ranges.map((r) => r.name)).toEqual(
      expect.arrayContaining(["CBA_Beneficiaries", "CBA_LineFunding", "CBA_OptimismBias"]),
    );
    expect(inspection.ranges.every((r) => r.purpose !== "")).toBe(true);
  });

  test("the example keeps text such as risk factors '1-8' as typed, not as dates", async () => {
    const { host } = await hampshireWorkbook();
    const risks = host.workbook.describe().sheets["Risks"]!;
    expect(risks[1]).toEqual(expect.arrayContaining(["BP1", "1-8"]));
  });

  test("the example is refused, with nothing changed, when the workbook already has its sheets", async () => {
    const { host, actions } = await hampshireWorkbook();
    const before = JSON.stringify(host.workbook.describe());
    await expect(actions.insertExample()).rejects.toThrow(/already has CBA_Partners/);
    expect(JSON.stringify(host.workbook.describe())).toBe(before);
  });

  test("the blank template gives every range with headers, an instruction line and default settings", async () => {
    const { host, actions } = emptyWorkbook();
    await actions.insertTemplate();
    const inspection = await actions.inspect();
    expect(inspection.isEmpty).toBe(false);
    expect(inspection.ranges.filter((r) => r.location).map((r) => r.name)).toEqual(
      expect.arrayContaining([
        inputRangeNames.partners,
        inputRangeNames.lines,
        inputRangeNames.settings,
        inputRangeNames.risks,
      ]),
    );
    expect(host.workbook.valuesAt("Lines", "A1")[0]![0]).toMatch(/^Costs positive, savings negative/);
    expect(host.workbook.valuesAt("Lines", "A3:F3")).toEqual([
      ["Line", "Timing", "Allocation", "Best", "Worst", "Profile"],
    ]);
    expect(inspection.settings).toMatchObject({ discountRate: 0.035, horizonYears: 10 });
  });
});

describe("refreshing through the simulated host", () => {
  test("a full refresh writes every result sheet and reports the Hampshire figures per partner", async () => {
    const { host, actions } = await hampshireWorkbook();
    const stages: string[] = [];
    const outcome = await actions.refresh("all", (stage) => stages.push(stage));
    expect(stages).toEqual(["reading", "computing", "writing"]);
    if (outcome.kind !== "written") throw new Error(`refresh refused: ${JSON.stringify(outcome.problems)}`);

    const sheetNames = host.workbook.describe().sheetOrder;
    for (const sheet of Object.values(productSheetNames)) expect(sheetNames).toContain(sheet);
    expect(outcome.sheets.map((s) => s.sheet).sort()).toEqual(Object.values(productSheetNames).sort());
    expect(outcome.sheets.every((s) => s.cells > 0)).toBe(true);

    const summary = outcome.summary;
    expect(summary.unitLabel).toBe("£'000");
    expect(summary.cases.slice(0, 2)).toEqual(["Best", "Worst"]);
    for (const [code, label] of [
      ["HCC", "HCC total"],
      ["HC", "HC total"],
      ["HFRS", "HFRS total"],
      ["Programme", "Total programme"],
    ] as const) {
      const partner = summary.partners.find((p) => p.code === code)!;
      const [setUpBest, setUpWorst, annualBest, annualWorst] = golden.per_organisation[label]!;
      expect(partner.setUp.slice(0, 2).map((f) => f.value.toNumber())).toEqual([setUpBest, setUpWorst]);
      expect(partner.annual.slice(0, 2).map((f) => f.value.toNumber())).toEqual([annualBest, annualWorst]);
    }
    const bands = golden.risk_register.rows.map((r) => r.band);
    expect(summary.riskProfile).toEqual(
      ["Low", "Medium", "High"].map((band) => ({ band, count: bands.filter((b) => b === band).length })),
    );
    // Scenarios stay on the result sheets; the board summary keeps input cases and the contingency.
    expect(summary.cases).not.toContain("Start delayed a year");
  });

  test("the Northshire example inserts and refreshes through the host: funding, value and optimism-bias sheets in the same four syncs", async () => {
    const opened = emptyWorkbook();
    await opened.actions.insertExample("northshire");
    const inspection = await opened.actions.inspect();
    expect(inspection.problems).toEqual([]);
    opened.host.resetStatistics();
    const outcome = await opened.actions.refresh("all");
    if (outcome.kind !== "written") throw new Error(`refresh refused: ${JSON.stringify(outcome.problems)}`);
    expect(outcome.sheets.map((s) => s.sheet)).toEqual(
      expect.arrayContaining(["CBA Summary", "CBA Value", "CBA Funding", "CBA Optimism Bias"]),
    );
    expect(opened.host.statistics).toMatchObject({ syncCalls: 4 });
    expect(outcome.summary.cases.slice(0, 3)).toEqual(["Optimistic", "Central", "Cautious"]);
  });

  test("the risk register refresh writes only the summary, risk and checks sheets, and the Score and Band columns", async () => {
    const { host, actions } = await hampshireWorkbook();
    const outcome = await actions.refresh("risks");
    if (outcome.kind !== "written") throw new Error("refresh refused");
    expect(outcome.sheets.map((s) => s.sheet).sort()).toEqual(
      [productSheetNames.summary, productSheetNames.checks, productSheetNames.risks].sort(),
    );
    expect(host.workbook.findSheet(productSheetNames.partners)).toBeUndefined();
    expect(outcome.inputCellsUpdated).toBe(golden.risk_register.rows.length * 2);
    expect(rowsContaining(host, "Risks", "BP1")[0]).toEqual(expect.arrayContaining([15, "Medium"]));
  });

  test("the partner results refresh writes the summary, partner and scenario sheets and the checks, nothing else", async () => {
    const { host, actions } = await hampshireWorkbook();
    const outcome = await actions.refresh("partners");
    if (outcome.kind !== "written") throw new Error("refresh refused");
    expect(outcome.sheets.map((s) => s.sheet).sort()).toEqual(
      [
        productSheetNames.summary,
        productSheetNames.partners,
        productSheetNames.scenarios,
        productSheetNames.checks,
      ].sort(),
    );
    expect(outcome.inputCellsUpdated).toBe(0);
    expect(host.workbook.findSheet(productSheetNames.apportionment)).toBeUndefined();
    expect(rowsContaining(host, "Risks", "BP1")[0]).not.toContain("Medium");
  });

  test("a broken input stops the refresh, names the cell, and leaves the workbook exactly as it was", async () => {
    const { host, actions } = await hampshireWorkbook();
    await host.run(async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem("Lines").getRange("D2").values = [["about a million"]];
      await context.sync();
    });
    const before = JSON.stringify(host.workbook.describe());
    const outcome = await actions.refresh("all");
    expect(outcome.kind).toBe("invalid");
    if (outcome.kind !== "invalid") return;
    const atFault = outcome.problems.find(
      (p) => p.location?.sheet === "Lines" && p.location.address === "D2",
    );
    expect(atFault?.message).toMatch(/CBA_Lines/);
    expect(atFault?.severity).toBe("error");
    expect(JSON.stringify(host.workbook.describe())).toBe(before);
  });

  test("refreshing a section the workbook has no inputs for writes nothing and says why", async () => {
    const { host, actions } = emptyWorkbook();
    await actions.insertExample();
    await host.run(async (context: Excel.RequestContext) => {
      context.workbook.tables.getItem(inputRangeNames.risks).delete();
      await context.sync();
    });
    const before = JSON.stringify(host.workbook.describe());
    const outcome = await actions.refresh("risks");
    expect(outcome).toMatchObject({
      kind: "invalid",
      problems: [{ message: expect.stringMatching(/no risk register/) }],
    });
    expect(JSON.stringify(host.workbook.describe())).toBe(before);
  });
});

describe("settings and selection", () => {
  const changed: CaseSettingsValues = {
    discountRate: "greenBook",
    horizonYears: 12,
    roundingUnit: 0.01,
    riskBands: { thresholds: [4, 9, 16], labels: ["Low", "Moderate", "Significant", "High"] },
    contingency: { costIncrease: 0.2, savingDecrease: 0.1 },
  };

  test("saved settings are stored in CBA_Settings and read back the same", async () => {
    const { actions } = await hampshireWorkbook();
    await actions.saveSettings(changed);
    expect((await actions.inspect()).settings).toEqual(changed);
  });

  test("saving no contingency blanks the contingency cells instead of writing zeros", async () => {
    const { host, actions } = await hampshireWorkbook();
    await actions.saveSettings({ ...changed, contingency: { costIncrease: 0, savingDecrease: 0 } });
    expect(rowsContaining(host, "Settings", "Contingency on costs")[0]![1]).toBeNull();
    expect((await actions.inspect()).settings.contingency).toEqual({ costIncrease: 0, savingDecrease: 0 });
  });

  test("settings can be saved into the blank template", async () => {
    const { actions } = emptyWorkbook();
    await actions.insertTemplate();
    await actions.saveSettings(changed);
    expect((await actions.inspect()).settings).toEqual(changed);
  });

  test("saving settings without a CBA_Settings range explains what to add and changes nothing", async () => {
    const { host, actions } = emptyWorkbook();
    const before = JSON.stringify(host.workbook.describe());
    await expect(actions.saveSettings(changed)).rejects.toThrow(/no CBA_Settings range/);
    expect(JSON.stringify(host.workbook.describe())).toBe(before);
  });

  test("select activates the sheet and selects the cell at fault", async () => {
    const { host, actions } = await hampshireWorkbook();
    await actions.select({ sheet: "Lines", address: "D7" });
    expect(host.workbook.selection).toEqual({ sheet: "Lines", address: "D7" });
    expect(host.workbook.activeSheet?.name).toBe("Lines");
  });
});
