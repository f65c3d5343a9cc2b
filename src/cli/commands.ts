import { existsSync, mkdirSync, statSync } from "node:fs";
import { basename, dirname, extname, resolve } from "node:path";
import { parseArgs } from "node:util";
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
import { type ContractProblem, describeProblem } from "../workbook/contractProblems";
import { addInputRanges } from "../workbook/excelJs/inputRangesWriter";
import { ExcelJsWorkbook, type ExcelJsWorkbookOptions } from "../workbook/excelJs/excelJsWorkbook";
import { TypedTextOnResultSheet, UnreadableNameError } from "../workbook/excelJs/workbookFileErrors";
import { refreshWorkbook } from "../workbook/refreshWorkbook";
import { blankTemplateNotes, blankTemplateRanges } from "../workbook/samples/blankTemplate";
import {
  defaultSampleWorkbook,
  sampleWorkbookNamed,
  sampleWorkbooks,
} from "../workbook/samples/sampleWorkbooks";
import { inputCasesOnly, sensitivityCases } from "../workbook/scenarioAnalysis";
import type { InputRangeSpec, NoteSheetSpec } from "../workbook/workbookPort";
import { writeSimulation } from "../workbook/writeSimulation";
import { SaveError, writeFileAtomically } from "../workbook/xlsxPackage/atomicFile";
import { simulationSummary } from "./simulationSummary";
import { partnerSummary, riskSummary } from "./summaryTable";
import { terminalText } from "./terminalText";

export { exitCodes } from "./exitCodes";
import { exitCodes } from "./exitCodes";

export interface CommandOutput {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Progress of a long run (stderr); quiet when absent. */
  progress?: (text: string) => void;
}

export const usage = [
  "Usage:",
  "  cba sample <file.xlsx> [--example <NAME>] [--force]",
  `                                         write a worked example (follows the input contract): ${sampleWorkbooks.map((s) => s.name).join(", ")}`,
  `                                         (default ${defaultSampleWorkbook.name})`,
  "  cba template <file.xlsx> [--force]     write a blank input workbook: every range with its headers and",
  "                                         formats, an instruction line above each, default settings",
  "                                         (--force replaces a file that exists)",
  "  cba run <in.xlsx> [--out <out.xlsx>] [--values-only] [--discard-typed-text]",
  "                                         check the inputs, compute, and write the CBA result sheets",
  "                                         (to <out.xlsx>, or back into <in.xlsx>; an .xlsm stays .xlsm);",
  "                                         --values-only writes every live formula as its value, for",
  "                                         readers without Excel's recalculation or the add-in",
  "  cba simulate <in.xlsx> [--out <out.xlsx>] [--trials <N>] [--seed <S>] [--discard-typed-text]",
  "                                         run a Monte Carlo simulation of NPV and payback and write the",
  "                                         CBA Simulation sheet (N trials, default 10,000; seed S, default",
  "                                         the workbook's Seed setting, else 1)",
  "  cba help                               show this help",
  "",
  "Only the result sheets (and Score and Band of CBA_Risks) are written; every other part of the",
  "workbook is kept exactly. Text typed on a result sheet outside its results stops the run, naming",
  "the cells; --discard-typed-text replaces the sheet anyway. --debug shows a stack trace on an",
  "unexpected error.",
  "",
  "Exit codes: 0 done; 1 invalid inputs (every problem is listed, nothing is written); 2 usage error,",
  "or a file that cannot be read or saved (the file is left as it was).",
].join("\n");

/** Input files from this size (about 5,000 lines) get progress lines on stderr. */
const progressFromBytes = 192 * 1024;

/** A usage error found while reading the command line. */
class UsageError extends Error {}

/** A file that cannot be read or written; the message says which and why. */
class FileError extends Error {}

/**
 * The headless runner's commands, separate from the process so tests can call them directly.
 *
 * @example
 * const code = await runCommand(["run", "case.xlsx", "--out", "results.xlsx"], { out: console.log, err: console.error });
 */
