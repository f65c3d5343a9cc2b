import ExcelJS from "exceljs";
import { addInputRanges } from "../../src/workbook/excelJs/inputRangesWriter";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { allProductSheetNames } from "../../src/workbook/productSheets";
import { refreshWorkbook } from "../../src/workbook/refreshWorkbook";
import { hampshireSampleNotes, hampshireSampleRanges } from "../../src/workbook/samples/hampshireSample";
import { ranges, smallCase } from "./smallCase";
import {
  loadWorkbook,
  readTable,
  refreshFile,
  sheetCells,
  sheetNames,
  tableRecords,
  temporaryFolderForThisFile,
  writeWorkbook,
} from "./workbookFiles";
import { writeHampshireSample } from "./hampshireSampleFiles";

const folder = temporaryFolderForThisFile();

/** The sheets a case without CBA_Scenarios gets; the Hampshire sample, with scenarios, gets all of them. */
const productSheets = ["CBA Summary", "CBA Apportionment", "CBA Partners", "CBA Risks", "CBA Checks"];

/** Every sheet's cells plus the workbook's names and tables: the whole visible content. */
function workbookContents(workbook: ExcelJS.Workbook) {
  return {
    sheets: sheetNames(workbook),
    cells: Object.fromEntries(sheetNames(workbook).map((name) => [name, sheetCells(workbook, name)])),
    names: workbook.definedNames.model.map((n) => `${n.name}=${n.ranges.join(",")}`).sort(),
    tables: workbook.worksheets.flatMap((sheet) =>
      (sheet.getTables() as unknown as { table: { name: string; tableRef: string } }[]).map(
        (t) => `${sheet.name}!${t.table.name}=${t.table.tableRef}`,
      ),
    ),
  };
}

