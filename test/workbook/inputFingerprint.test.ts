import ExcelJS from "exceljs";
import fc from "fast-check";
import "../fastCheckSeed";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { addInputRanges } from "../../src/workbook/excelJs/inputRangesWriter";
import { fnv1a64, inputFingerprint } from "../../src/workbook/inputFingerprint";
import { allInputRangeNames, inputRangeNames } from "../../src/workbook/inputContract";
import { refreshWorkbook } from "../../src/workbook/refreshWorkbook";
import { hampshireSampleNotes, hampshireSampleRanges } from "../../src/workbook/samples/hampshireSample";
import type { CellValue, NamedRangeData, WorkbookSnapshot } from "../../src/workbook/workbookPort";

function hampshirePort(): ExcelJsWorkbook {
  const workbook = new ExcelJS.Workbook();
  addInputRanges(workbook, hampshireSampleRanges(), [hampshireSampleNotes]);
  return new ExcelJsWorkbook(workbook);
}

function copyOf(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return structuredClone(snapshot);
}

function withCell(snapshot: WorkbookSnapshot, key: string, row: number, column: number, value: CellValue) {
  const changed = copyOf(snapshot);
  const range = changed.ranges.get(key)!;
  range.values[row]![column] = value;
  return changed;
}

let hampshire: WorkbookSnapshot;

beforeAll(async () => {
  hampshire = await hampshirePort().read(allInputRangeNames);
});

describe("fnv1a64", () => {
  test("matches the published FNV-1a 64-bit test vectors", () => {
    // From the FNV reference test suite (Landon Curt Noll's fnv test vectors).
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
  });
});

describe("the input fingerprint", () => {
  test("is the same for the same inputs: read twice, from two copies of the workbook, or a deep copy", async () => {
    const again = await hampshirePort().read(allInputRangeNames);
    expect(inputFingerprint(again)).toBe(inputFingerprint(hampshire));
    expect(inputFingerprint(copyOf(hampshire))).toBe(inputFingerprint(hampshire));
    expect(inputFingerprint(hampshire)).toMatch(/^[0-9a-f]{16}$/);
  });

  test("changes when any input cell changes (every cell but a risk's Score and Band, which the product writes)", () => {
    const cells: { key: string; row: number; column: number }[] = [];
    for (const [key, range] of hampshire.ranges) {
      const header = range.values[0] ?? [];
      range.values.forEach((row, r) =>
        row.forEach((_, c) => {
          const written = key === "CBA_RISKS" && r > 0 && ["Score", "Band"].includes(String(header[c]));
          if (!written) cells.push({ key, row: r, column: c });
        }),
      );
    }
    const original = inputFingerprint(hampshire);
    fc.assert(
      fc.property(
        fc.constantFrom(...cells),
        fc.oneof(
          fc.string(),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.boolean(),
          fc.constant(null),
        ),
        ({ key, row, column }, value) => {
          const before = hampshire.ranges.get(key)!.values[row]![column] ?? null;
          fc.pre(!Object.is(before, value) && !(before === 0 && value === 0));
          expect(inputFingerprint(withCell(hampshire, key, row, column, value))).not.toBe(original);
        },
      ),
    );
  });

  test("tells a number from the same digits typed as text, and notices a range moved", () => {
    const lines = hampshire.ranges.get("CBA_LINES")!;
    const numberAt = lines.values[1]!.findIndex((value) => typeof value === "number");
    const asText = withCell(hampshire, "CBA_LINES", 1, numberAt, String(lines.values[1]![numberAt]));
    expect(inputFingerprint(asText)).not.toBe(inputFingerprint(hampshire));
    const moved = copyOf(hampshire);
    moved.ranges.get("CBA_LINES")!.topLeft = "B2";
    expect(inputFingerprint(moved)).not.toBe(inputFingerprint(hampshire));
  });

  test("ignores the product's own sheets and the names on them", () => {
    const withOutputs = copyOf(hampshire);
    withOutputs.sheets.push({ name: "CBA Checks", ownedByProduct: true });
    const output: NamedRangeData = {
      name: "CBA_Out_Warnings",
      sheet: "CBA Checks",
      topLeft: "A2",
      values: [["x"]],
    };
    withOutputs.ranges.set("CBA_OUT_WARNINGS", output);
    expect(inputFingerprint(withOutputs)).toBe(inputFingerprint(hampshire));

    // An input range sitting on a product sheet is an error elsewhere; here it counts as absent.
    const key = inputRangeNames.scenarios.toUpperCase();
    const onOwnedSheet = copyOf(withOutputs);
    onOwnedSheet.ranges.get(key)!.sheet = "cba checks";
    const absent = copyOf(withOutputs);
    absent.ranges.delete(key);
    expect(inputFingerprint(onOwnedSheet)).toBe(inputFingerprint(absent));
    expect(inputFingerprint(absent)).not.toBe(inputFingerprint(hampshire));
  });

  test("is unchanged by a refresh, which writes result sheets and the Score and Band of CBA_Risks", async () => {
    const port = hampshirePort();
    const before = await port.read(allInputRangeNames);
    const report = await refreshWorkbook(port);
    expect(report.status).toBe("written");
    const after = await port.read(allInputRangeNames);
    expect(after.ranges.get("CBA_RISKS")!.values).not.toEqual(before.ranges.get("CBA_RISKS")!.values);
    expect(inputFingerprint(after)).toBe(inputFingerprint(before));
    expect(report.inputFingerprint).toBe(inputFingerprint(before));
  });
});
