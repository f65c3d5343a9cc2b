import { exitCodes } from "../../src/cli/commands";
import { inputRangeNames } from "../../src/workbook/inputContract";
import { loadWorkbook, readTable, sheetNames, temporaryFolderForThisFile } from "../workbook/workbookFiles";
import { command } from "./runCli";

const folder = temporaryFolderForThisFile();

describe("cba template", () => {
  test("writes the blank template: a Start here sheet, then every input range under its instruction line", async () => {
    const file = folder.path("new/template.xlsx");
    const result = await command("template", file);
    expect(result).toEqual({ code: exitCodes.ok, out: `Wrote the blank template to ${file}`, err: "" });
    const workbook = await loadWorkbook(file);
    expect(sheetNames(workbook)[0]).toBe("Start here");
    const lines = readTable(workbook, inputRangeNames.lines);
    expect(lines).toMatchObject({ sheet: "Lines", ref: "A3:F4" });
    expect(lines.header).toEqual(["Line", "Timing", "Allocation", "Best", "Worst", "Profile"]);
    expect(workbook.getWorksheet("Lines")!.getCell("A1").value).toMatch(/^Costs positive, savings negative/);
  });

  test("an untouched template is refused by cba run for want of partners, with the cell to fill", async () => {
    const file = folder.path("untouched.xlsx");
    expect((await command("template", file)).code).toBe(exitCodes.ok);
    const run = await command("run", file);
    expect(run.code).toBe(exitCodes.invalidInput);
    expect(run.err).toContain("Error in CBA_Partners at Partners!A3 (No partners)");
  });

  test("without exactly one file name it is a usage error", async () => {
    for (const args of [["template"], ["template", "a.xlsx", "b.xlsx"]]) {
      const result = await command(...args);
      expect({ args, code: result.code }).toEqual({ args, code: exitCodes.usage });
      expect(result.err).toContain("cba template needs exactly one file name.");
    }
    const unknown = await command("template", "--out");
    expect(unknown.code).toBe(exitCodes.usage);
    expect(unknown.err).toMatch(/^cba template: Unknown option '--out'/);
  });

  test("help lists it", async () => {
    expect((await command("help")).out).toMatch(
      /cba template <file\.xlsx> \[--force\]\s+write a blank input workbook/,
    );
  });
});
