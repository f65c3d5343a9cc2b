/**
 * Result sheets are cleared and rewritten in place, never deleted and re-added: the sheet object,
 * its position and the users' references to it survive a write; recalculation waits while writing.
 */
import { WorkbookWriteError } from "../../../src/workbook/office/writePlanLayout";
import type { WorkbookDescription } from "../../simulatedExcel";
import { SimulatedExcel } from "../../simulatedExcel";
import {
  officeWorkbookOn,
  ownedBy,
  partnersSheet,
  resultPlan,
  risksSheet,
  userWorkbook,
} from "./officeWorkbookFixtures";

/** The user's workbook after an earlier refresh, with a summary sheet that refers to the results. */
function workbookWithReferences(): WorkbookDescription {
  const description = userWorkbook(3);
  description.sheets = {
    Inputs: description.sheets.Inputs!,
    [partnersSheet]: { A1: "stale", B4: 0.5, Z99: "stale" },
    Summary: [["HCC share"], ["HCC share, absolute"]],
    Risks: description.sheets.Risks!,
    Notes: description.sheets.Notes!,
  };
  description.names = {
    ...description.names,
    ...ownedBy([partnersSheet]),
    MyShare: `'${partnersSheet}'!$B$4`,
    CBA_Out_Retired: `'${partnersSheet}'!$A$20:$B$22`,
  };
  description.tables = { ...description.tables, CBA_Out_OldTable: `'${partnersSheet}'!D20:E22` };
  description.formulas = { Summary: { B1: `='${partnersSheet}'!B4`, B2: `='${partnersSheet}'!$B$4` } };
  return description;
}

describe("a result sheet that exists is cleared and rewritten in place", () => {
  it("keeps the sheet object and its position, so a user's formula that refers to it still works (no #REF!)", async () => {
    const host = SimulatedExcel.fromDescription(workbookWithReferences());
    const before = host.workbook.findSheet(partnersSheet)!;
    const order = host.workbook.sheetNames();
    await officeWorkbookOn(host).write(resultPlan(4));

    expect(host.workbook.findSheet(partnersSheet)).toBe(before);
    expect(host.workbook.sheetNames().slice(0, order.length)).toEqual(order);
    expect(host.workbook.formulasAt("Summary", "B1:B2")).toEqual([
      [`='${partnersSheet}'!B4`],
      [`='${partnersSheet}'!$B$4`],
    ]);
    // B4 is HCC's share in the rewritten sheet.
    expect(host.workbook.valuesAt("Summary", "B1:B2")).toEqual([[0.73], [0.73]]);
    expect(host.workbook.describe().names.MyShare).toBe(`'${partnersSheet}'!$B$4`);
  });

  it("a second write follows the new figures through the same references", async () => {
    const host = SimulatedExcel.fromDescription(workbookWithReferences());
    const port = officeWorkbookOn(host);
    await port.write(resultPlan(4));
    const plan = resultPlan(4);
    plan.sheets[0]!.blocks[0]!.rows[0] = ["HCC", 0.7, "2012/11"];
    await port.write(plan);
    expect(host.workbook.valuesAt("Summary", "B1")).toEqual([[0.7]]);
  });

  it("leaves none of the earlier contents, tables, charts or product names on the sheet", async () => {
    const host = SimulatedExcel.fromDescription(workbookWithReferences());
    const port = officeWorkbookOn(host);
    await port.write(resultPlan(4));
    await port.write(resultPlan(2));
    const dump = host.workbook.describe();
    expect(host.workbook.valuesAt(partnersSheet, "Z99")).toEqual([[null]]);
    expect(dump.sheets[partnersSheet]).toHaveLength(8 + 3);
    expect(dump.tables.CBA_Out_OldTable).toBeUndefined();
    expect(dump.names.CBA_Out_Retired).toBeUndefined();
    expect(dump.charts[partnersSheet]).toHaveLength(1);
    expect(Object.values(dump.names).filter((formula) => formula.includes("#REF!"))).toEqual([]);
    const markers = Object.entries(dump.names).filter(([name]) => name.startsWith("CBA_Owned_"));
    expect(markers.sort()).toEqual([
      ["CBA_Owned_1", `'${partnersSheet}'!$A$1`],
      ["CBA_Owned_2", `'${risksSheet}'!$A$1`],
    ]);
  });

  it("still refuses, writing nothing, when a sheet of that name is the user's", async () => {
    const description = workbookWithReferences();
    description.names = { ...description.names };
    delete description.names.CBA_Owned_1;
    const host = SimulatedExcel.fromDescription(description);
    const before = host.workbook.describe();
    await expect(officeWorkbookOn(host).write(resultPlan(3))).rejects.toThrow(WorkbookWriteError);
    expect(host.workbook.describe()).toEqual(before);
  });
});

describe("recalculation while writing", () => {
  it("is suspended for the request that writes, so no cell changes while Excel recalculates", async () => {
    const host = SimulatedExcel.fromDescription(workbookWithReferences());
    await officeWorkbookOn(host).write(resultPlan(6));
    expect(host.statistics).toMatchObject({
      requestsWithCalculationSuspended: 1,
      cellWritesWhileCalculating: 0,
    });
  });

  it("is left alone on a host without ExcelApi 1.6, which writes as before", async () => {
    const host = SimulatedExcel.fromDescription(workbookWithReferences());
    host.excelApiVersion = "1.5";
    await officeWorkbookOn(host).write(resultPlan(6));
    expect(host.statistics.requestsWithCalculationSuspended).toBe(0);
    expect(host.statistics.cellWritesWhileCalculating).toBeGreaterThan(0);
    expect(host.workbook.valuesAt("Summary", "B1")).toEqual([[0.73]]);
  });
});
