/**
 * The CBA Scenarios and CBA Simulation sheets through the Office.js adapter on a simulated Excel
 * host: what the task pane will do in Excel, batched into one read and one write, charts included.
 */
import { simulateBusinessCase } from "../../../src/engine/monteCarlo/simulation";
import { cellAddress, parseCellAddress } from "../../../src/workbook/cellAddress";
import { refreshWorkbook } from "../../../src/workbook/refreshWorkbook";
import { hampshireSampleNotes, hampshireSampleRanges } from "../../../src/workbook/samples/hampshireSample";
import { inputCasesOnly, sensitivityCases } from "../../../src/workbook/scenarioAnalysis";
import type { CellValue } from "../../../src/workbook/workbookPort";
import { writeSimulation } from "../../../src/workbook/writeSimulation";
import { SimulatedExcel, type WorkbookDescription } from "../../simulatedExcel";
import { officeWorkbookOn } from "./officeWorkbookFixtures";

/** The Hampshire sample as a simulated Excel workbook. */
function hampshireWorkbook(): WorkbookDescription {
  const sheets: Record<string, Record<string, CellValue>> = {};
  const description: WorkbookDescription = { sheets, names: {}, tables: {} };
  sheets[hampshireSampleNotes.name] = Object.fromEntries(
    hampshireSampleNotes.lines.map((line, index) => [`A${index + 1}`, line]),
  );
  for (const spec of hampshireSampleRanges()) {
    const cells = (sheets[spec.sheet] ??= {});
    const top = parseCellAddress(spec.topLeft);
    [spec.header, ...spec.rows].forEach((row, rowOffset) =>
      row.forEach((value, columnOffset) => {
        cells[cellAddress({ row: top.row + rowOffset, column: top.column + columnOffset })] = value;
      }),
    );
    const bottomRight = cellAddress({
      row: top.row + spec.rows.length,
      column: top.column + spec.header.length - 1,
    });
    const reference = `'${spec.sheet}'!${spec.topLeft}:${bottomRight}`;
    if (spec.as === "table") description.tables![spec.name] = reference;
    else description.names![spec.name] = reference;
  }
  return description;
}

describe("scenarios and simulation through the Office.js adapter", () => {
  test("a refresh draws the NPV-by-scenario column chart and the programme tornado bar chart", async () => {
    const host = SimulatedExcel.fromDescription(hampshireWorkbook());
    const report = await refreshWorkbook(officeWorkbookOn(host));
    expect(report.status).toBe("written");
    const charts = host.workbook.chartsOn("CBA Scenarios");
    expect(charts.map((chart) => [chart.type, chart.seriesBy])).toEqual([
      ["ColumnClustered", "Columns"],
      ["BarClustered", "Columns"],
    ]);
  });

  test("writeSimulation makes one read and one write, and draws one histogram per partner and the programme", async () => {
    const host = SimulatedExcel.fromDescription(hampshireWorkbook());
    const port = officeWorkbookOn(host);
    const refreshed = await refreshWorkbook(port);
    const model = inputCasesOnly(refreshed.businessCase!.model);
    const options = { ...sensitivityCases(model)!, trials: 1000, seed: 5 };
    host.resetStatistics();
    const report = await writeSimulation(port, simulateBusinessCase(model, options), options);
    expect(report.status).toBe("written");
    expect(host.statistics).toMatchObject({ runs: 2, syncCalls: 4 });
    const charts = host.workbook.chartsOn("CBA Simulation");
    // A histogram and an S-curve for each partner and the programme.
    const partners = model.partners.length + 1;
    expect(charts.map((chart) => chart.type)).toEqual([
      ...Array.from({ length: partners }, () => "ColumnClustered"),
      ...Array.from({ length: partners }, () => "XYScatterLines"),
    ]);
    const snapshot = await port.read([]);
    expect(snapshot.sheets.find((sheet) => sheet.name === "CBA Simulation")?.ownedByProduct).toBe(true);
  });
});
