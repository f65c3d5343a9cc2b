/**
 * The headless pipeline on a large generated case: 20 partners, 5,000 lines, a 30-year horizon,
 * three input cases. Measures writing the input workbook, and a full `cba run` (read the .xlsx,
 * check the contract, compute, plan, write the result sheets, save the .xlsx), against the
 * computation alone (no file I/O) as its peer. `CBA_BENCH_LINES=50000 npm run bench -- --only workbook`
 * measures another size.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { addInputRanges } from "../../src/workbook/excelJs/inputRangesWriter";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { refreshWorkbook } from "../../src/workbook/refreshWorkbook";
import type { CellValue, InputRangeSpec } from "../../src/workbook/workbookPort";
import type { BenchSection } from "./benchmark";

const partnerCount = 20;
const lineCount = Number(process.env["CBA_BENCH_LINES"] ?? 5000);
const horizon = 30;

/** A small deterministic generator, so every run measures the same workbook. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function largeCase(): InputRangeSpec[] {
  const random = generator(20120401);
  const codes = Array.from({ length: partnerCount }, (_, i) => `P${String(i + 1).padStart(2, "0")}`);
  const areas = [
    "Finance",
    "HR",
    "ICT",
    "Procurement",
    "Legal",
    "Payroll",
    "Estates",
    "Audit",
    "Revenues",
    "Benefits",
  ];
  const baselineRows: CellValue[][] = areas.map((area) => [
    area,
    ...codes.map(() => Math.round(100 + random() * 9900)),
  ]);
  const pools: CellValue[][] = [
    ["All areas", "Baseline", "*", "*", 0],
    ["Back office", "Baseline", "Finance; HR; Payroll", codes.slice(0, 12).join(", "), 1],
    ["Digital", "Baseline", "ICT", "*", null],
    ["Equal split", "Equal", null, codes.slice(10).join(", "), 2],
  ];
  const profileNames = ["Set-up spread", "Ramp 3", "Ramp 5", "Flat from 1", "Late start"];
  const years = Array.from({ length: horizon + 1 }, (_, t) => t);
  const profiles: CellValue[][] = [
    ["Set-up spread", ...years.map((t) => (t < 3 ? [0.5, 0.3, 0.2][t]! : 0))],
    ["Ramp 3", ...years.map((t) => Math.min(t / 3, 1))],
    ["Ramp 5", ...years.map((t) => Math.min(t / 5, 1))],
    ["Flat from 1", ...years.map((t) => (t === 0 ? 0 : 1))],
    ["Late start", ...years.map((t) => (t < 4 ? 0 : 1))],
  ];
  const lines: CellValue[][] = Array.from({ length: lineCount }, (_, i) => {
    const oneOff = random() < 0.4;
    const allocation =
      random() < 0.8
        ? pools[Math.floor(random() * pools.length)]![0]!
        : codes[Math.floor(random() * partnerCount)]!;
    const size = Math.round(10 + random() * 990);
    const sign = oneOff ? 1 : random() < 0.8 ? -1 : 1;
    const best = sign * size;
    const worst = Math.round(best * (sign > 0 ? 1.3 : 0.7));
    const base = Math.round((best + worst) / 2);
    const profile = oneOff
      ? random() < 0.5
        ? "Set-up spread"
        : null
      : profileNames[1 + Math.floor(random() * 4)]!;
    return [`Line ${i + 1}`, oneOff ? "One-off" : "Recurring", allocation, best, base, worst, profile];
  });
  const risks: CellValue[][] = Array.from({ length: 50 }, (_, i) => [
    `R${i + 1}`,
    `Risk ${i + 1}`,
    1 + Math.floor(random() * 5),
    1 + Math.floor(random() * 5),
    `${1 + Math.floor(random() * 5)}-${6 + Math.floor(random() * 5)}`,
    null,
    null,
  ]);
  return [
    {
      name: "CBA_Partners",
      sheet: "Partners",
      topLeft: "A1",
      header: ["Code", "Name"],
      rows: codes.map((c) => [c, `Partner ${c}`]),
      as: "table",
    },
    {
      name: "CBA_Baseline",
      sheet: "Baseline",
      topLeft: "A1",
      header: ["Service area", ...codes],
      rows: baselineRows,
      as: "table",
    },
    {
      name: "CBA_Pools",
      sheet: "Pools",
      topLeft: "A1",
      header: ["Pool", "Basis", "Service areas", "Partners", "Share decimals"],
      rows: pools,
      as: "table",
    },
    {
      name: "CBA_Lines",
      sheet: "Lines",
      topLeft: "A1",
      header: ["Line", "Timing", "Allocation", "Best", "Base", "Worst", "Profile"],
      rows: lines,
      as: "table",
    },
    {
      name: "CBA_Profiles",
      sheet: "Profiles",
      topLeft: "A1",
      header: ["Profile", ...years.map((t) => `Year ${t}`)],
      rows: profiles,
      as: "table",
    },
    {
      name: "CBA_Settings",
      sheet: "Settings",
      topLeft: "A1",
      header: ["Setting", "Value"],
      rows: [
        ["Horizon", horizon],
        ["Rounding unit", 1],
        ["Unit label", "£"],
        ["Discount rate", "Green Book"],
      ],
      as: "table",
    },
    {
      name: "CBA_Risks",
      sheet: "Risks",
      topLeft: "A1",
      header: ["ID", "Risk", "Likelihood", "Impact", "Factors", "Score", "Band"],
      rows: risks,
      as: "table",
    },
  ];
}

async function writeInput(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  addInputRanges(workbook, largeCase());
  await workbook.xlsx.writeFile(file);
}

const folder = () => mkdtempSync(join(tmpdir(), "cba-bench-"));

export const sections: BenchSection[] = [
  {
    title: "Workbook pipeline (ExcelJS adapter)",
    workload: `${partnerCount} partners, ${lineCount.toLocaleString("en-GB")} lines (Best/Base/Worst), 4 pools, ${horizon}-year horizon, Green Book rates, 50 risks`,
    cases: [
      {
        name: "write the input .xlsx",
        setup: folder,
        run: async (dir) => {
          await writeInput(join(dir as string, "input.xlsx"));
          return "written";
        },
        repeat: 3,
      },
      {
        name: "compute only (read in memory, check, compute, plan; no file I/O)",
        setup: async () => {
          const file = join(folder(), "input.xlsx");
          await writeInput(file);
          return file;
        },
        run: async (file) => {
          const port = await ExcelJsWorkbook.fromFile(file as string);
          const start = performance.now();
          const report = await refreshWorkbook(port, { dryRun: true });
          return `${report.status}, ${report.plan?.sheets.reduce((n, s) => n + s.blocks.reduce((m, b) => m + b.rows.length, 0), 0)} result rows, compute ${Math.round(performance.now() - start)} ms`;
        },
        repeat: 1,
      },
      {
        name: "cba run: read .xlsx → check → compute → write sheets → save .xlsx",
        setup: async () => {
          const dir = folder();
          await writeInput(join(dir, "input.xlsx"));
          return dir;
        },
        run: async (dir) => {
          const port = await ExcelJsWorkbook.fromFile(join(dir as string, "input.xlsx"));
          const report = await refreshWorkbook(port);
          await port.saveAs(join(dir as string, "results.xlsx"));
          const differing = (report.reconciliation ?? []).filter((r) => !r.agrees).length;
          return `${report.status}, ${report.problems.length} warnings, ${differing} reconciliation differences`;
        },
        peer: "compute only (read in memory, check, compute, plan; no file I/O)",
        repeat: 1,
      },
    ],
  },
];
