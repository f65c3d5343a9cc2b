/**
 * The Hampshire example as a workbook for the Risk analysis tests: an in-memory ExcelJS workbook
 * behind a port that records every read and write, and a copy function that does to a message
 * what `postMessage` does (Node's v8 serialiser is the structured clone algorithm).
 */
import { deserialize, serialize } from "node:v8";
import ExcelJS from "exceljs";
import { addInputRanges } from "../../src/workbook/excelJs/inputRangesWriter";
import { ExcelJsWorkbook } from "../../src/workbook/excelJs/excelJsWorkbook";
import { hampshireSampleNotes, hampshireSampleRanges } from "../../src/workbook/samples/hampshireSample";
import type {
  InputRangeSpec,
  WorkbookReadWrite,
  WorkbookSnapshot,
  WritePlan,
} from "../../src/workbook/workbookPort";

export class RecordingPort implements WorkbookReadWrite {
  readonly reads: string[][] = [];
  readonly writes: WritePlan[] = [];

  constructor(readonly inner: ExcelJsWorkbook) {}

  read(names: readonly string[]): Promise<WorkbookSnapshot> {
    this.reads.push([...names]);
    return this.inner.read(names);
  }

  write(plan: WritePlan): Promise<void> {
    this.writes.push(plan);
    return this.inner.write(plan);
  }
}

/** The Hampshire example's input sheets, optionally changed first (e.g. a broken cell). */
export function hampshireWorkbook(change?: (ranges: InputRangeSpec[]) => void): {
  workbook: ExcelJS.Workbook;
  port: RecordingPort;
} {
  // A deep copy: the sample's rows may be shared between calls, and a test's change must not leak.
  const ranges = JSON.parse(JSON.stringify(hampshireSampleRanges())) as InputRangeSpec[];
  change?.(ranges);
  const workbook = new ExcelJS.Workbook();
  addInputRanges(workbook, ranges, [hampshireSampleNotes]);
  return { workbook, port: new RecordingPort(new ExcelJsWorkbook(workbook)) };
}

/** Every non-blank cell of a sheet by address, as written. */
export function sheetValues(workbook: ExcelJS.Workbook, name: string): Record<string, unknown> {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet named ${name}`);
  const cells: Record<string, unknown> = {};
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      cells[cell.address] = cell.value;
    }),
  );
  return cells;
}

/** What `postMessage` does to a message: the structured clone algorithm (drops classes, refuses functions). */
export function copyLikePostMessage<T>(message: T): T {
  return deserialize(serialize(message)) as T;
}
