/**
 * Writes too large for one Office.js request (Excel on the web refuses one over about 5 MB) go in
 * a bounded number of requests, each under the limit, staged so that a refused request changes no
 * result sheet. Small writes keep their two syncs.
 */
import fc from "fast-check";
import { excelWebRequestLimitBytes } from "../../../src/workbook/office/requestPayload";
import { WorkbookWriteError } from "../../../src/workbook/office/writePlanLayout";
import type { CellValue, TableBlock, WritePlan } from "../../../src/workbook/workbookPort";
import { refreshWorkbook } from "../../../src/workbook/refreshWorkbook";
import { SimulatedExcel } from "../../simulatedExcel";
import { hampshireWorkbook } from "./hampshireWorkbook";
import { officeWorkbookOn, ownedBy, partnersSheet, resultPlan, userWorkbook } from "./officeWorkbookFixtures";

/** A small budget and limit, so a plan of a few thousand rows needs several requests. */
const budget = 60_000;
const limit = 75_000;

async function writeFails(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the write to fail");
}

function sizedHost(): SimulatedExcel {
  const description = userWorkbook(3);
  description.sheets[partnersSheet] = { A1: "earlier results" };
  description.names = { ...description.names, ...ownedBy([partnersSheet]) };
  description.formulas = { Notes: { D1: `='${partnersSheet}'!A1` } };
  const host = SimulatedExcel.fromDescription(description);
  host.requestPayloadLimitBytes = limit;
  return host;
}

describe("a write larger than one request", () => {
  const rows = 3_000;

  it("goes in a bounded number of requests, each under the limit, and gives the same workbook as one request would", async () => {
    const staged = sizedHost();
    await officeWorkbookOn(staged, budget).write(resultPlan(rows));
    const whole = sizedHost();
    whole.requestPayloadLimitBytes = Infinity;
    await officeWorkbookOn(whole, Infinity).write(resultPlan(rows));

    const sent = staged.statistics.requestBytes;
    expect(Math.max(...sent)).toBeLessThanOrEqual(limit);
    expect(staged.statistics.refusedRequests).toBe(0);
    const total = whole.statistics.requestBytes.at(-1)!;
    // One read, the staged requests (first fit: at most twice the whole over the budget), the finish.
    expect(staged.statistics.syncCalls).toBeGreaterThan(3);
    expect(staged.statistics.syncCalls).toBeLessThanOrEqual(2 + 2 * Math.ceil(total / budget));
    expect(whole.statistics.syncCalls).toBe(2);
    expect(staged.workbook.describe()).toEqual(whole.workbook.describe());
    expect(staged.workbook.sheetNames()).not.toContain("CBA staging 1");
  });

  it("suspends recalculation in every request that writes", async () => {
    const host = sizedHost();
    await officeWorkbookOn(host, budget).write(resultPlan(rows));
    expect(host.statistics.cellWritesWhileCalculating).toBe(0);
    expect(host.statistics.requestsWithCalculationSuspended).toBe(host.statistics.syncCalls - 1);
  });

  it("changes no result sheet, and leaves no staging sheet, when Excel refuses one of the staged requests", async () => {
    const host = sizedHost();
    const before = host.workbook.describe();
    // The adapter thinks requests may be larger than the host accepts: the first staged one is refused.
    const error = await writeFails(officeWorkbookOn(host, 2 * limit).write(resultPlan(rows)));
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect(error.message).toMatch(/result sheets were left as they were/);
    expect(host.statistics.refusedRequests).toBe(1);
    expect(host.workbook.describe()).toEqual(before);
  });

  it("removes staging sheets that an earlier write, cut off, left behind", async () => {
    const description = userWorkbook(3);
    description.sheets["CBA staging 1"] = { A1: 1, B2000: "half written" };
    description.names = { ...description.names, CBA_Staging_1: "'CBA staging 1'!$A$1" };
    const host = SimulatedExcel.fromDescription(description);
    await officeWorkbookOn(host).write(resultPlan(3));
    const dump = host.workbook.describe();
    expect(dump.sheetOrder).not.toContain("CBA staging 1");
    expect(Object.keys(dump.names).filter((name) => name.startsWith("CBA_Staging_"))).toEqual([]);
  });

  it("refused whole when Excel finds it larger than estimated: nothing is written and the error says so", async () => {
    const host = sizedHost();
    const before = host.workbook.describe();
    const error = await writeFails(officeWorkbookOn(host, Infinity).write(resultPlan(rows)));
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect(error.message).toMatch(/more than estimated, so nothing was written/);
    expect(host.workbook.describe()).toEqual(before);
  });

  it("on a host that cannot copy ranges (before ExcelApi 1.9) is sent whole and, refused, writes nothing", async () => {
    const host = sizedHost();
    host.excelApiVersion = "1.8";
    const before = host.workbook.describe();
    const error = await writeFails(officeWorkbookOn(host, budget).write(resultPlan(rows)));
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect(error.message).toMatch(/too large for one request/);
    expect(host.statistics.syncCalls).toBe(2);
    expect(host.workbook.describe()).toEqual(before);
  });
});

