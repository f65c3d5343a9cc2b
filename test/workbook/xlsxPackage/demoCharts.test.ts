/**
 * The demo path: `cba sample`, `cba run` and `cba simulate` on the Hampshire sample (in process)
 * give chart parts on the sheets whose specs ask for them, and nowhere else, each series pointing
 * at cells that hold its cached values.
 */
import { command } from "../../cli/runCli";
import { loadWorkbook, temporaryFolderForThisFile } from "../workbookFiles";
import { cellsOf, openPackage, type SheetDrawing, sheetDrawings } from "./packageReading";

const folder = temporaryFolderForThisFile();
const partners = ["Hampshire County Council", "Hampshire Constabulary", "Hampshire Fire and Rescue Service"];
const everyone = [...partners, "Total programme"];

let results: SheetDrawing[];
let simulation: SheetDrawing[];
beforeAll(async () => {
  expect((await command("sample", folder.path("hampshire.xlsx"))).code).toBe(0);
  const run = await command("run", folder.path("hampshire.xlsx"), "--out", folder.path("results.xlsx"));
  expect(run.code).toBe(0);
  const simulate = await command(
    "simulate",
    folder.path("hampshire.xlsx"),
    "--out",
    folder.path("simulation.xlsx"),
    "--trials",
    "1000",
    "--seed",
    "3",
  );
  expect(simulate.code).toBe(0);
  results = await sheetDrawings(await openPackage(folder.path("results.xlsx")));
  simulation = await sheetDrawings(await openPackage(folder.path("simulation.xlsx")));
}, 120_000);

function chartsOn(drawings: SheetDrawing[], sheet: string) {
  return drawings.find((d) => d.sheet === sheet)!.charts.map((c) => [c.plot, c.direction, c.title]);
}

describe("charts in the headless runner's workbooks", () => {
  test("cba run: payback and NPV by case and NPV by scenario on the summary, a payback line per partner and the programme, the scenario comparison and the tornado; no other sheet has a drawing", () => {
    expect(chartsOn(results, "CBA Summary")).toEqual([
      ["barChart", "col", "Payback by case and partner (years)"],
      ["barChart", "col", "NPV by case and partner (£'000)"],
      ["barChart", "col", "NPV by scenario and partner (£'000)"],
    ]);
    expect(chartsOn(results, "CBA Partners")).toEqual(
      everyone.map((who) => ["lineChart", null, `${who} payback: cumulative net position (£'000)`]),
    );
    expect(chartsOn(results, "CBA Scenarios")).toEqual([
      ["barChart", "col", "NPV by scenario (£'000)"],
      ["barChart", "bar", "Programme NPV tornado: each line from Worst to Best (£'000)"],
    ]);
    const withDrawings = results.filter((d) => d.drawingElements > 0).map((d) => d.sheet);
    expect(withDrawings).toEqual(["CBA Summary", "CBA Partners", "CBA Scenarios"]);
  });

  test("cba simulate: a histogram and an S-curve for each partner and the programme", () => {
    expect(chartsOn(simulation, "CBA Simulation")).toEqual([
      ...everyone.map((who) => ["barChart", "col", `${who}: distribution of NPV (£'000)`]),
      ...everyone.map((who) => ["scatterChart", "lineMarker", `${who}: S-curve of NPV (£'000)`]),
    ]);
    expect(simulation.filter((d) => d.drawingElements > 0).map((d) => d.sheet)).toEqual(["CBA Simulation"]);
  });

  test("every series' name, categories and values are cached exactly as the cells they point at hold them", async () => {
    for (const [file, drawings] of [
      ["results.xlsx", results],
      ["simulation.xlsx", simulation],
    ] as const) {
      const workbook = await loadWorkbook(folder.path(file));
      for (const series of drawings.flatMap((d) => d.charts).flatMap((c) => c.series)) {
        expect(series.name.cache).toEqual(cellsOf(workbook, series.name.formula).map((v) => String(v)));
        expect(series.categories.cache).toEqual(cellsOf(workbook, series.categories.formula));
        const values = cellsOf(workbook, series.values.formula);
        expect(series.values.cache).toEqual(values.map((v) => (typeof v === "number" ? v : null)));
        expect(series.values.cache.some((v) => v !== null)).toBe(true);
      }
    }
  });

  test("a payback chart plots every case's cumulative net position by year, years as categories", async () => {
    const hcc = results.find((d) => d.sheet === "CBA Partners")!.charts[0]!;
    expect(hcc.series.map((s) => s.name.cache[0])).toEqual([
      "Best",
      "Worst",
      "Worst + contingency",
      "Benefits 20% lower",
      "Start delayed a year",
    ]);
    expect(hcc.series[0]!.categories.cache[0]).toBe("2012/13");
    expect(hcc.series.every((s) => s.values.cache.length === hcc.series[0]!.categories.cache.length)).toBe(
      true,
    );
  });
});
