import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import ExcelJS from "exceljs";
import { describeProblem } from "../workbook/contractProblems";
import { addInputRanges } from "../workbook/excelJs/inputRangesWriter";
import { ExcelJsWorkbook } from "../workbook/excelJs/excelJsWorkbook";
import { refreshWorkbook } from "../workbook/refreshWorkbook";
import { hampshireSampleNotes, hampshireSampleRanges } from "../workbook/samples/hampshireSample";
import { partnerSummary, riskSummary } from "./summaryTable";

/** Exit codes: 0 done, 1 the workbook's inputs are invalid (nothing written), 2 the command was misused. */
export const exitCodes = { ok: 0, invalidInput: 1, usage: 2 } as const;

export interface CommandOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const usage = [
  "Usage:",
  "  cba sample <file.xlsx>                 write the Hampshire sample workbook (follows the input contract)",
  "  cba run <in.xlsx> [--out <out.xlsx>]   check the inputs, compute, and write the CBA result sheets",
  "                                         (to <out.xlsx>, or back into <in.xlsx>)",
  "  cba help                               show this help",
  "",
  "Exit codes: 0 done; 1 invalid inputs (every problem is listed, nothing is written); 2 usage error.",
].join("\n");

/**
 * The headless runner's commands, separate from the process so tests can call them directly.
 *
 * @example
 * const code = await runCommand(["run", "case.xlsx", "--out", "results.xlsx"], { out: console.log, err: console.error });
 */
export async function runCommand(args: readonly string[], output: CommandOutput): Promise<number> {
  const [command, ...rest] = args;
  if (command === "help" || command === "--help" || command === "-h") {
    output.out(usage);
    return exitCodes.ok;
  }
  if (command === "sample") return sample(rest, output);
  if (command === "run") return run(rest, output);
  output.err(command === undefined ? "No command given." : `Unknown command "${command}".`);
  output.err(usage);
  return exitCodes.usage;
}

function usageError(output: CommandOutput, message: string): number {
  output.err(message);
  output.err(usage);
  return exitCodes.usage;
}

async function sample(args: readonly string[], output: CommandOutput): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith("-"))
    return usageError(output, "cba sample needs exactly one file name.");
  const file = resolve(args[0]!);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "cba";
  addInputRanges(workbook, hampshireSampleRanges(), [hampshireSampleNotes]);
  mkdirSync(dirname(file), { recursive: true });
  await workbook.xlsx.writeFile(file);
  output.out(`Wrote the Hampshire sample to ${file}`);
  return exitCodes.ok;
}

async function run(args: readonly string[], output: CommandOutput): Promise<number> {
  const files: string[] = [];
  let outFile: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === "--out" || arg === "-o") {
      const next = args[++index];
      if (next === undefined || next.startsWith("-")) return usageError(output, "--out needs a file name.");
      outFile = next;
    } else if (arg.startsWith("--out=")) {
      outFile = arg.slice("--out=".length);
    } else if (arg.startsWith("-")) {
      return usageError(output, `Unknown option "${arg}".`);
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) return usageError(output, "cba run needs exactly one input workbook.");
  const inFile = resolve(files[0]!);
  if (!existsSync(inFile)) return usageError(output, `No such file: ${inFile}`);

  let port: ExcelJsWorkbook;
  try {
    port = await ExcelJsWorkbook.fromFile(inFile);
  } catch (error) {
    output.err(
      `Cannot read ${inFile} as an Excel workbook: ${error instanceof Error ? error.message : String(error)}`,
    );
    return exitCodes.invalidInput;
  }
  let report: Awaited<ReturnType<typeof refreshWorkbook>>;
  try {
    report = await refreshWorkbook(port);
  } catch (error) {
    // The adapter refuses a plan it cannot write (e.g. a name already taken) before changing anything.
    output.err(`${inFile}: ${error instanceof Error ? error.message : String(error)}; nothing was written.`);
    return exitCodes.invalidInput;
  }
  const errors = report.problems.filter((p) => p.severity === "error");
  const warnings = report.problems.filter((p) => p.severity === "warning");
  if (report.status === "invalid") {
    output.err(
      `${inFile}: ${errors.length} problem${errors.length === 1 ? "" : "s"} found; nothing was written.`,
    );
    for (const problem of report.problems) output.err(`  ${describeProblem(problem)}`);
    return exitCodes.invalidInput;
  }
  const target = resolve(outFile ?? inFile);
  mkdirSync(dirname(target), { recursive: true });
  await port.saveAs(target);

  if (report.businessCase) output.out(partnerSummary(report.businessCase.model, report.businessCase.result));
  if (report.risks) output.out(riskSummary(report.risks));
  const differing = (report.reconciliation ?? []).filter((row) => !row.agrees).length;
  output.out(
    `Reconciliation: ${differing === 0 ? "every total foots" : `${differing} figure${differing === 1 ? "" : "s"} DIFFER (see CBA Checks)`}.`,
  );
  if (warnings.length > 0) {
    output.out(
      `${warnings.length} warning${warnings.length === 1 ? "" : "s"} (also on the CBA Checks sheet):`,
    );
    for (const warning of warnings) output.out(`  ${describeProblem(warning)}`);
  }
  output.out(`Wrote ${report.plan?.sheets.map((s) => s.name).join(", ")} to ${target}`);
  return exitCodes.ok;
}
