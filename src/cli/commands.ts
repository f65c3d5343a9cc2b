import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import ExcelJS from "exceljs";
import { EngineError } from "../engine/errors";
import {
  largestTrialCount,
  type SimulationOptions,
  type SimulationResult,
  simulateBusinessCase,
} from "../engine/monteCarlo/simulation";
import { largestSeed } from "../engine/monteCarlo/sampling";
import { Money } from "../engine/money";
import { describeProblem } from "../workbook/contractProblems";
import { addInputRanges } from "../workbook/excelJs/inputRangesWriter";
import { ExcelJsWorkbook } from "../workbook/excelJs/excelJsWorkbook";
import { refreshWorkbook } from "../workbook/refreshWorkbook";
import { blankTemplateNotes, blankTemplateRanges } from "../workbook/samples/blankTemplate";
import { hampshireSampleNotes, hampshireSampleRanges } from "../workbook/samples/hampshireSample";
import { inputCasesOnly, sensitivityCases } from "../workbook/scenarioAnalysis";
import type { InputRangeSpec, NoteSheetSpec } from "../workbook/workbookPort";
import { writeSimulation } from "../workbook/writeSimulation";
import { simulationSummary } from "./simulationSummary";
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
  "  cba template <file.xlsx>               write a blank input workbook: every range with its headers and",
  "                                         formats, an instruction line above each, default settings",
  "  cba run <in.xlsx> [--out <out.xlsx>]   check the inputs, compute, and write the CBA result sheets",
  "                                         (to <out.xlsx>, or back into <in.xlsx>)",
  "  cba simulate <in.xlsx> [--out <out.xlsx>] [--trials <N>] [--seed <S>]",
  "                                         run a Monte Carlo simulation of NPV and payback and write the",
  "                                         CBA Simulation sheet (N trials, default 10,000; seed S, default",
  "                                         the workbook's Seed setting, else 1)",
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
  if (command === "sample")
    return inputWorkbook("sample", rest, output, hampshireSampleRanges(), [hampshireSampleNotes]);
  if (command === "template")
    return inputWorkbook("template", rest, output, blankTemplateRanges(), [blankTemplateNotes]);
  if (command === "run") return run(rest, output);
  if (command === "simulate") return simulate(rest, output);
  output.err(command === undefined ? "No command given." : `Unknown command "${command}".`);
  output.err(usage);
  return exitCodes.usage;
}

function usageError(output: CommandOutput, message: string): number {
  output.err(message);
  output.err(usage);
  return exitCodes.usage;
}

/** `cba sample` and `cba template`: a new workbook holding only input ranges. */
async function inputWorkbook(
  command: "sample" | "template",
  args: readonly string[],
  output: CommandOutput,
  ranges: readonly InputRangeSpec[],
  notes: readonly NoteSheetSpec[],
): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith("-"))
    return usageError(output, `cba ${command} needs exactly one file name.`);
  const file = resolve(args[0]!);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "cba";
  addInputRanges(workbook, ranges, notes);
  mkdirSync(dirname(file), { recursive: true });
  await workbook.xlsx.writeFile(file);
  output.out(`Wrote the ${command === "sample" ? "Hampshire sample" : "blank template"} to ${file}`);
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

  const port = await openWorkbook(inFile, output);
  if (!port) return exitCodes.invalidInput;
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
    `Self-consistency of the results (the product re-adding its own figures): ${differing === 0 ? "every total foots" : `${differing} figure${differing === 1 ? "" : "s"} DIFFER (see CBA Checks)`}. Published figures: ${(report.published ?? []).length === 0 ? "none given" : `${(report.published ?? []).filter((row) => !row.agrees).length} of ${(report.published ?? []).length} DIFFER from the computation (see CBA Checks)`}.`,
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

async function openWorkbook(file: string, output: CommandOutput): Promise<ExcelJsWorkbook | undefined> {
  try {
    return await ExcelJsWorkbook.fromFile(file);
  } catch (error) {
    output.err(
      `Cannot read ${file} as an Excel workbook: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}

/** A whole number from `low` to `high` written in full (no exponents, no decimals), else undefined. */
function wholeNumberArgument(text: string, low: number, high: number): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= low && value <= high ? value : undefined;
}

async function simulate(args: readonly string[], output: CommandOutput): Promise<number> {
  const files: string[] = [];
  const given: { out?: string; trials?: string; seed?: string } = {};
  const valued = { "--out": "out", "-o": "out", "--trials": "trials", "--seed": "seed" } as const;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s) : [arg, undefined];
    const key = valued[flag as keyof typeof valued];
    if (key !== undefined) {
      const value = inline ?? args[++index];
      if (value === undefined || value === "" || value.startsWith("-"))
        return usageError(output, `${flag} needs a value.`);
      given[key] = value;
    } else if (arg.startsWith("-")) {
      return usageError(output, `Unknown option "${arg}".`);
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) return usageError(output, "cba simulate needs exactly one input workbook.");
  const trials =
    given.trials === undefined ? undefined : wholeNumberArgument(given.trials, 1, largestTrialCount);
  if (given.trials !== undefined && trials === undefined)
    return usageError(
      output,
      `--trials must be a whole number from 1 to ${largestTrialCount} (got "${given.trials}").`,
    );
  const seedGiven = given.seed === undefined ? undefined : wholeNumberArgument(given.seed, 0, largestSeed);
  if (given.seed !== undefined && seedGiven === undefined)
    return usageError(
      output,
      `--seed must be a whole number from 0 to ${largestSeed} (got "${given.seed}").`,
    );
  const inFile = resolve(files[0]!);
  if (!existsSync(inFile)) return usageError(output, `No such file: ${inFile}`);

  const port = await openWorkbook(inFile, output);
  if (!port) return exitCodes.invalidInput;
  // A dry refresh checks the whole contract and builds the model; nothing is written by it.
  const report = await refreshWorkbook(port, { dryRun: true });
  if (report.status === "invalid") {
    const errors = report.problems.filter((p) => p.severity === "error").length;
    output.err(`${inFile}: ${errors} problem${errors === 1 ? "" : "s"} found; nothing was written.`);
    for (const problem of report.problems) output.err(`  ${describeProblem(problem)}`);
    return exitCodes.invalidInput;
  }
  const model = report.businessCase?.model;
  const cases = model && sensitivityCases(model);
  if (!model || !cases) {
    output.err(`${inFile}: a simulation needs CBA_Lines with Best and Worst values; nothing was written.`);
    return exitCodes.invalidInput;
  }
  const options: SimulationOptions = { ...cases, seed: seedGiven ?? report.settings?.seed ?? 1 };
  if (trials !== undefined) options.trials = trials;
  let result: SimulationResult;
  try {
    result = simulateBusinessCase(inputCasesOnly(model), options);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    output.err(`${inFile}: the simulation failed: ${error.message}; nothing was written.`);
    return exitCodes.invalidInput;
  }
  const written = await writeSimulation(port, result, options);
  if (written.status === "invalid") {
    output.err(`${inFile}: the CBA Simulation sheet cannot be written; nothing was written.`);
    for (const problem of written.problems) output.err(`  ${describeProblem(problem)}`);
    return exitCodes.invalidInput;
  }
  const target = resolve(given.out ?? inFile);
  mkdirSync(dirname(target), { recursive: true });
  await port.saveAs(target);
  output.out(simulationSummary(result, new Money(model.settings.roundingUnit), model.settings.unitLabel));
  output.out(`Wrote CBA Simulation to ${target}`);
  return exitCodes.ok;
}
