import { Money } from "../../src/engine/money";
import { readContract } from "../../src/workbook/contractReader";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { wantsValueSheet } from "../../src/workbook/productSheets";
import { buildWritePlan } from "../../src/workbook/resultSheets/writePlan";
import { hampshireSampleRanges } from "../../src/workbook/samples/hampshireSample";
import type { InputRangeSpec, SheetInfo, WorkbookSnapshot } from "../../src/workbook/workbookPort";
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

/**
 * Two partners sharing 60/40 by baseline (CC 600, FR 400), a three-year horizon at 3.5%, £1 units:
 * - System set-up: one-off cost 500 → CC 300, FR 200 in year 0.
 * - Demand reduction: recurring social benefit 1,000 a year, 16% Partnership, 50% NHS, 34% Police
 *   → Partnership 160 (CC 96, FR 64), NHS 500, Police 340.
 * - Fire safety visits: recurring economic benefit 100 a year, 50% Partnership, 30% FR, 20% DWP
 *   → Partnership 50 (CC 30, FR 20), FR directly 30, DWP 20.
 * - Back office saving: recurring 200 a year, no class (fiscal cashable), not listed → 100%
 *   Partnership (CC 120, FR 80).
 * Recurring lines run in years 1 to 3, so each body's benefit over the period is 3 × its part.
 */