describe("refreshing a workbook", () => {
  test("a refresh run twice gives identical output, replacing the previous results in place", async () => {
    await writeHampshireSample(folder.path("twice.xlsx"));
    // The same clock for both, so the provenance blocks' refresh times agree too.
    const now = () => new Date("2026-04-01T09:00:00Z");
    await refreshFile(folder.path("twice.xlsx"), folder.path("twice-1.xlsx"), { now });
    const second = await refreshFile(folder.path("twice-1.xlsx"), folder.path("twice-2.xlsx"), { now });
    expect(second.status).toBe("written");
    const first = workbookContents(await loadWorkbook(folder.path("twice-1.xlsx")));
    const again = workbookContents(await loadWorkbook(folder.path("twice-2.xlsx")));
    expect(first.sheets.filter((s) => allProductSheetNames.includes(s))).toEqual(allProductSheetNames);
    expect(again).toEqual(first);
  });

  test("user sheets are unchanged, except the Score and Band cells of CBA_Risks", async () => {
    await writeWorkbook(
      folder.path("user.xlsx"),
      hampshireSampleRanges(),
      [hampshireSampleNotes],
      (workbook) => {
        const mine = workbook.addWorksheet("My notes");
        mine.getCell("B2").value = "Board paper draft";
        mine.getCell("C3").value = 42;
        mine.getCell("D4").value = { formula: "C3*2", result: 84 };
      },
    );
    const before = await loadWorkbook(folder.path("user.xlsx"));
    await refreshFile(folder.path("user.xlsx"), folder.path("user-results.xlsx"));
    const after = await loadWorkbook(folder.path("user-results.xlsx"));
    const userSheets = sheetNames(before);
    expect(sheetNames(after).filter((s) => !allProductSheetNames.includes(s))).toEqual(userSheets);
    for (const sheet of userSheets) {
      const old = sheetCells(before, sheet);
      const now = sheetCells(after, sheet);
      if (sheet === "Risks") {
        // Columns I and J are Score and Band: the only user cells the product writes.
        const outsideScores = (cells: Record<string, unknown>) =>
          Object.fromEntries(
            Object.entries(cells).filter(([address]) => !/^[IJ]([2-9]|1[0-3])$/.test(address)),
          );
        expect(outsideScores(now)).toEqual(outsideScores(old));
        expect(now["I2"]).toBe(15);
        expect(now["J2"]).toBe("Medium");
      } else {
        expect({ sheet, cells: now }).toEqual({ sheet, cells: old });
      }
    }
  });

  test("a user sheet named 'CBA Partners' is never overwritten: the clash is an error and nothing is written", async () => {
    await writeWorkbook(folder.path("clash.xlsx"), hampshireSampleRanges(), [], (workbook) => {
      workbook.addWorksheet("CBA Partners").getCell("A1").value = "My own partner notes";
    });
    const port = await ExcelJsWorkbook.fromFile(folder.path("clash.xlsx"));
    const report = await refreshWorkbook(port);
    expect(report.status).toBe("invalid");
    expect(report.problems).toContainEqual(
      expect.objectContaining({ severity: "error", check: "Sheet name taken", cell: "'CBA Partners'!A1" }),
    );
    expect(sheetNames(port.workbook)).not.toContain("CBA Apportionment");
    expect(sheetCells(port.workbook, "CBA Partners")).toEqual({ A1: "My own partner notes" });
  });

  test("the ExcelJS adapter itself refuses to replace a sheet it does not own", async () => {
    await writeWorkbook(folder.path("refuse.xlsx"), [], [{ name: "CBA Checks", lines: ["mine"] }]);
    const port = await ExcelJsWorkbook.fromFile(folder.path("refuse.xlsx"));
    await expect(
      port.write({ sheets: [{ name: "CBA Checks", blocks: [], charts: [] }], cellUpdates: [] }),
    ).rejects.toThrow(/not created by this product/);
    expect(sheetCells(port.workbook, "CBA Checks")).toEqual({ A1: "mine" });
  });

  test("an input range on a result sheet is an error (the refresh would wipe it)", async () => {
    await writeWorkbook(folder.path("onresult.xlsx"), ranges(smallCase()));
    await refreshFile(folder.path("onresult.xlsx"), folder.path("onresult-1.xlsx"));
    const workbook = await loadWorkbook(folder.path("onresult-1.xlsx"));
    const checks = workbook.getWorksheet("CBA Checks")!;
    checks.getCell("H1").value = "Setting";
    checks.getCell("I1").value = "Value";
    checks.getCell("H2").value = "Seed";
    checks.getCell("I2").value = 7;
    // Move CBA_Settings onto the result sheet.
    workbook.definedNames.model = workbook.definedNames.model
      .filter((n) => n.name !== "CBA_Settings")
      .concat([{ name: "CBA_Settings", ranges: ["'CBA Checks'!$H$1:$I$2"] }]);
    await workbook.xlsx.writeFile(folder.path("onresult-2.xlsx"));
    const report = await refreshFile(folder.path("onresult-2.xlsx"), folder.path("onresult-3.xlsx"));
    expect(report.problems).toContainEqual(
      expect.objectContaining({ severity: "error", range: "CBA_Settings", check: "Input on a result sheet" }),
    );
  });

  test("an output name already used by a user's table is reported before writing", async () => {
    const small = smallCase();
    const taken = { ...small.partners, name: "CBA_Out_Shares", sheet: "Mine" };
    const { report } = await (async () => {
      await writeWorkbook(folder.path("taken.xlsx"), [...ranges(small), taken]);
      return { report: await refreshFile(folder.path("taken.xlsx"), folder.path("taken-results.xlsx")) };
    })();
    expect(report.status).toBe("invalid");
    expect(report.problems).toContainEqual(
      expect.objectContaining({ check: "Output name taken", cell: "Mine!A1", range: "CBA_Out_Shares" }),
    );
  });

  test("results sheets keep their place among the tabs when replaced", async () => {
    await writeWorkbook(folder.path("order.xlsx"), ranges(smallCase()));
    await refreshFile(folder.path("order.xlsx"), folder.path("order-1.xlsx"));
    const workbook = await loadWorkbook(folder.path("order-1.xlsx"));
    workbook.addWorksheet("Added later").getCell("A1").value = "after the results";
    await workbook.xlsx.writeFile(folder.path("order-2.xlsx"));
    await refreshFile(folder.path("order-2.xlsx"), folder.path("order-3.xlsx"));
    expect(sheetNames(await loadWorkbook(folder.path("order-3.xlsx")))).toEqual(sheetNames(workbook));
  });

  test("a product sheet whose inputs have gone is emptied, not left with stale results", async () => {
    await writeWorkbook(folder.path("stale.xlsx"), ranges(smallCase()));
    await refreshFile(folder.path("stale.xlsx"), folder.path("stale-1.xlsx"));
    const workbook = await loadWorkbook(folder.path("stale-1.xlsx"));
    workbook.getWorksheet("Lines")!.removeTable("CBA_Lines");
    await workbook.xlsx.writeFile(folder.path("stale-2.xlsx"));
    const report = await refreshFile(folder.path("stale-2.xlsx"), folder.path("stale-3.xlsx"));
    expect(report.status).toBe("written");
    const results = await loadWorkbook(folder.path("stale-3.xlsx"));
    expect(Object.values(sheetCells(results, "CBA Partners")).join(" ")).toMatch(/none of the inputs/);
    expect(() => readTable(results, "CBA_Out_Results")).toThrow();
  });

  test("a dry run checks and computes but writes nothing", async () => {
    await writeWorkbook(folder.path("dry.xlsx"), ranges(smallCase()));
    const port = await ExcelJsWorkbook.fromFile(folder.path("dry.xlsx"));
    const before = workbookContents(port.workbook);
    const report = await refreshWorkbook(port, { dryRun: true });
    expect(report.status).toBe("checked");
    expect(report.plan?.sheets.map((s) => s.name)).toEqual(productSheets);
    expect(workbookContents(port.workbook)).toEqual(before);
  });

  test("results follow the inputs: the small case's shares and parts", async () => {
    await writeWorkbook(folder.path("small.xlsx"), ranges(smallCase()));
    await refreshFile(folder.path("small.xlsx"), folder.path("small-results.xlsx"));
    const results = await loadWorkbook(folder.path("small-results.xlsx"));
    const shares = tableRecords(readTable(results, "CBA_Out_Shares"));
    expect(shares.map((s) => [s["Partner"], s["Applied share"]])).toEqual([
      ["CC", 0.75],
      ["FR", 0.25],
    ]);
    const parts = tableRecords(readTable(results, "CBA_Out_LineParts"));
    expect(parts.find((p) => p["Line"] === "System set-up" && p["Case"] === "Worst")).toMatchObject({
      CC: 90,
      FR: 30,
    });
  });
});

