/**
 * The CBA Simulation sheet on real .xlsx files: a simulation of the Hampshire sample written
 * through the ExcelJS adapter by `writeSimulation`, read back with ExcelJS, and compared with the
 * SimulationResult it came from.
 */
import ExcelJS from "exceljs";
import { programme } from "../../src/engine/businessCase";
import type { BusinessCaseModel } from "../../src/engine/businessCaseModel";
import { Money } from "../../src/engine/money";
import {
  prepareSimulation,
  runTrials,
  type SimulationOptions,
  type SimulationResult,
  simulateBusinessCase,
  summariseSimulation,
} from "../../src/engine/monteCarlo/simulation";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import {
  simulationOutputNames,
  simulationSheet,
  simulationWritePlan,
} from "../../src/workbook/resultSheets/simulationSheet";
import { hampshireSampleRanges } from "../../src/workbook/samples/hampshireSample";
import { sensitivityCases } from "../../src/workbook/scenarioAnalysis";
import { writeSimulation } from "../../src/workbook/writeSimulation";
import {
  loadWorkbook,
  readTable,
  refreshFile,
  sheetCells,
  sheetNames,
  tableRecords,
  temporaryFolderForThisFile,
  writeWorkbook,
} from "./workbookFiles";
import { hampshireInputCasesModel, writeHampshireSample } from "./hampshireSampleFiles";

const folder = temporaryFolderForThisFile();

let model: BusinessCaseModel;

beforeAll(async () => {
  await writeHampshireSample(folder.path("hampshire.xlsx"));
  model = await hampshireInputCasesModel();
});

function options(seed: number, trials = 2000): SimulationOptions {
  return { ...sensitivityCases(model)!, seed, trials };
}

/** Simulates, writes the sheet into a fresh copy of the sample file, saves it and loads it back. */
async function simulatedFile(name: string, run: SimulationOptions, result?: SimulationResult) {
  const simulated = result ?? simulateBusinessCase(model, run);
  const port = await ExcelJsWorkbook.fromFile(folder.path("hampshire.xlsx"));
  const report = await writeSimulation(port, simulated, run);
  await port.saveAs(folder.path(name));
  return { report, result: simulated, workbook: await loadWorkbook(folder.path(name)) };
}

