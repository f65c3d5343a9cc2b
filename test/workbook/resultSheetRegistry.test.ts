/**
 * The result sheet registry is the one list of result sheets: these tests fail when an entry's
 * parts disagree (a sheet whose blocks take names it does not reserve, a sheet written for inputs
 * its `appliesTo` says it does not apply to), which used to fail silently.
 */
import ExcelJS from "exceljs";
import { readContract } from "../../src/workbook/contractReader";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { addInputRanges } from "../../src/workbook/excelJs/inputRangesWriter";
import { allInputRangeNames } from "../../src/workbook/inputContract";
import { fixedOutputNames, provenanceOutputNames, refreshOutputNames } from "../../src/workbook/outputNames";
import { productSheetsFor, refreshedSheetNames, simulationSheetName } from "../../src/workbook/productSheets";
import { refreshWorkbook } from "../../src/workbook/refreshWorkbook";
import { sectionSheets } from "../../src/workbook/refreshSections";
import { partnerBlockNames } from "../../src/workbook/resultSheets/partnersSheet";
import {
  refreshedResultSheets,
  resultSheetRegistry,
} from "../../src/workbook/resultSheets/resultSheetRegistry";
import { sampleWorkbooks } from "../../src/workbook/samples/sampleWorkbooks";

const lower = (names: readonly string[]) => names.map((name) => name.toLowerCase());

describe("the result sheet registry", () => {
  test("names every sheet once, the simulation's among none of the refreshed ones", () => {
    const names = lower(refreshedResultSheets.map((sheet) => sheet.name));
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain(simulationSheetName.toLowerCase());
    expect(lower(refreshedSheetNames).sort()).toEqual([...names].sort());
  });

  test("no two sheets reserve the same output name", () => {
    const reserved = lower(refreshOutputNames);
    expect(new Set(reserved).size).toBe(reserved.length);
  });

  test("each sheet is in one section, or rewritten with every section", () => {
    for (const sheet of refreshedResultSheets) {
      const sections = Object.values(sectionSheets).filter((names) => names.includes(sheet.name));
      expect(sections.length).toBe(sheet.section === "every" ? 0 : 1);
    }
  });

  test("the fixed output names are those of every sheet, without the partners' payback prefix", () => {
    expect(fixedOutputNames).toContain("CBA_Out_Shares");
    expect(fixedOutputNames).toContain("CBA_Out_SummaryNPV");
    expect(fixedOutputNames).not.toContain(partnerBlockNames.paybackPrefix);
    expect(provenanceOutputNames).toContain("CBA_Out_Partners_Provenance");
  });

  describe.each(sampleWorkbooks.map((sample) => [sample.name, sample] as const))(
    "a refresh of the %s example",
    (_, sample) => {
      let plan: NonNullable<Awaited<ReturnType<typeof refreshWorkbook>>["plan"]>;
      let applying: string[];
      beforeAll(async () => {
        const workbook = new ExcelJS.Workbook();
        addInputRanges(workbook, sample.ranges(), [sample.notes]);
        const port = new ExcelJsWorkbook(workbook);
        applying = productSheetsFor(readContract(await port.read(allInputRangeNames)).inputs);
        const report = await refreshWorkbook(port, { dryRun: true });
        expect(report.status).toBe("checked");
        plan = report.plan!;
      });

      test("writes exactly the sheets whose entries apply to its inputs, in registry order", () => {
        expect(plan.sheets.map((sheet) => sheet.name)).toEqual(applying);
      });

      test("gives every block a name its sheet reserves (or a partner's payback block)", () => {
        for (const sheet of plan.sheets) {
          const entry = refreshedResultSheets.find((definition) => definition.name === sheet.name)!;
          const reserved = lower([
            ...entry.outputNames,
            ...(entry.conditionalOutputNames?.names ?? []),
            ...provenanceOutputNames,
          ]);
          for (const block of sheet.blocks) {
            const ok =
              reserved.includes(block.name.toLowerCase()) ||
              (entry === resultSheetRegistry.partners &&
                block.name.startsWith(partnerBlockNames.paybackPrefix));
            expect([sheet.name, block.name, ok]).toEqual([sheet.name, block.name, true]);
          }
        }
      });
    },
  );
});