export async function runCommand(args: readonly string[], output: CommandOutput): Promise<number> {
  const debug = args.includes("--debug");
  try {
    const [command, ...rest] = args;
    if (command === "help" || command === "--help" || command === "-h") {
      output.out(usage);
      return exitCodes.ok;
    }
    if (command === "sample" || command === "template") return await inputWorkbook(command, rest, output);
    if (command === "run") return await run(rest, output);
    if (command === "simulate") return await simulate(rest, output);
    throw new UsageError(
      command === undefined ? "No command given." : `Unknown command "${terminalText(command, false)}".`,
    );
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(error.message);
      output.err(usage);
      return exitCodes.usage;
    }
    if (error instanceof FileError || error instanceof SaveError) {
      output.err(terminalText(error.message));
      return exitCodes.usage;
    }
    output.err(
      `cba stopped on an unexpected error: ${terminalText(plainMessage(error), false)}${debug ? "" : " (run again with --debug for details)"}`,
    );
    if (debug && error instanceof Error && error.stack) output.err(terminalText(error.stack));
    return exitCodes.usage;
  }
}

/** An error's message as one sentence (errors from Node's own modules may come from another realm). */
function plainMessage(error: unknown): string {
  const text =
    typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
  return text.split("\n")[0]!.replace(/[.\s]*$/, ".");
}

type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string }>;

/** The command line of one command, read by `node:util` parseArgs; anything unexpected is a usage error. */
function commandLine<O extends OptionSpec>(
  command: string,
  args: readonly string[],
  options: O,
): { file: string; values: { [K in keyof O]?: O[K]["type"] extends "string" ? string : boolean } } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...options, debug: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // Node's message goes on to explain "--" for positionals; the first sentence is what matters here.
    const sentence = plainMessage(error).split(/(?<=\.) /)[0]!;
    throw new UsageError(`cba ${command}: ${terminalText(sentence, false)}`);
  }
  if (parsed.positionals.length !== 1)
    throw new UsageError(
      command === "sample" || command === "template"
        ? `cba ${command} needs exactly one file name.`
        : `cba ${command} needs exactly one input workbook.`,
    );
  for (const [name, value] of Object.entries(parsed.values))
    if (typeof value === "string" && (value === "" || value.startsWith("-")))
      throw new UsageError(`--${name} needs a value.`);
  return { file: parsed.positionals[0]!, values: parsed.values as never };
}

/** The input's kind decides the output's: macros live only in an .xlsm. */
function outputFile(inFile: string, out: string | undefined): string {
  const target = resolve(out ?? inFile);
  const wanted = extname(inFile).toLowerCase() === ".xlsm" ? ".xlsm" : ".xlsx";
  if (extname(target).toLowerCase() !== wanted)
    throw new UsageError(
      wanted === ".xlsm"
        ? `--out must end in .xlsm: the input ${basename(inFile)} holds macros, which only an .xlsm keeps.`
        : `--out must end in .xlsx (got "${terminalText(basename(target), false)}").`,
    );
  return target;
}

function existingInput(file: string): string {
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(`No such file: ${path}`);
  return path;
}