describe("settings", () => {
  test("'Green Book' as the discount rate uses the schedule: 3.5% a year within 30 years, so NPVs equal a flat 3.5%", async () => {
    const npvs = async (rate: string | number) => {
      const small = smallCase();
      small.settings.rows[3]![1] = rate;
      const workbook = new ExcelJS.Workbook();
      addInputRanges(workbook, ranges(small));
      const report = await refreshWorkbook(new ExcelJsWorkbook(workbook), { dryRun: true });
      return {
        npv: report.businessCase!.result.cases.flatMap((c) =>
          c.partners.map((p) => p.netPresentValue.toString()),
        ),
        used: report.plan!.sheets.find((s) => s.name === "CBA Checks")!.blocks[1]!.rows[0],
      };
    };
    const greenBook = await npvs("Green Book");
    expect(greenBook.npv).toEqual((await npvs(0.035)).npv);
    expect(greenBook.npv).not.toEqual((await npvs(0.05)).npv);
    expect(greenBook.used).toEqual([
      "Discount rate",
      expect.stringContaining("Green Book"),
      "workbook",
      "Settings!B5",
    ]);
  });

  test("a contingency in the settings adds a case derived from the last input case", async () => {
    const small = smallCase();
    small.settings.rows.push(["Contingency on costs", "25%"], ["Contingency on savings", 0.25]);
    const workbook = new ExcelJS.Workbook();
    addInputRanges(workbook, ranges(small));
    const report = await refreshWorkbook(new ExcelJsWorkbook(workbook), { dryRun: true });
    const cases = report.businessCase!.result.cases;
    expect(cases.map((c) => c.name)).toEqual(["Best", "Worst", "Worst + contingency"]);
    const programme = (name: string) => cases.find((c) => c.name === name)!.partners.at(-1)!;
    // Worst set-up 120 + 10 → costs +25% → 150 + 12.5 rounded to 13; savings −40 → −30.
    expect(programme("Worst + contingency").setUp.total.toNumber()).toBe(163);
    expect(programme("Worst + contingency").annual.total.toNumber()).toBe(-30);
  });
});
