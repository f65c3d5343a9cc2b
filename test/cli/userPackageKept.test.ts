import { readFileSync, writeFileSync } from "node:fs";
import JSZip from "jszip";
import { exitCodes } from "../../src/cli/commands";
import {
  loadWorkbook,
  readTable,
  sheetCells,
  sheetNames,
  tableRecords,
  temporaryFolderForThisFile,
} from "../workbook/workbookFiles";
import { ranges, smallCase } from "../workbook/smallCase";
import { command } from "./runCli";
import {
  contractPackage,
  packageEntries,
  sheetPartOf,
  withoutTableStyles,
  withUserParts,
} from "./userPackages";

const folder = temporaryFolderForThisFile();

/** The parts a run may change: the package's indexes, the styles it appends to, and the CBA_Risks sheet's cells. */
async function partsARunMayChange(bytes: Buffer): Promise<Set<string>> {
  const zip = await JSZip.loadAsync(bytes);
  return new Set([
    "[Content_Types].xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
    await sheetPartOf(zip, "Risks"),
  ]);
}

async function expectUserEntriesKept(before: Buffer, after: Buffer): Promise<void> {
  const original = await packageEntries(before);
  const result = await packageEntries(after);
  const mayChange = await partsARunMayChange(before);
  const changed: string[] = [];
  for (const [path, bytes] of original) {
    if (mayChange.has(path)) continue;
    const now = result.get(path);
    if (now === undefined || !now.equals(bytes)) changed.push(path);
  }
  expect(changed).toEqual([]);
  // The indexes still hold every one of the user's entries, as written.
  const text = (entries: Map<string, Buffer>, path: string) => entries.get(path)!.toString("utf8");
  for (const element of text(original, "[Content_Types].xml").match(/<(Override|Default)\b[^>]*\/>/g)!)
    expect(text(result, "[Content_Types].xml")).toContain(element);
  for (const element of text(original, "xl/_rels/workbook.xml.rels").match(/<Relationship\b[^>]*\/>/g)!)
    expect(text(result, "xl/_rels/workbook.xml.rels")).toContain(element);
  for (const element of text(original, "xl/workbook.xml").match(/<definedName\b[^>]*>[^<]*<\/definedName>/g)!)
    expect(text(result, "xl/workbook.xml")).toContain(element);
  for (const element of text(original, "xl/workbook.xml").match(/<pivotCache\b[^>]*\/>/g) ?? [])
    expect(text(result, "xl/workbook.xml")).toContain(element);
}

describe("cba run keeps every part of the user's package", () => {
  test("charts, pivot tables, printer settings and constant, formula and sheet-scoped names stay byte for byte, and the results are readable", async () => {
    const input = folder.path("parts.xlsx");
    const output = folder.path("parts-results.xlsx");
    const before = await withUserParts(await contractPackage(ranges(smallCase())));
    writeFileSync(input, before);
    const run = await command("run", input, "--out", output);
    expect(run.err).toBe("");
    expect(run.code).toBe(exitCodes.ok);
    expect(readFileSync(input).equals(before)).toBe(true);
    const after = readFileSync(output);
    await expectUserEntriesKept(before, after);

    const workbook = await loadWorkbook(output);
    expect(sheetNames(workbook)).toEqual(
      expect.arrayContaining([
        "Partners",
        "Lines",
        "CBA Apportionment",
        "CBA Partners",
        "CBA Risks",
        "CBA Checks",
      ]),
    );
    expect(tableRecords(readTable(workbook, "CBA_Risks")).map((r) => [r["Score"], r["Band"]])).toEqual([
      [12, "Medium"],
      [4, "Low"],
    ]);
    const original = await loadWorkbook(input);
    for (const sheet of ["Partners", "Baseline", "Pools", "Lines", "Profiles", "Settings"])
      expect(sheetCells(workbook, sheet)).toEqual(sheetCells(original, sheet));
    // Risks keeps every cell but its Score and Band columns.
    const withoutResults = (cells: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(cells).filter(([address]) => !/^[FG]\d+$/.test(address) || address.endsWith("1")),
      );
    expect(withoutResults(sheetCells(workbook, "Risks"))).toEqual(
      withoutResults(sheetCells(original, "Risks")),
    );
  });

  test("running again replaces the result sheets in place and still keeps the user's parts", async () => {
    const input = folder.path("again.xlsx");
    const before = await withUserParts(await contractPackage(ranges(smallCase())));
    writeFileSync(input, before);
    expect((await command("run", input)).code).toBe(exitCodes.ok);
    const first = readFileSync(input);
    expect((await command("run", input)).code).toBe(exitCodes.ok);
    const second = readFileSync(input);
    await expectUserEntriesKept(before, second);
    // Same results, and no parts or styles pile up from run to run.
    const firstEntries = await packageEntries(first);
    const secondEntries = await packageEntries(second);
    expect([...secondEntries.keys()].sort()).toEqual([...firstEntries.keys()].sort());
    expect(secondEntries.get("xl/styles.xml")!.equals(firstEntries.get("xl/styles.xml")!)).toBe(true);
    const workbook = await loadWorkbook(input);
    expect(sheetNames(workbook).filter((name) => name === "CBA Partners")).toHaveLength(1);
  });

  test("an .xlsm keeps its macro project and its content type, and --out must stay .xlsm", async () => {
    const input = folder.path("macros.xlsm");
    const before = await withUserParts(await contractPackage(ranges(smallCase())), { macros: true });
    writeFileSync(input, before);
    const wrongKind = await command("run", input, "--out", folder.path("macros-results.xlsx"));
    expect(wrongKind.code).toBe(exitCodes.usage);
    expect(wrongKind.err).toContain("--out must end in .xlsm");
    const output = folder.path("macros-results.xlsm");
    const run = await command("run", input, "--out", output);
    expect(run.code).toBe(exitCodes.ok);
    const after = readFileSync(output);
    await expectUserEntriesKept(before, after);
    const entries = await packageEntries(after);
    expect(
      entries.get("xl/vbaProject.bin")!.equals((await packageEntries(before)).get("xl/vbaProject.bin")!),
    ).toBe(true);
    expect(entries.get("[Content_Types].xml")!.toString()).toContain(
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    );
  });

  test("tables without a style entry (as LibreOffice saves them) run in place without a crash, and the file is never emptied", async () => {
    const input = folder.path("libreoffice.xlsx");
    const before = await withoutTableStyles(await contractPackage(ranges(smallCase())));
    writeFileSync(input, before);
    const run = await command("run", input, "--out", input);
    expect(run.err).toBe("");
    expect(run.code).toBe(exitCodes.ok);
    const after = readFileSync(input);
    expect(after.length).toBeGreaterThan(before.length / 2);
    await expectUserEntriesKept(before, after);
    expect(sheetNames(await loadWorkbook(input))).toContain("CBA Checks");
  });
});
