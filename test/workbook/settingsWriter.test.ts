import { type CaseSettingsValues, settingsUpdates } from "../../src/workbook/settingsWriter";
import type { CellValue, WorkbookSnapshot } from "../../src/workbook/workbookPort";

const settings: CaseSettingsValues = {
  discountRate: 0.06,
  horizonYears: 8,
  roundingUnit: 1,
  riskBands: { thresholds: [10, 15], labels: ["Low", "Medium", "High"] },
  contingency: { costIncrease: 0.25, savingDecrease: 0 },
};

function snapshotWithSettings(values: CellValue[][]): WorkbookSnapshot {
  return {
    ranges: new Map([["CBA_SETTINGS", { name: "CBA_Settings", sheet: "Set up", topLeft: "B2", values }]]),
    sheets: [{ name: "Set up", ownedByProduct: false }],
  };
}

describe("storing settings in CBA_Settings", () => {
  test("each setting goes into the Value cell of its own row, found by its label in any order", () => {
    const updates = settingsUpdates(
      snapshotWithSettings([
        ["Value", "Setting"],
        [10, "Horizon"],
        [0.035, "Discount rate"],
        [1, "Rounding unit"],
        ["10, 15", "Risk band thresholds"],
        ["Low, Medium, High", "Risk band labels"],
        [null, "Contingency on costs"],
        [null, "Contingency on savings"],
      ]),
      settings,
    );
    const byCell = Object.fromEntries(updates.map((u) => [`${u.sheet}!${u.topLeft}`, u.values[0]![0]]));
    expect(byCell).toEqual({
      "Set up!B3": 8,
      "Set up!B4": 0.06,
      "Set up!B5": 1,
      "Set up!B6": "10, 15",
      "Set up!B7": "Low, Medium, High",
      "Set up!B8": 0.25,
      "Set up!B9": 0,
    });
  });

  test("a setting without a row is written, label and value, into a blank row inside the range", () => {
    const updates = settingsUpdates(
      snapshotWithSettings([
        ["Setting", "Value"],
        ["Discount rate", 0.035],
        ["Horizon", 10],
        ["Rounding unit", 1],
        ["Risk band thresholds", "10, 15"],
        ["Risk band labels", "Low, Medium, High"],
        ["Contingency on costs", 0.1],
        [null, null],
      ]),
      settings,
    );
    expect(
      updates.filter((u) => u.topLeft === "B9" || u.topLeft === "C9").map((u) => u.values[0]![0]),
    ).toEqual(["Contingency on savings", 0]);
  });

  test("with no row and no blank row the save is refused, naming the settings, before anything is written", () => {
    expect(() =>
      settingsUpdates(
        snapshotWithSettings([
          ["Setting", "Value"],
          ["Discount rate", 0.035],
        ]),
        settings,
      ),
    ).toThrow(
      /no row for Horizon years, Rounding unit, Risk band thresholds, Risk band labels, Contingency on costs, Contingency on savings/,
    );
  });

  test("a range without Setting and Value headers is refused", () => {
    expect(() => settingsUpdates(snapshotWithSettings([["Name", "Amount"]]), settings)).toThrow(
      /Setting column and a Value column/,
    );
  });
});