describe("staging, as a property", () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.string({ minLength: 1, maxLength: 30 }).filter((text) => !text.startsWith("'")),
    fc.constantFrom("2012/13", "(1,424)", "TRUE", "0012"),
    fc.integer({ min: -1e9, max: 1e9 }),
    fc.boolean(),
    fc.constant(null),
  );
  const block = (index: number, minRows: number): fc.Arbitrary<TableBlock> =>
    fc.integer({ min: 1, max: 4 }).chain((width) =>
      fc
        .record({
          rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
            minLength: minRows,
            maxLength: 250,
          }),
          asTable: fc.boolean(),
          titled: fc.boolean(),
          filled: fc.boolean(),
        })
        .map(({ rows, asTable, titled, filled }) => ({
          name: `CBA_Out_Block${index}`,
          // Blocks side by side, five columns apart, so they never overlap.
          topLeft: `${String.fromCharCode(65 + 5 * index)}3`,
          ...(titled ? { title: `Block ${index}` } : {}),
          header: Array.from({ length: width }, (_, column) => `Column ${column + 1}`),
          rows,
          asTable,
          ...(filled
            ? { fills: rows.map((row, rowIndex) => row.map(() => (rowIndex % 3 === 0 ? "#C6EFCE" : null))) }
            : {}),
        })),
    );

  it("whatever the blocks and however small the requests, a staged write leaves the workbook a single request would", async () => {
    let staging = 0;
    await fc.assert(
      fc.asyncProperty(
        // The third block may be header-only: a table of one row takes the row below too.
        fc.tuple(block(0, 60), block(1, 60), block(2, 0)),
        fc.integer({ min: 12_000, max: 30_000 }),
        async (blocks, smallBudget) => {
          const plan: WritePlan = {
            sheets: [{ name: partnersSheet, blocks, charts: [] }],
            cellUpdates: [],
          };
          const staged = sizedHost();
          staged.requestPayloadLimitBytes = smallBudget;
          await officeWorkbookOn(staged, smallBudget).write(plan);
          const whole = sizedHost();
          whole.requestPayloadLimitBytes = Infinity;
          await officeWorkbookOn(whole, Infinity).write(plan);
          expect(staged.statistics.refusedRequests).toBe(0);
          expect(staged.workbook.describe()).toEqual(whole.workbook.describe());
          if (staged.statistics.syncCalls > 3) staging += 1;
        },
      ),
      { numRuns: 25 },
    );
    // The sizes drawn make most cases take more than one staged request.
    expect(staging).toBeGreaterThan(10);
  });
});

describe("refreshing a large case through the Office.js adapter with Excel on the web's limit", () => {
  it("writes a 5,000-line Hampshire case in a handful of requests, none over 5 MB", async () => {
    const host = SimulatedExcel.fromDescription(hampshireWorkbook(5_000));
    expect(host.requestPayloadLimitBytes).toBe(excelWebRequestLimitBytes);
    const port = officeWorkbookOn(host);
    const report = await refreshWorkbook(port);
    expect(report.status).toBe("written");
    expect(host.statistics.refusedRequests).toBe(0);
    expect(host.statistics.largestRequestBytes).toBeLessThanOrEqual(excelWebRequestLimitBytes);
    expect(host.statistics.largestReplyBytes).toBeLessThanOrEqual(excelWebRequestLimitBytes);
    // Reading in 2, then what exists, at least two staged requests and the finish.
    expect(host.statistics.syncCalls).toBeGreaterThanOrEqual(6);
    expect(host.statistics.syncCalls).toBeLessThanOrEqual(10);
    const snapshot = await port.read([]);
    expect(snapshot.sheets.filter((sheet) => sheet.ownedByProduct).map((sheet) => sheet.name)).toEqual(
      report.plan!.sheets.map((sheet) => sheet.name),
    );
    expect(snapshot.sheets.map((sheet) => sheet.name)).not.toContain("CBA staging 1");
  }, 60_000);
});
