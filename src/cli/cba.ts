#!/usr/bin/env node
/**
 * `cba`: the headless runner. `cba sample <file.xlsx>` writes the Hampshire sample workbook;
 * `cba template <file.xlsx>` writes the blank template;
 * `cba run <in.xlsx> [--out <out.xlsx>]` checks, computes and writes the result sheets;
 * `cba simulate <in.xlsx> [--out <out.xlsx>] [--trials N] [--seed S]` writes the CBA Simulation sheet.
 *
 * The command runs in a worker thread with a memory limit, so that running out of memory is a
 * message rather than a V8 abort, and so that Ctrl-C can remove a half-written temporary file.
 */
import { unlinkSync } from "node:fs";
import { getHeapStatistics } from "node:v8";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { exitCodes } from "./exitCodes";

interface WorkerMessage {
  kind: "out" | "err" | "temporaryFile" | "savedFile";
  text: string;
}

const progressWanted = () => process.env["CBA_PROGRESS"] !== "0";

if (isMainThread) {
  main();
} else {
  const post = (message: WorkerMessage) => parentPort!.postMessage(message);
  // Loaded here only: the main thread just relays output, so it need not load the product.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runCommand } = require("./commands") as typeof import("./commands");
  runCommand(workerData as string[], {
    out: (text) => post({ kind: "out", text }),
    err: (text) => post({ kind: "err", text }),
    progress: (text) => {
      if (progressWanted()) post({ kind: "err", text });
    },
  }).then((code) => {
    process.exitCode = code;
  });
}

/** Memory for the command, in MB: CBA_MEMORY_MB, else at least 4 GB (or Node's own limit when larger). */
function memoryLimitMb(): number {
  const given = Number(process.env["CBA_MEMORY_MB"]);
  if (Number.isFinite(given) && given >= 64) return Math.floor(given);
  return Math.max(4096, Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20));
}

function main(): void {
  const args = process.argv.slice(2);
  const temporaryFiles = new Set<string>();
  const limit = memoryLimitMb();
  // The worker runs this same module (under ts-node in tests, compiled JavaScript when installed).
  const worker = new Worker(`require(${JSON.stringify(__filename)});`, {
    eval: true,
    workerData: args,
    resourceLimits: { maxOldGenerationSizeMb: limit },
    stdout: false,
    stderr: false,
  });
  let finished = false;
  const cleanUp = () => {
    for (const file of temporaryFiles) {
      try {
        unlinkSync(file);
      } catch {
        // Already renamed into place or removed.
      }
    }
  };
  worker.on("message", (message: WorkerMessage) => {
    if (message.kind === "out") console.log(message.text);
    else if (message.kind === "err") console.error(message.text);
    else if (message.kind === "temporaryFile") temporaryFiles.add(message.text);
    else temporaryFiles.delete(message.text);
  });
  worker.on("error", (error: Error & { code?: string }) => {
    finished = true;
    cleanUp();
    if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
      console.error(
        `cba ran out of memory (limit ${limit.toLocaleString("en-GB")} MB) and stopped; no file was changed. Set CBA_MEMORY_MB to allow more, e.g. CBA_MEMORY_MB=8192.`,
      );
    } else {
      console.error(`cba stopped on an unexpected error: ${error.message}`);
      if (args.includes("--debug") && error.stack) console.error(error.stack);
    }
    process.exitCode = exitCodes.usage;
  });
  worker.on("exit", (code) => {
    if (finished) return;
    finished = true;
    cleanUp();
    process.exitCode = code;
  });
  const interrupted = (signal: NodeJS.Signals) => {
    if (finished) return;
    finished = true;
    void worker.terminate().finally(() => {
      cleanUp();
      console.error(`cba was interrupted (${signal}); no file was changed.`);
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  };
  process.on("SIGINT", interrupted);
  process.on("SIGTERM", interrupted);
}
