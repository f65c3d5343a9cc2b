/**
 * The blank template written into a new .xlsx through the ExcelJS adapter, saved and opened again:
 * what a user who starts from it finds. (The same template through Office.js is checked in
 * test/taskpane/officeWorkbookActions.test.ts.)
 */
import ExcelJS from "exceljs";
import { parseCellAddress } from "../../src/workbook/cellAddress";
import { readContract } from "../../src/workbook/contractReader";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { allInputRangeNames, inputRangeNames, settingDefaults } from "../../src/workbook/inputContract";
import { refreshWorkbook } from "../../src/workbook/refreshWorkbook";
import { blankTemplateNotes, blankTemplateRanges } from "../../src/workbook/samples/blankTemplate";
import { loadWorkbook, sheetNames, temporaryFolder } from "./workbookFiles";

const folder = temporaryFolder();
afterAll(() => folder.remove());

let file: string;
beforeAll(async () => {
  file = folder.path("template.xlsx");
  const port = new ExcelJsWorkbook(new ExcelJS.Workbook());
  await port.addInputRanges(blankTemplateRanges(), [blankTemplateNotes]);
  await port.saveAs(file);
});

describe("the blank template", () => {
  test("has every input range a case needs, each on its own sheet after the Start here sheet", async () => {
    const snapshot = await (await ExcelJsWorkbook.fromFile(file)).read(allInputRangeNames);
    const optionalExtras: string[] = [inputRangeNames.baselineFte, inputRangeNames.scenarios];
    expect([...snapshot.ranges.values()].map((range) => range.name).sort()).toEqual(
      allInputRangeNames.filter((name) => !optionalExtras.includes(name)).sort(),
    );
    expect(sheetNames(await loadWorkbook(file))).toEqual([
      "Start here",
      "Partners",
      "Baseline",
      "Pools",
      "Lines",
      "Beneficiaries",
      "Profiles",
      "Settings",
      "Risks",
      "Published",
    ]);
  });

  test("puts a bold instruction line above every range, in column A two rows up, saying what goes in it", async () => {
    const workbook = await loadWorkbook(file);
    expect(workbook.getWorksheet("Lines")!.getCell("A1").value).toMatch(/^Costs positive, savings negative/);
    for (const spec of blankTemplateRanges()) {
      const line = workbook.getWorksheet(spec.sheet)!.getCell(parseCellAddress(spec.topLeft).row - 2, 1);
      expect({ range: spec.name, text: line.value, bold: line.font?.bold }).toEqual({
        range: spec.name,
        text: expect.stringMatching(/\w/),
        bold: true,
      });
      expect(line.value).toBe(spec.instruction);
    }
  });

  test("stores the contract's default settings in the workbook, so they read back from its cells", async () => {
    const snapshot = await (await ExcelJsWorkbook.fromFile(file)).read(allInputRangeNames);
    const settings = readContract(snapshot).inputs.settings;
    expect(settings.discountRate.kind === "single" && settings.discountRate.rate.toString()).toBe(
      settingDefaults.discountRate,
    );
    expect(settings.horizonYears).toBe(settingDefaults.horizonYears);
    expect(settings.unitLabel).toBe(settingDefaults.unitLabel);
    expect(settings.roundingUnit.toString()).toBe(settingDefaults.roundingUnit);
    expect(settings.riskBands).toMatchObject({
      thresholds: [...settingDefaults.riskBandThresholds],
      labels: [...settingDefaults.riskBandLabels],
    });
    expect([...settings.cells.keys()]).toEqual(
      expect.arrayContaining(["discountRate", "horizonYears", "unitLabel", "roundingUnit"]),
    );
  });

  test("opens on the Start here sheet", async () => {
    const workbook = await loadWorkbook(file);
    expect(workbook.views[0]?.activeTab).toBe(0);
  });

  test("refreshed untouched, it is refused for want of partners and nothing is written", async () => {
    const port = await ExcelJsWorkbook.fromFile(file);
    const report = await refreshWorkbook(port);
    expect(report.status).toBe("invalid");
    expect(report.problems.filter((problem) => problem.severity === "error")).toEqual([
      expect.objectContaining({ range: inputRangeNames.partners, cell: "Partners!A3" }),
    ]);
    expect((await port.read([])).sheets.some((sheet) => sheet.ownedByProduct)).toBe(false);
  });
});