function valueCase(): InputRangeSpec[] {
  return [
    {
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
    {
      name: "CBA_Baseline",
      sheet: "Baseline",
      topLeft: "A1",
      header: ["Service area", "CC", "FR", "Total"],
      rows: [["Finance", 600, 400, 1000]],
      as: "table",
    },
    {
      name: "CBA_Pools",
      sheet: "Pools",
      topLeft: "A1",
      header: ["Pool", "Basis", "Service areas", "Partners"],
      rows: [["Shared", "Baseline", "*", "*"]],
      as: "table",
    },
    {
      name: "CBA_Lines",
      sheet: "Lines",
      topLeft: "A1",
      header: ["Line", "Timing", "Allocation", "Kind", "Benefit class", "Best"],
      rows: [
        ["System set-up", "One-off", "Shared", "Cost", null, 500],
        ["Demand reduction", "Recurring", "Shared", "Benefit", "Social", -1000],
        ["Fire safety visits", "Recurring", "Shared", "Benefit", "Economic", -100],
        ["Back office saving", "Recurring", "Shared", null, null, -200],
      ],
      as: "table",
    },
    {
      name: "CBA_Settings",
      sheet: "Settings",
      topLeft: "A1",
      header: ["Setting", "Value"],
      rows: [
        ["Horizon", 3],
        ["Rounding unit", 1],
        ["Discount rate", 0.035],
      ],
      as: "definedName",
    },
    {
      name: "CBA_Beneficiaries",
      sheet: "Beneficiaries",
      topLeft: "A1",
      header: ["Line", "Beneficiary", "Share"],
      rows: [
        ["Demand reduction", "Partnership", 0.16],
        ["Demand reduction", "NHS", 0.5],
        ["Demand reduction", "Police", "34%"],
        ["Fire safety visits", "Partnership", 0.5],
        ["Fire safety visits", "fr", 0.3],
        ["Fire safety visits", "DWP", 0.2],
      ],
      as: "table",
    },
  ];
}

function snapshotWith(ranges: InputRangeSpec[], sheets: SheetInfo[]): WorkbookSnapshot {
  return {
    ranges: new Map(
      ranges.map((r) => [
        r.name.toUpperCase(),
        { name: r.name, sheet: r.sheet, topLeft: r.topLeft, values: [r.header, ...r.rows] },
      ]),
    ),
    sheets,
  };
}

async function refreshed(ranges: InputRangeSpec[], name: string) {
  await writeWorkbook(folder.path(`${name}.xlsx`), ranges);
  const report = await refreshFile(folder.path(`${name}.xlsx`), folder.path(`${name}-out.xlsx`));
  return {
    report,
    workbook: report.status === "written" ? await loadWorkbook(folder.path(`${name}-out.xlsx`)) : undefined,
  };
}

describe("the CBA Value sheet: who pays and who benefits", () => {
  test("a refresh splits shared benefits between the partners and outside bodies, hand-checked", async () => {
    const { report, workbook } = await refreshed(valueCase(), "value");
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(sheetNames(workbook!)).toContain("CBA Value");

    const bodies = tableRecords(readTable(workbook!, "CBA_Out_ValueBodies")).map((r) => [
      r["Body"],
      r["Fiscal cashable"],
      r["Economic"],
      r["Social"],
      r["Benefits received"],
      r["Costs paid"],
      r["Net (benefits − costs)"],
    ]);
    expect(bodies).toEqual([
      // CC: fiscal 3 × 120, economic 3 × 30, social 3 × 96 = 738; pays 300 → 438.
      ["CC", 360, 90, 288, 738, 300, 438],
      // FR: fiscal 3 × 80, economic 3 × (20 + 30) = 150, social 3 × 64 = 192 → 582; pays 200 → 382.
      ["FR", 240, 150, 192, 582, 200, 382],
      ["NHS", 0, 0, 1500, 1500, 0, 1500], // 3 × 500
      ["Police", 0, 0, 1020, 1020, 0, 1020], // 3 × 340
      ["DWP", 0, 60, 0, 60, 0, 60], // 3 × 20
      ["Partnership", 600, 240, 480, 1320, 500, 820],
      ["Other bodies", 0, 60, 2520, 2580, 0, 2580],
      // 3 × (1,000 + 100 + 200) = 3,900 of benefit to the public sector for 500 of cost.
      ["Whole public sector", 600, 300, 3000, 3900, 500, 3400],
    ]);

    // Discount factors 1/1.035^t for t = 1..3 add up to 2.8016369809. Partnership: 440 a year →
    // PV 1,232.7203, NPV 1,232.7203 − 500 = 732.72, BCR 1,232.7203 / 500 = 2.465441. Whole public
    // sector: 1,300 a year → PV 3,642.1281, NPV 3,142.13, BCR 7.284256.
    const views = tableRecords(readTable(workbook!, "CBA_Out_ValueViews")).map((r) => [
      r["View"],
      r["Benefits"],
      r["NPV"],
      r["Benefit–cost ratio"],
    ]);
    expect(views).toEqual([
      ["Partnership", 1320, 732.72, 2.465441],
      ["Whole public sector", 3900, 3142.13, 7.284256],
    ]);

    const lines = tableRecords(readTable(workbook!, "CBA_Out_ValueLines")).map((r) => [
      r["Line"],
      r["Body"],
      r["Part"],
    ]);
    expect(lines).toEqual([
      ["Demand reduction", "CC", 96],
      ["Demand reduction", "FR", 64],
      ["Demand reduction", "NHS", 500],
      ["Demand reduction", "Police", 340],
      ["Fire safety visits", "CC", 30],
      ["Fire safety visits", "FR", 50],
      ["Fire safety visits", "DWP", 20],
      ["Back office saving", "CC", 120],
      ["Back office saving", "FR", 80],
    ]);

    // CBA Checks re-adds the value views: they agree.
    const checks = tableRecords(readTable(workbook!, "CBA_Out_Checks"))
      .filter((r) =>
        [
          "Benefit shares add up to the line",
          "Whole public sector = partnership + other bodies",
          "Value views match the business case",
        ].includes(String(r["Check"])),
      )
      .map((r) => [r["Check"], r["Location"], r["Expected"], r["Found"]]);
    expect(checks).toEqual([
      ["Benefit shares add up to the line", "Best", null, null],
      ["Whole public sector = partnership + other bodies", "Best", null, null],
      ["Value views match the business case", "Best", null, null],
    ]);
    expect(report.reconciliation!.every((row) => row.agrees)).toBe(true);

    // The partners' own results count only their shares: CC's annual saving is 96 + 30 + 120 =
    // 246, FR's 64 + 20 + 30 + 80 = 194, the programme's 440.
    const annual = tableRecords(readTable(workbook!, "CBA_Out_Results")).map((r) => [
      r["Partner"],
      r["Set-up"],
      r["Annual cost / (saving)"],
    ]);
    expect(annual).toEqual([
      ["CC", 300, -246],
      ["FR", 200, -194],
      ["Programme", 500, -440],
    ]);
  });

  test("a workbook without beneficiaries or classes gets no CBA Value sheet", async () => {
    const ranges = valueCase().filter((r) => r.name !== "CBA_Beneficiaries");
    const lines = ranges.find((r) => r.name === "CBA_Lines")!;
    lines.header = lines.header.filter((h) => h !== "Benefit class");
    lines.rows = lines.rows.map((row) => row.filter((_, i) => i !== 4));
    const { workbook } = await refreshed(ranges, "plain");
    expect(sheetNames(workbook!)).not.toContain("CBA Value");
  });

  test("with classes but no CBA_Beneficiaries, the partnership is the whole public sector", async () => {
    const { workbook } = await refreshed(
      valueCase().filter((r) => r.name !== "CBA_Beneficiaries"),
      "classes",
    );
    const views = tableRecords(readTable(workbook!, "CBA_Out_ValueViews")).map((r) => [
      r["View"],
      r["Benefits"],
      r["NPV"],
    ]);
    // Every benefit to the partners: 1,300 a year → NPV 3,142.13 in both views.
    expect(views).toEqual([
      ["Partnership", 3900, 3142.13],
      ["Whole public sector", 3900, 3142.13],
    ]);
  });

  test("shares not adding up stop the refresh, naming the cells, and nothing is written", async () => {
    const ranges = valueCase();
    const shares = ranges.find((r) => r.name === "CBA_Beneficiaries")!;
    shares.rows[2] = ["Demand reduction", "Police", "24%"];
    const { report } = await refreshed(ranges, "bad-shares");
    expect(report.status).toBe("invalid");
    expect(report.plan).toBeUndefined();
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([
      expect.objectContaining({
        range: "CBA_Beneficiaries",
        cell: "Beneficiaries!C2",
        check: "Shares do not add up",
        // 16% + 50% + 24% = 90%
        message: expect.stringContaining(
          "add up to 90%, not 100% (Beneficiaries!C2, Beneficiaries!C3, Beneficiaries!C4)",
        ),
      }),
    ]);
  });

  test("a CBA Value sheet from an earlier refresh is emptied once the workbook no longer asks for it", async () => {
    await writeWorkbook(folder.path("stale.xlsx"), valueCase());
    await refreshFile(folder.path("stale.xlsx"), folder.path("stale-1.xlsx"));
    const port = await ExcelJsWorkbook.fromFile(folder.path("stale-1.xlsx"));
    const snapshot = await port.read([]);
    const plain = valueCase().filter((r) => r.name !== "CBA_Beneficiaries");
    const lines = plain.find((r) => r.name === "CBA_Lines")!;
    lines.header = lines.header.filter((h) => h !== "Benefit class");
    lines.rows = lines.rows.map((row) => row.filter((_, i) => i !== 4));
    const reading = readContract(snapshotWith(plain, snapshot.sheets));
    expect(wantsValueSheet(reading.inputs)).toBe(false);
    const plan = buildWritePlan({
      existingSheets: snapshot.sheets,
      warnings: [],
      reconciliation: [],
      settingsUsed: [],
      roundingUnit: new Money(1),
    });
    const value = plan.sheets.find((sheet) => sheet.name === "CBA Value");
    expect(value?.blocks.flatMap((block) => block.rows.flat())).toEqual([
      expect.stringMatching(/earlier results were removed/),
    ]);
  });

  test("the Hampshire sample with procurement savings shared with the NHS refreshes, scenarios and all", async () => {
    const ranges = hampshireSampleRanges();
    ranges.push({
      name: "CBA_Beneficiaries",
      sheet: "Beneficiaries",
      topLeft: "A1",
      header: ["Line", "Beneficiary", "Share"],
      rows: [
        ["Procurement savings", "Partnership", 0.75],
        ["Procurement savings", "HFRS", 0.05],
        ["Procurement savings", "NHS", 0.2],
      ],
      as: "table",
    });
    const { report, workbook } = await refreshed(ranges, "hampshire-shared");
    expect(report.status).toBe("written");
    expect(sheetNames(workbook!)).toEqual(expect.arrayContaining(["CBA Value", "CBA Scenarios"]));
    const views = tableRecords(readTable(workbook!, "CBA_Out_ValueViews"));
    for (const caseName of ["Best", "Worst"]) {
      const [partnership, whole] = views.filter((r) => r["Case"] === caseName);
      // Procurement savings are 120 (Best) and 90 (Worst) a year; the NHS takes 20%: 24 and 18.
      const nhs = tableRecords(readTable(workbook!, "CBA_Out_ValueLines")).find(
        (r) => r["Case"] === caseName && r["Body"] === "NHS",
      );
      expect(nhs?.["Part"]).toBe(caseName === "Best" ? 24 : 18);
      expect(Number(whole!["Benefits"])).toBeGreaterThan(Number(partnership!["Benefits"]));
    }
  });
});