describe("the CBA Simulation sheet", () => {
  test("the same seed twice gives identical cells; another seed gives different ones", async () => {
    const first = await simulatedFile("seed-7a.xlsx", options(7));
    const second = await simulatedFile("seed-7b.xlsx", options(7));
    const other = await simulatedFile("seed-8.xlsx", options(8));
    expect(first.report.status).toBe("written");
    const cells = (workbook: ExcelJS.Workbook) => sheetCells(workbook, "CBA Simulation");
    expect(cells(second.workbook)).toEqual(cells(first.workbook));
    expect(cells(other.workbook)).not.toEqual(cells(first.workbook));
  });

  test("states the trials, seed, sampling method and distribution it was run with", async () => {
    const run = { ...options(11, 1500), distribution: "pert" as const, sampling: "plain" as const };
    const { workbook } = await simulatedFile("stated.xlsx", run);
    const settings = Object.fromEntries(
      tableRecords(readTable(workbook, "CBA_Out_SimulationRun")).map((r) => [r["Setting"], r["Value"]]),
    );
    expect(settings).toMatchObject({
      "Trials run": 1500,
      Seed: 11,
      Sampling: "Plain random",
      Distribution: "PERT",
      "Best case": "Best",
      "Worst case": "Worst",
    });
  });

  test("NPV percentiles, mean and the chance of a negative NPV per partner are the result's", async () => {
    const { workbook, result } = await simulatedFile("npv.xlsx", options(3));
    const table = readTable(workbook, "CBA_Out_SimulationNPV");
    expect(table.header.slice(2, 7)).toEqual(["P5", "P10", "P50", "P90", "P95"]);
    expect(table.rows).toEqual(
      result.partners.map((partner) => [
        partner.partner,
        partner.partner === programme
          ? "Total programme"
          : model.partners.find((p) => p.code === partner.partner)!.name,
        ...partner.netPresentValue.percentiles.map((p) => p.value.toNumber()),
        partner.netPresentValue.mean.toNumber(),
        partner.netPresentValue.standardDeviation.toNumber(),
        partner.netPresentValue.probabilityNegative,
      ]),
    );
    expect(table.formats[0]![2]).toBe("#,##0;(#,##0)");
  });

  test("payback percentiles and the probability of paying back within N years are the result's", async () => {
    const { workbook, result } = await simulatedFile("payback.xlsx", options(5));
    const rows = tableRecords(readTable(workbook, "CBA_Out_SimulationPayback"));
    const within = `Probability of paying back within ${result.paybackWithinYears} years`;
    for (const partner of result.partners) {
      for (const [measure, distribution] of [
        ["Payback", partner.payback],
        ["Discounted payback", partner.discountedPayback],
      ] as const) {
        const row = rows.find((r) => r["Partner"] === partner.partner && r["Measure"] === measure)!;
        expect(row[within]).toBe(distribution.probabilityWithin);
        const never: string[] = [];
        distribution.percentiles.forEach((p, index) => {
          const header = ["P5", "P10", "P50", "P90", "P95"][index]!;
          // A number, or a blank when that percentile does not pay back (named in the note).
          expect(row[header]).toEqual(p.payback.kind === "paysBack" ? p.payback.periods.toNumber() : null);
          if (p.payback.kind === "never") never.push(header);
        });
        expect(row["Note"] ?? null).toEqual(
          never.length === 0
            ? null
            : `${never.join(", ")}: does not pay back within ${result.partners[0]!.payback.probabilityByYear.length - 1} years`,
        );
      }
    }
  });

  test("a percentile that never pays back is a blank in its numeric column, with the words in the note", () => {
    // Costs doubled: many trials do not pay back within the horizon.
    const dearer: BusinessCaseModel = {
      ...model,
      lines: model.lines.map((line) => ({
        ...line,
        values: Object.fromEntries(
          Object.entries(line.values).map(([name, value]) => [
            name,
            value instanceof Money && value.isPositive() ? value.times(6) : value,
          ]),
        ),
      })),
    };
    const result = simulateBusinessCase(dearer, options(9, 500));
    const sheet = simulationSheet(result, options(9, 500), {
      partners: model.partners,
      unitLabel: "£'000",
      roundingUnit: new Money(1),
    });
    const payback = sheet.blocks.find((b) => b.name === "CBA_Out_SimulationPayback")!;
    const cells = payback.rows.flatMap((row) => row.slice(3, 8));
    expect(cells).toContain(null);
    expect(cells.every((v) => v === null || (typeof v === "number" && Number.isFinite(v)))).toBe(true);
    const note = payback.header.indexOf("Note");
    payback.rows.forEach((row) => {
      const blanks = row.slice(3, 8).filter((v) => v === null).length;
      if (blanks > 0) expect(String(row[note])).toContain("does not pay back within 10 years");
      else expect(row[note]).toBeNull();
    });
  });

  test("the histogram table counts every trial once per partner, and a column chart plots each partner's", async () => {
    const { workbook, result, report } = await simulatedFile("histogram.xlsx", options(13));
    const rows = tableRecords(readTable(workbook, "CBA_Out_SimulationHistogram"));
    for (const partner of result.partners) {
      const mine = rows.filter((r) => r["Partner"] === partner.partner);
      expect(mine.reduce((total, r) => total + Number(r["Trials"]), 0)).toBe(result.trials);
      expect(mine.map((r) => r["Trials"])).toEqual(partner.netPresentValue.histogram.map((bin) => bin.count));
    }
    const sheet = report.plan!.sheets[0]!;
    const histogramCharts = sheet.charts.filter((chart) => chart.kind === "columnClustered");
    const names = simulationOutputNames(result.partners.map((p) => p.partner));
    expect(histogramCharts.map((chart) => chart.sourceBlock)).toEqual(
      names.filter((name) => name.startsWith("CBA_Out_Histogram_")),
    );
    expect(histogramCharts).toHaveLength(result.partners.length);
    for (const chart of histogramCharts) {
      const block = readTable(workbook, chart.sourceBlock);
      // A category column and one series: Excel plots trials against NPV bands.
      expect(block.header).toEqual(["NPV (£'000)", "Trials"]);
      expect(
        block.rows.every(([band, trials]) => typeof band === "string" && typeof trials === "number"),
      ).toBe(true);
    }
  });

  test("each partner's S-curve climbs from 0 to 1 through the histogram's bands, with drop lines at its P10, P50 and P90", () => {
    const run = options(19, 1200);
    const result = simulateBusinessCase(model, run);
    const context = { partners: model.partners, unitLabel: "£'000", roundingUnit: new Money(1) };
    const sheet = simulationSheet(result, run, context);
    const curves = sheet.charts.filter((chart) => chart.kind === "scatterLines");
    expect(curves).toHaveLength(result.partners.length);
    result.partners.forEach((partner, index) => {
      const block = sheet.blocks.find((b) => b.name === curves[index]!.sourceBlock)!;
      const at = (p: number) =>
        partner.netPresentValue.percentiles.find((q) => q.percentile === p)!.value.toNumber();
      expect(block.header).toEqual([
        "NPV (£'000)",
        "Share of trials below",
        ...[0.1, 0.5, 0.9].map(
          (p) => `P${p * 100}: ${at(p).toLocaleString("en-GB", { maximumFractionDigits: 0 })}`,
        ),
      ]);
      const bins = partner.netPresentValue.histogram;
      const curve = block.rows.filter((row) => row[1] !== null);
      expect(curve.every((row) => row.slice(2).every((cell) => cell === null))).toBe(true);
      expect(curve).toHaveLength(bins.length + 1);
      expect(curve[0]![1]).toBe(0);
      expect(curve.at(-1)![1]).toBe(1);
      const shares = curve.map((row) => row[1] as number);
      expect(shares.every((share, i) => i === 0 || share >= shares[i - 1]!)).toBe(true);
      // Each percentile's column holds its drop line alone: from the axis up to its share, at its NPV.
      [0.1, 0.5, 0.9].forEach((p, mark) => {
        const points = block.rows.filter((row) => row[2 + mark] !== null);
        expect(points).toEqual([
          [at(p), null, ...[0, 1, 2].map((column) => (column === mark ? 0 : null))],
          [at(p), null, ...[0, 1, 2].map((column) => (column === mark ? p : null))],
        ]);
      });
    });
  });

  test("a simulation stopped early says so and covers the trials it ran", async () => {
    const run = options(17, 2000);
    const state = prepareSimulation(model, run);
    runTrials(state, 600);
    const { workbook } = await simulatedFile("stopped.xlsx", run, summariseSimulation(state));
    const settings = Object.fromEntries(
      tableRecords(readTable(workbook, "CBA_Out_SimulationRun")).map((r) => [r["Setting"], r["Value"]]),
    );
    expect(settings).toMatchObject({ "Trials run": 600, "Trials requested": 2000 });
  });

  test("the write plan is a pure function of the result: the same inputs give the same plan", () => {
    const result = simulateBusinessCase(model, options(21, 300));
    const context = { partners: model.partners, unitLabel: "£'000", roundingUnit: new Money(1) };
    expect(simulationWritePlan(result, options(21, 300), context)).toEqual(
      simulationWritePlan(result, options(21, 300), context),
    );
    expect(simulationWritePlan(result, options(21, 300), context).cellUpdates).toEqual([]);
  });
});

