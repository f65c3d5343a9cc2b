/**
 * The Office.js adapter's round trips: a full refresh of the Hampshire example grown to 10, 1,000
 * and 10,000 lines, through the simulated Excel host with Excel on the web's 5 MB request limit.
 * Each case reports the `context.sync()` calls and the size of every request that carried
 * commands; a write over the limit is staged in several requests, so the count grows only there.
 *
 * `npm run bench -- --only officeWrites`
 */
import { refreshWorkbook } from "../../src/workbook/refreshWorkbook";
import { SimulatedExcel, type SimulatedExcelStatistics } from "../simulatedExcel";
import { hampshireWorkbook } from "../workbook/office/hampshireWorkbook";
import { officeWorkbookOn } from "../workbook/office/officeWorkbookFixtures";
import type { BenchCase, BenchSection } from "./benchmark";

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}

function summary(statistics: SimulatedExcelStatistics): string {
  const sizes = statistics.requestBytes;
  const writing = statistics.syncCalls - 2;
  return [
    `${statistics.syncCalls} syncs (read 2, write ${writing})`,
    `${sizes.length} requests: ${sizes.map(megabytes).join(", ")}`,
    `largest ${megabytes(statistics.largestRequestBytes)} sent, ${megabytes(statistics.largestReplyBytes)} received`,
    `${statistics.requestsWithCalculationSuspended} with recalculation held, ${statistics.cellWritesWhileCalculating} cell writes while calculating`,
    statistics.refusedRequests === 0 ? "none refused" : `${statistics.refusedRequests} refused`,
  ].join("; ");
}

/** Hosts are seeded untimed, one per repetition, so each timed refresh starts from the same workbook. */
function refreshCase(lineCount: number, repeat: number, again = false): BenchCase {
  return {
    name: `${lineCount.toLocaleString("en-GB")} lines, ${again ? "second refresh (sheets kept)" : "first refresh"}`,
    setup: async () => {
      const hosts: SimulatedExcel[] = [];
      for (let index = 0; index < repeat; index += 1) {
        const host = SimulatedExcel.fromDescription(hampshireWorkbook(lineCount));
        if (again) await refreshWorkbook(officeWorkbookOn(host));
        host.resetStatistics();
        hosts.push(host);
      }
      return hosts;
    },
    run: async (prepared) => {
      const host = (prepared as SimulatedExcel[]).shift()!;
      const report = await refreshWorkbook(officeWorkbookOn(host));
      if (report.status !== "written") throw new Error(`the ${lineCount}-line case was not written`);
      return summary(host.statistics);
    },
    repeat,
  };
}

export const sections: BenchSection[] = [
  {
    title: "Office.js writes: syncs and request sizes",
    workload:
      "Hampshire example with CBA_Lines grown to N lines, refreshed through the simulated Excel host (5 MB request limit, ExcelApi 1.17, no round-trip delay)",
    cases: [
      refreshCase(10, 3),
      refreshCase(1_000, 3),
      refreshCase(1_000, 3, true),
      refreshCase(10_000, 1),
      refreshCase(10_000, 1, true),
    ],
  },
];
