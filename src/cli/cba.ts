#!/usr/bin/env node
/**
 * `cba`: the headless runner. `cba sample <file.xlsx>` writes the Hampshire sample workbook;
 * `cba template <file.xlsx>` writes the blank template;
 * `cba run <in.xlsx> [--out <out.xlsx>]` checks, computes and writes the result sheets;
 * `cba simulate <in.xlsx> [--out <out.xlsx>] [--trials N] [--seed S]` writes the CBA Simulation sheet.
 */
import { runCommand } from "./commands";

runCommand(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