/** `cba sample` and `cba template`: a new workbook holding only input ranges. */
async function inputWorkbook(
  command: "sample" | "template",
  args: readonly string[],
  output: CommandOutput,
): Promise<number> {
  const { file: given, values } = commandLine(
    command,
    args,
    command === "sample"
      ? { force: { type: "boolean" }, example: { type: "string" } }
      : { force: { type: "boolean" } },
  );
  const { ranges, notes, what } = inputWorkbookContent(command, (values as { example?: string }).example);
  const file = resolve(given);
  if (extname(file).toLowerCase() !== ".xlsx")
    throw new UsageError(
      `cba ${command} writes an .xlsx file (got "${terminalText(basename(file), false)}").`,
    );
  if (existsSync(file) && !values.force)
    throw new FileError(
      `${file} already exists; it was not changed. Choose another name, or add --force to replace it.`,
    );
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "cba";
  addInputRanges(workbook, ranges, notes);
  mkdirSync(dirname(file), { recursive: true });
  await writeFileAtomically(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  output.out(`Wrote ${what} to ${file}`);
  return exitCodes.ok;
}

/** What `cba sample` (the example named, default Hampshire) or `cba template` writes. */
function inputWorkbookContent(
  command: "sample" | "template",
  example: string | undefined,
): { ranges: InputRangeSpec[]; notes: NoteSheetSpec[]; what: string } {
  if (command === "template")
    return { ranges: blankTemplateRanges(), notes: [blankTemplateNotes], what: "the blank template" };
  const sample = example === undefined ? defaultSampleWorkbook : sampleWorkbookNamed(example);
  if (!sample)
    throw new UsageError(
      `cba sample: there is no example "${terminalText(example!, false)}"; the examples are ${sampleWorkbooks.map((s) => s.name).join(", ")}.`,
    );
  return { ranges: sample.ranges(), notes: [sample.notes], what: `the ${sample.title} sample` };
}

/**
 * How many problems and warnings the list below it holds, so the count agrees with the list.
 *
 * @example
 * problemCount(1, 2) // → "1 problem and 2 warnings"
 */
export function problemCount(errors: number, warnings: number): string {
  const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;
  return warnings === 0
    ? counted(errors, "problem")
    : `${counted(errors, "problem")} and ${counted(warnings, "warning")}`;
}

function reportProblems(output: CommandOutput, file: string, problems: readonly ContractProblem[]): void {
  const errors = problems.filter((p) => p.severity === "error").length;
  output.err(`${file}: ${problemCount(errors, problems.length - errors)} found; nothing was written.`);
  for (const problem of problems) output.err(`  ${terminalText(describeProblem(problem), false)}`);
}

/** Refusals of the workbook adapter before anything is written: the inputs must change. */
function refusal(output: CommandOutput, file: string, error: unknown): number {
  const message = terminalText(error instanceof Error ? error.message : String(error), false);
  const hint = error instanceof TypedTextOnResultSheet ? " (or run again with --discard-typed-text)" : "";
  output.err(`${file}: ${message}${hint}; nothing was written.`);
  return exitCodes.invalidInput;
}

function isRefusal(error: unknown): boolean {
  return (
    error instanceof UnreadableNameError ||
    error instanceof TypedTextOnResultSheet ||
    (error instanceof Error && /^The (sheet|name) "/.test(error.message))
  );
}

async function run(args: readonly string[], output: CommandOutput): Promise<number> {
  const { file, values } = commandLine("run", args, {
    out: { type: "string", short: "o" },
    "discard-typed-text": { type: "boolean" },
    "values-only": { type: "boolean" },
  });
  const inFile = existingInput(file);
  const target = outputFile(inFile, values.out);
  const started = Date.now();
  // Progress lines only for workbooks large enough to take a while; small runs stay quiet.
  const large = statSync(inFile).size >= progressFromBytes;
  const progress = (text: string) => {
    if (large) output.progress?.(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${text}`);
  };
  progress(`reading ${inFile}`);
  const port = await openWorkbook(inFile, { discardTypedText: values["discard-typed-text"] === true });
  progress("checking and computing");
  let report: Awaited<ReturnType<typeof refreshWorkbook>>;
  try {
    report = await refreshWorkbook(port, { valuesOnly: values["values-only"] === true });
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return refusal(output, inFile, error);
  }
  const warnings = report.problems.filter((p) => p.severity === "warning");
  if (report.status === "invalid") {
    reportProblems(output, inFile, report.problems);
    return exitCodes.invalidInput;
  }
  progress(`saving ${target}`);
  mkdirSync(dirname(target), { recursive: true });
  await port.saveAs(target);

  if (report.businessCase)
    output.out(terminalText(partnerSummary(report.businessCase.model, report.businessCase.result)));
  if (report.risks) output.out(riskSummary(report.risks));
  const differing = (report.reconciliation ?? []).filter((row) => !row.agrees).length;
  output.out(
    `Self-consistency of the results (the product re-adding its own figures): ${differing === 0 ? "every total foots" : `${differing} figure${differing === 1 ? "" : "s"} DIFFER (see CBA Checks)`}. Published figures: ${(report.published ?? []).length === 0 ? "none given" : `${(report.published ?? []).filter((row) => !row.agrees).length} of ${(report.published ?? []).length} DIFFER from the computation (see CBA Checks)`}.`,
  );
  if (warnings.length > 0) {
    output.out(
      `${warnings.length} warning${warnings.length === 1 ? "" : "s"} (also on the CBA Checks sheet):`,
    );
    for (const warning of warnings) output.out(`  ${terminalText(describeProblem(warning), false)}`);
  }
  output.out(`Wrote ${report.plan?.sheets.map((s) => s.name).join(", ")} to ${target}`);
  return exitCodes.ok;
}

async function openWorkbook(file: string, options: ExcelJsWorkbookOptions): Promise<ExcelJsWorkbook> {
  try {
    return await ExcelJsWorkbook.fromFile(file, options);
  } catch (error) {
    throw new FileError(
      `Cannot read ${file} as an Excel workbook: ${plainMessage(error)} The file was not changed.`,
    );
  }
}

/** A whole number from `low` to `high` written in full (no exponents, no decimals), else undefined. */
function wholeNumberArgument(text: string, low: number, high: number): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= low && value <= high ? value : undefined;
}

async function simulate(args: readonly string[], output: CommandOutput): Promise<number> {
  const { file, values } = commandLine("simulate", args, {
    out: { type: "string", short: "o" },
    trials: { type: "string" },
    seed: { type: "string" },
    "discard-typed-text": { type: "boolean" },
  });
  const trials =
    values.trials === undefined ? undefined : wholeNumberArgument(values.trials, 1, largestTrialCount);
  if (values.trials !== undefined && trials === undefined)
    throw new UsageError(
      `--trials must be a whole number from 1 to ${largestTrialCount} (got "${terminalText(values.trials, false)}").`,
    );
  const seedGiven = values.seed === undefined ? undefined : wholeNumberArgument(values.seed, 0, largestSeed);
  if (values.seed !== undefined && seedGiven === undefined)
    throw new UsageError(
      `--seed must be a whole number from 0 to ${largestSeed} (got "${terminalText(values.seed, false)}").`,
    );
  const inFile = existingInput(file);
  const target = outputFile(inFile, values.out);

  const port = await openWorkbook(inFile, { discardTypedText: values["discard-typed-text"] === true });
  let report: Awaited<ReturnType<typeof refreshWorkbook>>;
  try {
    // A dry refresh checks the whole contract and builds the model; nothing is written by it.
    report = await refreshWorkbook(port, { dryRun: true });
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return refusal(output, inFile, error);
  }
  if (report.status === "invalid") {
    reportProblems(output, inFile, report.problems);
    return exitCodes.invalidInput;
  }
  const model = report.businessCase?.model;
  const cases = model && sensitivityCases(model);
  if (!model || !cases) {
    output.err(
      `${inFile}: a simulation needs CBA_Lines with Best and Worst values (or two or more cases named in the Cases setting); nothing was written.`,
    );
    return exitCodes.invalidInput;
  }
  const options: SimulationOptions = { ...cases, seed: seedGiven ?? report.settings?.seed ?? 1 };
  if (trials !== undefined) options.trials = trials;
  let result: SimulationResult;
  try {
    result = simulateBusinessCase(inputCasesOnly(model), options);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    output.err(
      `${inFile}: the simulation failed: ${terminalText(error.message, false)}; nothing was written.`,
    );
    return exitCodes.invalidInput;
  }
  let written: Awaited<ReturnType<typeof writeSimulation>>;
  try {
    written = await writeSimulation(port, result, options);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return refusal(output, inFile, error);
  }
  if (written.status === "invalid") {
    output.err(`${inFile}: the CBA Simulation sheet cannot be written; nothing was written.`);
    for (const problem of written.problems) output.err(`  ${terminalText(describeProblem(problem), false)}`);
    return exitCodes.invalidInput;
  }
  mkdirSync(dirname(target), { recursive: true });
  await port.saveAs(target);
  output.out(
    terminalText(simulationSummary(result, new Money(model.settings.roundingUnit), model.settings.unitLabel)),
  );
  output.out(`Wrote CBA Simulation to ${target}`);
  return exitCodes.ok;
}
