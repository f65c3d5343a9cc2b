#!/usr/bin/env node
/**
 * `cba`: the headless runner. `cba sample <file.xlsx>` writes the Hampshire sample workbook;
 * `cba template <file.xlsx>` writes the blank template;
 * `cba run <in.xlsx> [--out <out.xlsx>]` checks, computes and writes the result sheets;
 * `cba simulate <in.xlsx> [--out <out.xlsx>] [--trials N] [--seed S]` writes the CBA Simulation sheet.
 *
 * The command runs in a child process with a set heap size, watched by this one: running out of
 * memory (a V8 abort, which no program can catch in itself) becomes a message, and a temporary file
 * the child leaves behind is removed. (A worker thread with resource limits ran several times
 * slower on large workbooks.)
 */
import { fork } from "node:child_process";
import { unlinkSync } from "node:fs";
import { getHeapStatistics } from "node:v8";
import { exitCodes } from "./exitCodes";

interface ChildMessage {
  kind: "temporaryFile" | "savedFile";
  text: string;
}

const childFlag = "CBA_RUNNER_CHILD";

/** Memory for the command, in MB: CBA_MEMORY_MB, else at least 4 GB (or Node's own limit when larger). */
function memoryLimitMb(): number {
  const given = Number(process.env["CBA_MEMORY_MB"]);
  if (Number.isFinite(given) && given >= 64) return Math.floor(given);
  return Math.max(4096, Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20));
}

function removeAll(files: Iterable<string>): void {
  for (const file of files) {
    try {
      unlinkSync(file);
    } catch {
      // Already renamed into place or removed.
    }
  }
}

/** The child: runs the command; on a signal, or when its parent goes, removes its temporary files. */
function child(): void {
  // Loaded only here: the watching parent needs none of the product.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { runCommand } = require("./commands") as typeof import("./commands");
  const { pendingTemporaryFiles } =
    require("../workbook/xlsxPackage/atomicFile") as typeof import("../workbook/xlsxPackage/atomicFile");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const interrupted = (signal: NodeJS.Signals) => {
    removeAll(pendingTemporaryFiles());
    console.error(`cba was interrupted (${signal}); no file was changed.`);
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("SIGINT", interrupted);
  process.on("SIGTERM", interrupted);
  let finished = false;
  // The parent gone (killed): stop, leaving no temporary file.
  process.on("disconnect", () => {
    if (finished) return;
    removeAll(pendingTemporaryFiles());
    process.exit(exitCodes.usage);
  });
  const progressWanted = process.env["CBA_PROGRESS"] !== "0";
  // runCommand reports every error itself as an exit code and never rejects.
  void runCommand(process.argv.slice(2), {
    out: (text) => console.log(text),
    err: (text) => console.error(text),
    progress: (text) => {
      if (progressWanted) console.error(text);
    },
  }).then((code) => {
    process.exitCode = code;
    finished = true;
    process.disconnect?.();
  });
}

function main(): void {
  const args = process.argv.slice(2);
  const temporaryFiles = new Set<string>();
  const limit = memoryLimitMb();
  const runner = fork(__filename, args, {
    execArgv: [...process.execArgv, `--max-old-space-size=${limit}`],
    env: { ...process.env, [childFlag]: "1" },
    stdio: ["inherit", "inherit", "pipe", "ipc"],
  });
  let outOfMemory = false;
  let pendingText = "";
  runner.stderr!.on("data", (chunk: Buffer) => {
    pendingText += chunk.toString();
    const lines = pendingText.split("\n");
    pendingText = lines.pop()!;
    for (const line of lines) {
      // V8's own report of a heap limit is replaced by one plain sentence.
      if (/JavaScript heap out of memory|Last few GCs|FATAL ERROR/.test(line)) outOfMemory = true;
      if (!outOfMemory) process.stderr.write(`${line}\n`);
    }
  });
  runner.on("message", (message: ChildMessage) => {
    if (message.kind === "temporaryFile") temporaryFiles.add(message.text);
    else temporaryFiles.delete(message.text);
  });
  // A signal sent to this process alone goes to the child too, which cleans up and says so.
  const forward = (signal: NodeJS.Signals) => () => runner.kill(signal);
  process.on("SIGINT", forward("SIGINT"));
  process.on("SIGTERM", forward("SIGTERM"));
  runner.on("exit", (code, signal) => {
    if (pendingText !== "" && !outOfMemory) process.stderr.write(pendingText);
    removeAll(temporaryFiles);
    if (outOfMemory || signal === "SIGABRT") {
      console.error(
        `cba ran out of memory (limit ${limit.toLocaleString("en-GB")} MB) and stopped; no file was changed. Set CBA_MEMORY_MB to allow more, e.g. CBA_MEMORY_MB=8192.`,
      );
      process.exitCode = exitCodes.usage;
    } else {
      process.exitCode = code ?? (signal === "SIGINT" ? 130 : signal === "SIGTERM" ? 143 : exitCodes.usage);
    }
  });
}

if (process.env[childFlag] === "1") child();
else main();
