import { refreshWorkbook } from "../../../src/workbook/refreshWorkbook";
import { SimulatedExcel } from "../../simulatedExcel";
import { hampshireWorkbook } from "./hampshireWorkbook";
import { officeWorkbookOn } from "./officeWorkbookFixtures";

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
      // The write's request holds recalculation until every cell is in.
      expect(host.statistics).toMatchObject({
        requestsWithCalculationSuspended: 1,
        cellWritesWhileCalculating: 0,
      });
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

  it("a user's formula referring to a result sheet survives a refresh: same sheet, same place, no #REF!", async () => {
    const host = SimulatedExcel.fromDescription(hampshireWorkbook(30));
    const port = officeWorkbookOn(host);
    await refreshWorkbook(port);
    const partners = host.workbook.findSheet("CBA Partners")!;
    const position = host.workbook.sheets.indexOf(partners);
    await host.run(async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem("About").getRange("D1:D2").formulas = [
        ["='CBA Partners'!B5"],
        ["='CBA Apportionment'!$C$4"],
      ];
    });
    host.resetStatistics();
    const report = await refreshWorkbook(port);
    expect(report.status).toBe("written");
    expect(host.statistics).toMatchObject({ runs: 2, syncCalls: 4 });
    expect(host.workbook.findSheet("CBA Partners")).toBe(partners);
    expect(host.workbook.sheets.indexOf(partners)).toBe(position);
    expect(host.workbook.formulasAt("About", "D1:D2")).toEqual([
      ["='CBA Partners'!B5"],
      ["='CBA Apportionment'!$C$4"],
    ]);
    const referred = [
      host.workbook.valuesAt("CBA Partners", "B5")[0]![0],
      host.workbook.valuesAt("CBA Apportionment", "C4")[0]![0],
    ];
    expect(host.workbook.valuesAt("About", "D1:D2").flat()).toEqual(referred.map((value) => value ?? 0));
    expect(referred).not.toContain("#REF!");
  });

  it("a second refresh does not read the product's own blocks back, so its reply stays small", async () => {
    const host = SimulatedExcel.fromDescription(hampshireWorkbook(1000));
    const port = officeWorkbookOn(host);
    await refreshWorkbook(port);
    const firstReply = host.statistics.largestReplyBytes;
    // Reading the 1,000-line results back would take about a megabyte.
    host.responsePayloadLimitBytes = 2 * firstReply;
    host.resetStatistics();
    const report = await refreshWorkbook(port);
    expect(report.status).toBe("written");
    expect(host.statistics.refusedReplies).toBe(0);
    expect(host.statistics.largestReplyBytes).toBeLessThanOrEqual(2 * firstReply);
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
