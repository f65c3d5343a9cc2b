import { readFileSync, writeFileSync } from "node:fs";
import JSZip from "jszip";
import { exitCodes } from "../../src/cli/commands";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { refreshWorkbook } from "../../src/workbook/refreshWorkbook";
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

describe("the graft's edges", () => {
  /** The small case with a calculation chain, and formulas in the Risks sheet at the given cells. */
  async function withFormulas(cells: string[]): Promise<Buffer> {
    const zip = await JSZip.loadAsync(await contractPackage(ranges(smallCase())));
    const risks = await sheetPartOf(zip, "Risks");
    let xml = await zip.file(risks)!.async("string");
    for (const cell of cells) {
      const formula = `<c r="${cell}"><f>C2*D2</f><v>12</v></c>`;
      const existing = new RegExp(`<c r="${cell}"[^>]*?(/>|>[\\s\\S]*?</c>)`);
      // A blank cell may be missing from the part: it then goes after the row's E cell.
      xml = existing.test(xml)
        ? xml.replace(existing, formula)
        : xml.replace(/(<c r="E2"[^>]*?(?:\/>|>[\s\S]*?<\/c>))/, `$1${formula}`);
    }
    zip.file(risks, xml);
    zip.file(
      "xl/calcChain.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${cells.map((c) => `<c r="${c}" i="7"/>`).join("")}</calcChain>`,
    );
    let types = await zip.file("[Content_Types].xml")!.async("string");
    types = types.replace(
      "</Types>",
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
    );
    zip.file("[Content_Types].xml", types);
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file(
      "xl/_rels/workbook.xml.rels",
      rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdChain" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
      ),
    );
    return zip.generateAsync({ type: "nodebuffer" });
  }

  test("the calculation chain is kept unless a cell the run overwrites held a formula", async () => {
    const elsewhere = folder.path("formula-elsewhere.xlsx");
    writeFileSync(elsewhere, await withFormulas(["H2"]));
    expect((await command("run", elsewhere)).code).toBe(exitCodes.ok);
    expect((await packageEntries(readFileSync(elsewhere))).has("xl/calcChain.xml")).toBe(true);

    const overwritten = folder.path("formula-overwritten.xlsx");
    writeFileSync(overwritten, await withFormulas(["F2"]));
    expect((await command("run", overwritten)).code).toBe(exitCodes.ok);
    const entries = await packageEntries(readFileSync(overwritten));
    expect(entries.has("xl/calcChain.xml")).toBe(false);
    expect(entries.get("[Content_Types].xml")!.toString()).not.toContain("calcChain");
    expect(entries.get("xl/_rels/workbook.xml.rels")!.toString()).not.toContain("calcChain");
    expect(entries.get("xl/workbook.xml")!.toString()).toContain('fullCalcOnLoad="1"');
    const workbook = await loadWorkbook(overwritten);
    expect(tableRecords(readTable(workbook, "CBA_Risks")).map((r) => r["Score"])).toEqual([12, 4]);
  });

  test("parts added to the result package (as the chart writer adds drawings) are carried into the user's file", async () => {
    const file = folder.path("added-parts.xlsx");
    writeFileSync(file, await contractPackage(ranges(smallCase())));
    const port = await ExcelJsWorkbook.fromFile(file, {
      addToResults: async (bytes) => {
        const zip = await JSZip.loadAsync(bytes);
        zip.file("xl/media/image1.png", Buffer.from("not really a picture"));
        zip.file(
          "xl/worksheets/_rels/sheet1.xml.rels",
          (await zip.file("xl/worksheets/_rels/sheet1.xml.rels")?.async("string"))?.replace(
            "</Relationships>",
            '<Relationship Id="rIdPicture" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/></Relationships>',
          ) ?? "",
        );
        let types = await zip.file("[Content_Types].xml")!.async("string");
        types = types.replace("</Types>", '<Default Extension="png" ContentType="image/png"/></Types>');
        zip.file("[Content_Types].xml", types);
        return zip.generateAsync({ type: "nodebuffer" });
      },
    });
    await refreshWorkbook(port);
    await port.saveAs(file);
    const entries = await packageEntries(readFileSync(file));
    const media = [...entries.keys()].filter((path) => path.startsWith("xl/media/"));
    expect(media).toHaveLength(1);
    expect(entries.get(media[0]!)!.toString()).toBe("not really a picture");
    expect(entries.get("[Content_Types].xml")!.toString()).toContain(
      '<Default Extension="png" ContentType="image/png"/>',
    );
  });
});