describe("where the CBA Simulation sheet may go", () => {
  test("a user's sheet named 'CBA Simulation' is never overwritten: an error, and nothing is written", async () => {
    await writeWorkbook(folder.path("clash.xlsx"), hampshireSampleRanges(), [], (workbook) => {
      workbook.addWorksheet("CBA Simulation").getCell("B2").value = "My own simulation";
    });
    const port = await ExcelJsWorkbook.fromFile(folder.path("clash.xlsx"));
    const before = sheetNames(port.workbook).map((name) => sheetCells(port.workbook, name));
    const report = await writeSimulation(port, simulateBusinessCase(model, options(1, 200)), options(1, 200));
    expect(report.status).toBe("invalid");
    expect(report.problems).toContainEqual(
      expect.objectContaining({ severity: "error", check: "Sheet name taken", cell: "'CBA Simulation'!A1" }),
    );
    expect(sheetNames(port.workbook).map((name) => sheetCells(port.workbook, name))).toEqual(before);
  });

  test("a user's table named like one of the sheet's tables is reported, and nothing is written", async () => {
    const taken = {
      name: "CBA_Out_SimulationNPV",
      sheet: "Mine",
      topLeft: "A1",
      header: ["Partner", "NPV"],
      rows: [["HCC", 1]],
      as: "table" as const,
    };
    await writeWorkbook(folder.path("taken.xlsx"), [...hampshireSampleRanges(), taken]);
    const port = await ExcelJsWorkbook.fromFile(folder.path("taken.xlsx"));
    const report = await writeSimulation(port, simulateBusinessCase(model, options(1, 200)), options(1, 200));
    expect(report.status).toBe("invalid");
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        check: "Output name taken",
        range: "CBA_Out_SimulationNPV",
        cell: "Mine!A1",
      }),
    );
    expect(sheetNames(port.workbook)).not.toContain("CBA Simulation");
  });

  test("a second simulation replaces the first in place, and a refresh leaves it alone", async () => {
    const first = await simulatedFile("again-1.xlsx", options(31, 400));
    const port = await ExcelJsWorkbook.fromFile(folder.path("again-1.xlsx"));
    const second = await writeSimulation(
      port,
      simulateBusinessCase(model, options(32, 400)),
      options(32, 400),
    );
    expect(second.status).toBe("written");
    await port.saveAs(folder.path("again-2.xlsx"));
    const replaced = await loadWorkbook(folder.path("again-2.xlsx"));
    expect(sheetNames(replaced)).toEqual(sheetNames(first.workbook));
    const seed = (workbook: ExcelJS.Workbook) =>
      tableRecords(readTable(workbook, "CBA_Out_SimulationRun")).find((r) => r["Setting"] === "Seed")![
        "Value"
      ];
    expect(seed(replaced)).toBe(32);

    const refreshed = await refreshFile(folder.path("again-2.xlsx"), folder.path("again-3.xlsx"));
    expect(refreshed.status).toBe("written");
    const after = await loadWorkbook(folder.path("again-3.xlsx"));
    expect(sheetCells(after, "CBA Simulation")).toEqual(sheetCells(replaced, "CBA Simulation"));
  });
});
