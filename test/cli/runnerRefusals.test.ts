import { readFileSync, writeFileSync } from "node:fs";
import JSZip from "jszip";
import { exitCodes } from "../../src/cli/commands";
import { terminalText } from "../../src/cli/terminalText";
import { loadWorkbook, readTable, tableRecords, temporaryFolderForThisFile } from "../workbook/workbookFiles";
import { ranges, smallCase } from "../workbook/smallCase";
import { command } from "./runCli";
import { contractPackage } from "./userPackages";

const folder = temporaryFolderForThisFile();

/** The small case with its CBA_Settings name (a defined name) pointing somewhere else. */
async function withSettingsName(reference: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await contractPackage(ranges(smallCase())));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  zip.file(
    "xl/workbook.xml",
    workbook.replace(
      /(<definedName name="CBA_Settings">)[^<]*(<\/definedName>)/,
      (_, open: string, close: string) => `${open}${reference}${close}`,
    ),
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("cba sample and cba template never overwrite by accident", () => {
  test.each(["sample", "template"])(
    "%s refuses an existing file (exit 2, file unchanged) unless --force is given",
    async (name) => {
      const file = folder.path(`${name}-exists.xlsx`);
      writeFileSync(file, "the user's own file");
      const refused = await command(name, file);
      expect(refused.code).toBe(exitCodes.usage);
      expect(refused.err).toContain(
        `${file} already exists; it was not changed. Choose another name, or add --force to replace it.`,
      );
      expect(readFileSync(file, "utf8")).toBe("the user's own file");
      const forced = await command(name, file, "--force");
      expect(forced.code).toBe(exitCodes.ok);
      expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
    },
  );

  test("only .xlsx names are accepted", async () => {
    const result = await command("sample", folder.path("sample.xls"));
    expect(result.code).toBe(exitCodes.usage);
    expect(result.err).toContain('cba sample writes an .xlsx file (got "sample.xls").');
  });
});

describe("cba run refuses a contract name it cannot read, naming it", () => {
  test.each([
    ["#REF!", "refers to #REF!: its cells or sheet were deleted"],
    ["Gone!$A$1:$B$5", 'refers to Gone!$A$1:$B$5, but the sheet "Gone" does not exist'],
    ["Settings!$A:$B", "refers to whole columns (Settings!$A:$B); give it rows"],
    ["0.035", 'is "0.035", not a range of cells'],
  ])(
    "CBA_Settings = %s: exit 1, the name and what is wrong, the file untouched",
    async (reference, message) => {
      const file = folder.path(`name-${Math.random().toString(36).slice(2)}.xlsx`);
      const before = await withSettingsName(reference);
      writeFileSync(file, before);
      const result = await command("run", file);
      expect(result.code).toBe(exitCodes.invalidInput);
      expect(result.err).toContain(`The name CBA_Settings ${message}`);
      expect(result.err).toContain("nothing was written");
      expect(readFileSync(file).equals(before)).toBe(true);
    },
  );

  test("a name sized for growth ($A$1:$B$1048576) reads only the rows in use, quickly", async () => {
    const file = folder.path("growth.xlsx");
    writeFileSync(file, await withSettingsName("Settings!$A$1:$B$1048576"));
    const started = Date.now();
    const result = await command("run", file, "--out", folder.path("growth-results.xlsx"));
    expect(result.err).toBe("");
    expect(result.code).toBe(exitCodes.ok);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe("text typed on a result sheet is never lost silently", () => {
  test("a note typed beside the results stops the run, naming the cell; --discard-typed-text replaces the sheet", async () => {
    const file = folder.path("typed.xlsx");
    writeFileSync(file, await contractPackage(ranges(smallCase())));
    expect((await command("run", file)).code).toBe(exitCodes.ok);
    // The user types a note on the CBA Partners sheet, well outside the results.
    const workbook = await loadWorkbook(file);
    workbook.getWorksheet("CBA Partners")!.getCell("Z40").value = "Check with finance";
    await workbook.xlsx.writeFile(file);
    const before = readFileSync(file);
    const refused = await command("run", file);
    expect(refused.code).toBe(exitCodes.invalidInput);
    expect(refused.err).toContain(
      'The sheet "CBA Partners" is replaced by every refresh, but has text typed outside the results at Z40 ("Check with finance")',
    );
    expect(refused.err).toContain("--discard-typed-text");
    expect(readFileSync(file).equals(before)).toBe(true);
    const forced = await command("run", file, "--discard-typed-text");
    expect(forced.code).toBe(exitCodes.ok);
    const after = await loadWorkbook(file);
    expect(after.getWorksheet("CBA Partners")!.getCell("Z40").value).toBeNull();
    expect(tableRecords(readTable(after, "CBA_Risks")).map((r) => r["Score"])).toEqual([12, 4]);
  });
});

describe("unexpected errors", () => {
  test("are one plain sentence with exit 2, and a stack trace only with --debug", async () => {
    const file = folder.path("unexpected.xlsx");
    const zip = await JSZip.loadAsync(await contractPackage(ranges(smallCase())));
    // A sheet part that is not XML at all: ExcelJS fails somewhere deep inside.
    zip.file("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=");
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const plain = await command("run", file);
    expect(plain.code).toBe(exitCodes.usage);
    expect(plain.err.split("\n")).toHaveLength(1);
    expect(plain.err).not.toContain("    at ");
    const debug = await command("run", file, "--debug");
    expect(debug.code).toBe(exitCodes.usage);
  });

  test("text from the workbook is printed with control characters escaped", async () => {
    const small = smallCase();
    // A C1 control (CSI, a terminal escape) survives in XML 1.0, so a workbook can carry it.
    small.lines.rows[0]![2] = "Nowhere\u009b2J";
    const file = folder.path("control.xlsx");
    writeFileSync(file, await contractPackage(ranges(small)));
    const result = await command("run", file);
    expect(result.code).toBe(exitCodes.invalidInput);
    expect(result.err).toContain("Nowhere\\x9b2J");
    // eslint-disable-next-line no-control-regex
    expect(result.err).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  test("terminalText escapes every control character but line breaks and tabs, or all of them for one line", () => {
    expect(terminalText("a\u001b[31mb\rc\u0007")).toBe("a\\x1b[31mb\\x0dc\\x07");
    expect(terminalText("line 1\nline 2\tend")).toBe("line 1\nline 2\tend");
    expect(terminalText("line 1\nline 2\tend", false)).toBe("line 1\\x0aline 2\\tend");
  });
});
