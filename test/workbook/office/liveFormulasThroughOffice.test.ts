import { refreshWorkbook } from "../../../src/workbook/refreshWorkbook";
import { SimulatedExcel } from "../../simulatedExcel";
import { parseRectangle } from "../../simulatedExcel/simulatedAddresses";
import { hampshireWorkbook } from "./hampshireWorkbook";
import { officeWorkbookOn } from "./officeWorkbookFixtures";

describe("live formulas through the Office.js adapter", () => {
  it("writes risk scores and bands as formulas, in the same two syncs, and Excel keeps them current", async () => {
    const host = SimulatedExcel.fromDescription(hampshireWorkbook(10));
    const report = await refreshWorkbook(officeWorkbookOn(host));
    expect(report.status).toBe("written");
    expect(host.statistics).toMatchObject({ runs: 2, syncCalls: 4 });

    // BP1 sits in row 2 of CBA_Risks: likelihood 3 (D2), impact 5 (E2), Score I2, Band J2.
    expect(host.workbook.formulasAt("Risks", "I2:J2")).toEqual([
      ["=D2*E2", '=IF(I2<=10,"Low",IF(I2<=15,"Medium","High"))'],
    ]);
    expect(host.workbook.valuesAt("Risks", "I2:J2")).toEqual([[15, "Medium"]]);
    // On CBA Risks the ratings refer to the register and the score to them.
    expect(host.workbook.formulasAt("CBA Risks", "D3:G3")).toEqual([
      // Excel drops the quotes a plain sheet name does not need.
      ["=Risks!$D$2", "=Risks!$E$2", "=D3*E3", '=IF(F3<=10,"Low",IF(F3<=15,"Medium","High"))'],
    ]);

    // The user raises the likelihood to 5: the host recalculates, no refresh needed.
    host.workbook.writeValues(host.workbook.requireSheet("Risks"), parseRectangle("D2"), [[5]]);
    expect(host.workbook.valuesAt("Risks", "I2:J2")).toEqual([[25, "High"]]);
    expect(host.workbook.valuesAt("CBA Risks", "F3:G3")).toEqual([[25, "High"]]);
  });

  it("a values-only refresh writes the same figures with no formula", async () => {
    const host = SimulatedExcel.fromDescription(hampshireWorkbook(10));
    await refreshWorkbook(officeWorkbookOn(host), { valuesOnly: true });
    expect(host.workbook.formulasAt("Risks", "I2:J2")).toEqual([[15, "Medium"]]);
    expect(host.workbook.formulasAt("CBA Risks", "F3:G3")).toEqual([[15, "Medium"]]);
  });
});
