import { readFileSync, writeFileSync } from "node:fs";
import { exitCodes, problemCount } from "../../src/cli/commands";
import {
  writeWorkbook,
  loadWorkbook,
  readTable,
  sheetNames,
  tableRecords,
  temporaryFolderForThisFile,
} from "../workbook/workbookFiles";
import { ranges, smallCase } from "../workbook/smallCase";
import { cba, command } from "./runCli";

const folder = temporaryFolderForThisFile();

describe("the cba runner end to end", () => {
  test("sample then run: exit 0, a per-partner summary on the terminal, result sheets in the output file", () => {
    const sample = folder.path("out/hampshire.xlsx");
    const results = folder.path("out/hampshire-results.xlsx");
    const wrote = cba("sample", sample);
    expect(wrote.status).toBe(0);
    const run = cba("run", sample, "--out", results);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const hccBest = run.stdout.split("\n").find((line) => /^HCC\s+Best\s/.test(line));
    expect(hccBest).toMatch(/1,858\s+\(1,804\)/);
    expect(run.stdout).toMatch(/^Programme\s+Worst\s+3,680\s+\(1,970\)/m);
    expect(run.stdout).toContain("Risks: 12 scored (5 Low, 7 Medium, 0 High)");
    expect(run.stdout).toContain("every total foots");
    return loadWorkbook(results).then((workbook) => {
      expect(sheetNames(workbook)).toEqual(
        expect.arrayContaining(["CBA Apportionment", "CBA Partners", "CBA Risks", "CBA Checks"]),
      );
      expect(sheetNames(workbook)).toContain("About");
    });
  });

  test("invalid input: exit 1, every problem listed with its cell, and the file is not touched", async () => {
    const file = folder.path("invalid.xlsx");
    const small = smallCase();
    small.lines.rows[0]![2] = "Nowhere";
    small.risks.rows[1]![3] = 7;
    await writeWorkbook(file, ranges(small));
    const before = readFileSync(file);
    const run = cba("run", file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("2 problems found; nothing was written.");
    expect(run.stderr).toContain("Error in CBA_Lines at Lines!C2 (Unknown pool or partner)");
    expect(run.stderr).toContain("Error in CBA_Risks at Risks!D3 (Off the scale)");
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  test("usage errors exit 2 from the real process", () => {
    const none = cba();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("Usage:");
    expect(cba("run", folder.path("no-such-file.xlsx")).status).toBe(2);
  });

  test("usage errors exit 2: unknown commands, missing or extra arguments, --out without a file", async () => {
    const cases = [
      ["frobnicate"],
      ["run"],
      ["run", "a.xlsx", "b.xlsx"],
      ["run", "a.xlsx", "--out"],
      ["run", "a.xlsx", "--force"],
      ["sample"],
      ["sample", "a.xlsx", "b.xlsx"],
    ];
    for (const args of cases) {
      const result = await command(...args);
      expect({ args, code: result.code }).toEqual({ args, code: exitCodes.usage });
      expect(result.err).toContain("Usage:");
    }
  });

  test("help exits 0 and describes both commands", async () => {
    const result = await command("help");
    expect(result.code).toBe(exitCodes.ok);
    expect(result.out).toMatch(/cba sample <file\.xlsx>[\s\S]*cba run <in\.xlsx> \[--out <out\.xlsx>\]/);
  });

  test("run without --out writes the results back into the input workbook", async () => {
    const file = folder.path("in-place.xlsx");
    await writeWorkbook(file, ranges(smallCase()));
    const result = await command("run", file);
    expect(result.code).toBe(exitCodes.ok);
    const workbook = await loadWorkbook(file);
    expect(tableRecords(readTable(workbook, "CBA_Risks")).map((r) => r["Score"])).toEqual([12, 4]);
    expect(result.out).toMatch(/^CC\s+Best\s/m);
  });

  test("a file that is not a workbook is a file error (exit 2), in one plain sentence, and is not touched", async () => {
    const file = folder.path("not-a-workbook.xlsx");
    writeFileSync(file, "plain text");
    const result = await command("run", file);
    expect(result.code).toBe(exitCodes.usage);
    expect(result.err).toMatch(
      /^Cannot read .*not-a-workbook\.xlsx as an Excel workbook: .* The file was not changed\.$/,
    );
    expect(result.err).not.toContain("    at ");
    expect(readFileSync(file, "utf8")).toBe("plain text");
  });
});

describe("the count above a list of problems", () => {
  test("agrees with the list, warnings counted apart, in singular and plural", () => {
    expect(problemCount(2, 0)).toBe("2 problems");
    expect(problemCount(1, 0)).toBe("1 problem");
    expect(problemCount(1, 2)).toBe("1 problem and 2 warnings");
    expect(problemCount(3, 1)).toBe("3 problems and 1 warning");
  });
});
