import { cellAddress, parseCellAddress } from "../../../src/workbook/cellAddress";
import { inputRangeNames } from "../../../src/workbook/inputContract";
import { refreshWorkbook } from "../../../src/workbook/refreshWorkbook";
import { hampshireSampleNotes, hampshireSampleRanges } from "../../../src/workbook/samples/hampshireSample";
import type { CellValue } from "../../../src/workbook/workbookPort";
import { SimulatedExcel, type WorkbookDescription } from "../../simulatedExcel";
import { officeWorkbookOn } from "./officeWorkbookFixtures";

/**
 * The Hampshire sample as a simulated Excel workbook, with CBA_Lines cut or grown to `lineCount`
 * lines (grown lines repeat the published ones under numbered labels).
 */
function hampshireWorkbook(lineCount: number): WorkbookDescription {
  const sheets: Record<string, Record<string, CellValue>> = {};
  const description: WorkbookDescription = { sheets, names: {}, tables: {} };
  sheets[hampshireSampleNotes.name] = Object.fromEntries(
    hampshireSampleNotes.lines.map((line, index) => [`A${index + 1}`, line]),
  );
  for (const spec of hampshireSampleRanges()) {
    let rows = spec.rows;
    if (spec.name === inputRangeNames.lines) {
      rows = Array.from({ length: lineCount }, (_, index) => {
        const published = spec.rows[index % spec.rows.length]!;
        const copy = Math.floor(index / spec.rows.length);
        return copy === 0 ? published : [`${String(published[0])} (${copy + 1})`, ...published.slice(1)];
      });
    }
    const cells = (sheets[spec.sheet] ??= {});
    const top = parseCellAddress(spec.topLeft);
    [spec.header, ...rows].forEach((row, rowOffset) =>
      row.forEach((value, columnOffset) => {
        cells[cellAddress({ row: top.row + rowOffset, column: top.column + columnOffset })] = value;
      }),
    );
    const bottomRight = cellAddress({
      row: top.row + rows.length,
      column: top.column + spec.header.length - 1,
    });
    const reference = `'${spec.sheet}'!${spec.topLeft}:${bottomRight}`;
    if (spec.as === "table") description.tables![spec.name] = reference;
    else description.names![spec.name] = reference;
  }
  return description;
}

describe("refreshWorkbook through the Office.js adapter", () => {
  it.each([10, 1000])(
    "refreshes a %i-line case in one read and one write of two syncs each",
    async (lineCount) => {
      const host = SimulatedExcel.fromDescription(hampshireWorkbook(lineCount));
      const port = officeWorkbookOn(host);
      const report = await refreshWorkbook(port);
      expect(report.problems.filter((problem) => problem.severity === "error")).toEqual([]);
      expect(report.status).toBe("written");
      expect(host.statistics).toMatchObject({ runs: 2, syncCalls: 4, roundTrips: 4 });
      // Excel on the web refuses a request or a reply of more than about 5 MB.
      expect(host.statistics.largestRequestBytes).toBeLessThan(5_000_000);
      expect(host.statistics.largestReplyBytes).toBeLessThan(5_000_000);

      const snapshot = await port.read([]);
      const owned = snapshot.sheets.filter((sheet) => sheet.ownedByProduct).map((sheet) => sheet.name);
      expect(owned).toEqual(report.plan!.sheets.map((sheet) => sheet.name));
      expect(snapshot.sheets.filter((sheet) => !sheet.ownedByProduct).map((sheet) => sheet.name)).toEqual(
        Object.keys(hampshireWorkbook(lineCount).sheets),
      );
    },
  );

  it("sends the same commands for 1,000 lines as for 10: nothing is queued per line", async () => {
    const commands: number[] = [];
    for (const lineCount of [10, 1000]) {
      const host = SimulatedExcel.fromDescription(hampshireWorkbook(lineCount));
      await refreshWorkbook(officeWorkbookOn(host));
      commands.push(host.statistics.commands);
    }
    expect(commands[1]).toBe(commands[0]);
  });

  it("a second refresh replaces the result sheets in place with the same number of syncs", async () => {
    const host = SimulatedExcel.fromDescription(hampshireWorkbook(30));
    const port = officeWorkbookOn(host);
    // The same clock for both, so the provenance blocks' refresh times agree too.
    const now = () => new Date("2026-04-01T09:00:00Z");
    await refreshWorkbook(port, { now });
    const first = host.workbook.describe();
    host.resetStatistics();
    const report = await refreshWorkbook(port, { now });
    expect(report.status).toBe("written");
    expect(host.statistics).toMatchObject({ runs: 2, syncCalls: 4, roundTrips: 4 });
    const second = host.workbook.describe();
    expect(second.sheetOrder).toEqual(first.sheetOrder);
    expect(second.sheets).toEqual(first.sheets);
    expect(second.names).toEqual(first.names);
    expect(second.tables).toEqual(first.tables);
  });

  it("writes the risk scores and bands back into the user's risk register", async () => {
    const host = SimulatedExcel.fromDescription(hampshireWorkbook(10));
    const report = await refreshWorkbook(officeWorkbookOn(host));
    const scores = host.workbook
      .valuesAt("Risks", "D2:E13")
      .map(([likelihood, impact]) => (likelihood as number) * (impact as number));
    const written = host.workbook.valuesAt("Risks", "I2:J13");
    expect(written.map(([score]) => score)).toEqual(scores);
    expect(written.every(([, band]) => typeof band === "string" && band !== "")).toBe(true);
    expect(report.risks).toBeDefined();
  });
});
