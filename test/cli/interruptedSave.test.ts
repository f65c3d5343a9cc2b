import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { exitCodes } from "../../src/cli/commands";
import { ranges, smallCase } from "../workbook/smallCase";
import { temporaryFolderForThisFile } from "../workbook/workbookFiles";
import { command } from "./runCli";
import { contractPackage } from "./userPackages";

const folder = temporaryFolderForThisFile();
const root = join(__dirname, "..", "..");

/**
 * Starts `cba run` in place with the save paused just before the rename (a test hook), waits until
 * it is paused there, then sends the signal. Resolves with the exit code and what it printed.
 */
function interruptWhileSaving(
  file: string,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", "src/cli/cba.ts", "run", file],
      {
        cwd: root,
        env: {
          ...process.env,
          TS_NODE_PROJECT: "tsconfig.node.json",
          CBA_TEST_SAVE_FAULT: "pause-before-rename",
        },
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes("saving: paused before renaming")) child.kill(signal);
    });
    child.on("error", reject);
    child.on("close", (code, killedBy) => resolve({ code: code ?? (killedBy ? -1 : null), stderr }));
  });
}

const temporaryFilesBeside = (file: string) =>
  readdirSync(dirname(file)).filter((name) => name.endsWith(".tmp"));

describe("a save is all or nothing", () => {
  test("Ctrl-C (SIGINT) while saving leaves the original byte for byte, removes the temporary file, and says so in one line", async () => {
    const file = folder.path("sigint/case.xlsx");
    const before = await contractPackage(ranges(smallCase()));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, before);
    const result = await interruptWhileSaving(file, "SIGINT");
    expect(result.code).toBe(130);
    expect(result.stderr).toContain("cba was interrupted (SIGINT); no file was changed.");
    expect(result.stderr).not.toContain("    at ");
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(temporaryFilesBeside(file)).toEqual([]);
  }, 60_000);

  test("SIGTERM while saving does the same", async () => {
    const file = folder.path("sigterm/case.xlsx");
    const before = await contractPackage(ranges(smallCase()));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, before);
    const result = await interruptWhileSaving(file, "SIGTERM");
    expect(result.code).toBe(143);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(temporaryFilesBeside(file)).toEqual([]);
  }, 60_000);

  test("SIGKILL while saving (nothing can be cleaned up) still leaves the original byte for byte", async () => {
    const file = folder.path("sigkill/case.xlsx");
    const before = await contractPackage(ranges(smallCase()));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, before);
    await interruptWhileSaving(file, "SIGKILL");
    expect(readFileSync(file).equals(before)).toBe(true);
  }, 60_000);

  test.each(["ENOSPC", "EIO"])(
    "a write failing with %s (ENOSPC: a full disk) leaves the original byte for byte and no temporary file, exit 2 with one plain message",
    async (code) => {
      const file = folder.path(`${code}/case.xlsx`);
      const before = await contractPackage(ranges(smallCase()));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, before);
      process.env["CBA_TEST_SAVE_FAULT"] = `fail-write:${code}`;
      try {
        const result = await command("run", file);
        expect(result.code).toBe(exitCodes.usage);
        expect(result.err).toMatch(
          code === "ENOSPC"
            ? /^Could not save .*case\.xlsx: the disk is full\. The file was not changed\.$/
            : /^Could not save .*case\.xlsx: .*EIO.*\. The file was not changed\.$/,
        );
        expect(result.out).toBe("");
      } finally {
        delete process.env["CBA_TEST_SAVE_FAULT"];
      }
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(temporaryFilesBeside(file)).toEqual([]);
    },
  );

  test("sample and template save the same way: a failed write leaves no file at all", async () => {
    const file = folder.path("failed-sample/sample.xlsx");
    process.env["CBA_TEST_SAVE_FAULT"] = "fail-write:ENOSPC";
    try {
      expect((await command("sample", file)).code).toBe(exitCodes.usage);
    } finally {
      delete process.env["CBA_TEST_SAVE_FAULT"];
    }
    expect(readdirSync(dirname(file))).toEqual([]);
  });
});

describe("memory limits", () => {
  test("running out of memory is one plain message (exit 2), not a V8 abort, and the file is not changed", async () => {
    const small = smallCase();
    const line = small.lines.rows[1]!;
    small.lines.rows = Array.from({ length: 6000 }, (_, i) => [`Line ${i + 1}`, ...line.slice(1)]);
    const file = folder.path("memory/case.xlsx");
    mkdirSync(dirname(file), { recursive: true });
    const before = await contractPackage(ranges(small));
    writeFileSync(file, before);
    const result = spawnSync(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", "src/cli/cba.ts", "run", file],
      {
        cwd: root,
        encoding: "utf8",
        env: {
          ...process.env,
          TS_NODE_PROJECT: "tsconfig.node.json",
          CBA_MEMORY_MB: "64",
          CBA_PROGRESS: "0",
        },
      },
    );
    expect(result.status).toBe(exitCodes.usage);
    expect(result.stderr.trim()).toBe(
      "cba ran out of memory (limit 64 MB) and stopped; no file was changed. Set CBA_MEMORY_MB to allow more, e.g. CBA_MEMORY_MB=8192.",
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(temporaryFilesBeside(file)).toEqual([]);
  }, 120_000);
});
