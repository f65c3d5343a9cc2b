import fc from "fast-check";
import { allProductSheetNames, productSheetNames } from "../../src/workbook/productSheets";
import { planForSection, type RefreshSection, sectionSheets } from "../../src/workbook/refreshSections";
import type { CellUpdate, OwnedSheet, WritePlan } from "../../src/workbook/workbookPort";

function owned(name: string): OwnedSheet {
  return { name, blocks: [], charts: [] };
}

const riskScores: CellUpdate = { sheet: "Risks", topLeft: "I2", values: [[15, "Medium"]] };

/** A plan as a refresh of the given result sheets makes it, with the risk register's write-back. */
function planOf(sheets: readonly string[]): WritePlan {
  return { sheets: sheets.map(owned), cellUpdates: [riskScores] };
}

const sections = Object.keys(sectionSheets) as Exclude<RefreshSection, "all">[];

describe("which sheets a section refresh writes", () => {
  test("a full refresh writes the whole plan", () => {
    const plan = planOf(allProductSheetNames);
    expect(planForSection(plan, "all")).toBe(plan);
  });

  test("the risk register writes the summary, risk and checks sheets and the Score and Band cells", () => {
    expect(planForSection(planOf(allProductSheetNames), "risks")).toEqual({
      sheets: [
        owned(productSheetNames.summary),
        owned(productSheetNames.risks),
        owned(productSheetNames.checks),
      ],
      cellUpdates: [riskScores],
    });
  });

  test("partner results write the summary, partner, scenario and checks sheets and no input cells", () => {
    expect(planForSection(planOf(allProductSheetNames), "partners")).toEqual({
      sheets: [
        owned(productSheetNames.summary),
        owned(productSheetNames.partners),
        owned(productSheetNames.scenarios),
        owned(productSheetNames.checks),
      ],
      cellUpdates: [],
    });
  });

  test("sheet names match without regard to case, as Excel's do", () => {
    const planned = planForSection(planOf(["cba apportionment", "CBA CHECKS"]), "apportionment");
    expect(planned?.sheets.map((sheet) => sheet.name)).toEqual(["cba apportionment", "CBA CHECKS"]);
  });

  test("a section whose sheets the plan lacks (no inputs for it) gives no plan at all", () => {
    const withoutRisks = allProductSheetNames.filter((name) => name !== productSheetNames.risks);
    expect(planForSection(planOf(withoutRisks), "risks")).toBeUndefined();
  });

  test("whatever sheets the plan holds, a section keeps exactly its own, the summary and the checks sheet, in plan order", () => {
    fc.assert(
      fc.property(
        fc.subarray([...allProductSheetNames, "CBA Simulation"]),
        fc.constantFrom(...sections),
        (sheets, section) => {
          const planned = planForSection(planOf(sheets), section);
          const own = sheets.filter((name) => sectionSheets[section].includes(name));
          if (own.length === 0) {
            expect(planned).toBeUndefined();
            return;
          }
          expect(planned?.sheets.map((sheet) => sheet.name)).toEqual(
            sheets.filter(
              (name) =>
                own.includes(name) || name === productSheetNames.checks || name === productSheetNames.summary,
            ),
          );
          expect(planned?.cellUpdates).toEqual(section === "risks" ? [riskScores] : []);
        },
      ),
    );
  });
});
