import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { exitCodes } from "../../src/cli/commands";
import { simulateBusinessCase } from "../../src/engine/monteCarlo/simulation";
import { hampshireSampleRanges } from "../../src/workbook/samples/hampshireSample";
import { sensitivityCases } from "../../src/workbook/scenarioAnalysis";
import { ranges, smallCase } from "../workbook/smallCase";
import {
  loadWorkbook,
  readTable,
  sheetCells,
  sheetNames,
  tableRecords,
  temporaryFolderForThisFile,
  writeWorkbook,
} from "../workbook/workbookFiles";
import { cba, command } from "./runCli";
import { hampshireInputCasesModel, writeHampshireSample } from "../workbook/hampshireSampleFiles";

const folder = temporaryFolderForThisFile();

function runSettings(workbook: ExcelJS.Workbook): Record<string, unknown> {
  return Object.fromEntries(
    tableRecords(readTable(workbook, "CBA_Out_SimulationRun")).map((r) => [r["Setting"], r["Value"]]),
  );
}

describe("cba simulate end to end", () => {
  test("sample then simulate: exit 0, a summary on the terminal, the CBA Simulation sheet in the output file", async () => {
    const sample = folder.path("out/hampshire.xlsx");
    const results = folder.path("out/hampshire-simulated.xlsx");
    expect(cba("sample", sample).status).toBe(0);
    const run = cba("simulate", sample, "--out", results, "--trials", "3000", "--seed", "42");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("3,000 trials, seed 42, Latin hypercube sampling");
    expect(run.stdout).toMatch(/^Programme\s+[\d,]+\s+[\d,]+\s+[\d,]+\s+[\d.]+%\s+[\d.]+%$/m);
    const workbook = await loadWorkbook(results);
    expect(sheetNames(workbook)).toContain("CBA Simulation");
    expect(runSettings(workbook)).toMatchObject({ "Trials run": 3000, Seed: 42 });

    // The figures are those of the engine's simulation of the same model with the same options.
    const model = await hampshireInputCasesModel();
    const expected = simulateBusinessCase(model, { ...sensitivityCases(model)!, trials: 3000, seed: 42 });
    const npv = tableRecords(readTable(workbook, "CBA_Out_SimulationNPV"));
    expect(npv.map((r) => r["P50"])).toEqual(
      expected.partners.map((p) => p.netPresentValue.percentiles[2]!.value.toNumber()),
    );
  });

  test("the same seed twice writes identical cells; without --seed the workbook's Seed setting is used", async () => {
    const sample = folder.path("seeded.xlsx");
    await writeHampshireSample(sample);
    const once = await command("simulate", sample, "--out", folder.path("seeded-1.xlsx"), "--trials", "800");
    const twice = await command("simulate", sample, "--out", folder.path("seeded-2.xlsx"), "--trials=800");
    expect([once.code, twice.code]).toEqual([exitCodes.ok, exitCodes.ok]);
    const first = await loadWorkbook(folder.path("seeded-1.xlsx"));
    const second = await loadWorkbook(folder.path("seeded-2.xlsx"));
    expect(sheetCells(second, "CBA Simulation")).toEqual(sheetCells(first, "CBA Simulation"));
    const seedSetting = hampshireSampleRanges()
      .find((r) => r.name === "CBA_Settings")!
      .rows.find((row) => row[0] === "Seed")![1];
    expect(runSettings(first)["Seed"]).toBe(seedSetting);
  });

  test("without --out the sheet is written back into the input workbook", async () => {
    const file = folder.path("in-place.xlsx");
    await writeWorkbook(file, ranges(smallCase()));
    const result = await command("simulate", file, "--trials", "200", "--seed", "3");
    expect(result.code).toBe(exitCodes.ok);
    const workbook = await loadWorkbook(file);
    expect(runSettings(workbook)).toMatchObject({ "Trials run": 200, Seed: 3 });
    expect(result.out).toMatch(/^CC\s/m);
  });

  test("a user's sheet named 'CBA Simulation' stops it: exit 1, the problem named, the file untouched", async () => {
    const file = folder.path("clash.xlsx");
    await writeWorkbook(file, ranges(smallCase()), [], (workbook) => {
      workbook.addWorksheet("CBA Simulation").getCell("A1").value = "mine";
    });
    const before = readFileSync(file);
    const run = cba("simulate", file, "--trials", "100");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Sheet name taken");
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  test("invalid inputs stop it before simulating: exit 1 with every problem listed", async () => {
    const file = folder.path("invalid.xlsx");
    const small = smallCase();
    small.lines.rows[0]![2] = "Nowhere";
    await writeWorkbook(file, ranges(small));
    const result = await command("simulate", file);
    expect(result.code).toBe(exitCodes.invalidInput);
    expect(result.err).toContain("Error in CBA_Lines at Lines!C2 (Unknown pool or partner)");
  });

  test("usage errors exit 2: missing file, bad trials or seed, unknown options", async () => {
    const file = folder.path("usage.xlsx");
    await writeWorkbook(file, ranges(smallCase()));
    const cases = [
      ["simulate"],
      ["simulate", file, file],
      ["simulate", file, "--trials"],
      ["simulate", file, "--trials", "0"],
      ["simulate", file, "--trials", "100001"],
      ["simulate", file, "--trials", "1e3"],
      ["simulate", file, "--trials", "12.5"],
      ["simulate", file, "--seed", "-1"],
      ["simulate", file, "--seed", "4294967296"],
      ["simulate", file, "--seed="],
      ["simulate", file, "--pert"],
      ["simulate", folder.path("no-such-file.xlsx")],
    ];
    for (const args of cases) {
      const result = await command(...args);
      expect({ args, code: result.code }).toEqual({ args, code: exitCodes.usage });
      expect(result.err).toContain("Usage:");
    }
  });

  test("help describes the simulate command", async () => {
    const result = await command("help");
    expect(result.out).toMatch(
      /cba simulate <in\.xlsx> \[--out <out\.xlsx>\] \[--trials <N>\] \[--seed <S>\]/,
    );
  });
});
