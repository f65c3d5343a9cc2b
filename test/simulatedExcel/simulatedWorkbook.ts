/**
 * The in-memory workbook behind the simulated Excel host: sheets of cells, workbook-scoped names,
 * tables and charts, with the rules Excel enforces on them (unique names across names and tables,
 * valid sheet names, tables that may not overlap, the last visible sheet cannot be deleted, names
 * and formulas pointing at a deleted sheet become #REF! while a renamed sheet's references follow
 * it, strings written to cells are read as if typed).
 *
 * Tests seed it from a plain description and dump it back; the Office.js-shaped proxies in
 * simulatedExcelApi.ts are the only way the adapter reaches it.
 */
import {
  type CellRectangle,
  cellName,
  checkDefinedName,
  checkSheetName,
  formatRectangle,
  gridColumns,
  gridRows,
  parseRectangle,
  sameName,
  sheetPrefix,
  splitSheetQualified,
} from "./simulatedAddresses";
import { type EvaluatedValue, evaluateFormula } from "../formulaEvaluation/formulaEvaluator";
import { SimulatedOfficeError } from "./simulatedOfficeError";
import { type StoredValue, asTypedIntoText, interpretTypedText } from "./typedInput";

/** A cell value in descriptions and dumps: blanks are null. */
export type DescribedValue = string | number | boolean | null;

/** Cells of one sheet: a 2-D array starting at A1, or a map from A1 addresses to values. */
export type DescribedCells = DescribedValue[][] | Record<string, DescribedValue>;

export interface WorkbookDescription {
  /** Sheets in tab order. */
  sheets: Record<string, DescribedCells>;
  /** Workbook-scoped names: "Sheet!A1:C4", "'My Sheet'!$B$2" or a constant such as "=0.035". */
  names?: Record<string, string>;
  /** Tables by name: "Sheet!A1:C4", header row first. */
  tables?: Record<string, string>;
  /** Number formats other than General: sheet → A1 address → format. */
  numberFormats?: Record<string, Record<string, string>>;
  /**
   * A user's formulas: sheet → A1 address → a reference to one cell, such as
   * "='CBA Partners'!C5" or "=B2" (the only formulas the simulated host evaluates).
   */
  formulas?: Record<string, Record<string, string>>;
}

export interface ChartRecord {
  name: string;
  /** Excel.ChartType as asked, e.g. "ColumnClustered". */
  type: string;
  /** Source data address at the time the chart was added, e.g. "Results!A3:D8". */
  source: string;
  seriesBy: string;
  title: string;
  /** Cells given to setPosition, if it was called. */
  topLeft?: string;
  bottomRight?: string;
}

export interface WorkbookDump extends Required<WorkbookDescription> {
  /** Sheet names in tab order (object keys alone lose the order of names such as "2024"). */
  sheetOrder: string[];
  /** Values trimmed to the used area from A1; blanks are null. */
  sheets: Record<string, DescribedValue[][]>;
  fills: Record<string, Record<string, string>>;
  bold: Record<string, string[]>;
  charts: Record<string, ChartRecord[]>;
}

/** A formula referring to one cell; `sheet` null once that sheet has been deleted (#REF!). */
export interface CellReferenceFormula {
  sheet: SimulatedSheet | null;
  row: number;
  column: number;
  absolute: boolean;
  /** Written with its sheet name ("='CBA Partners'!C5") rather than on its own sheet ("=C5"). */
  qualified: boolean;
}

interface StoredCell {
  value?: StoredValue;
  formula?: CellReferenceFormula;
  /**
   * Any other formula ("=E5*F5", "=NPV(…)"), kept as written and evaluated on read by an engine
   * independent of the product (test/formulaEvaluation). Its references do not follow renamed or
   * deleted sheets, unlike `formula`'s.
   */
  expression?: string;
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export class SimulatedSheet {
  deleted = false;
  visibility: SheetVisibility = "Visible";
  readonly charts: ChartRecord[] = [];
  private readonly cells = new Map<number, StoredCell>();

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  cell(row: number, column: number): StoredCell | undefined {
    return this.cells.get(row * gridColumns + column);
  }

  cellForWrite(row: number, column: number): StoredCell {
    const key = row * gridColumns + column;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = {};
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Every stored cell with its position. */
  *storedCells(): Generator<{ row: number; column: number; cell: StoredCell }> {
    for (const [key, cell] of this.cells) {
      yield { row: Math.floor(key / gridColumns), column: key % gridColumns, cell };
    }
  }

  /** Forgets the cells of a rectangle (the whole sheet when it is omitted). */
  forgetCells(rectangle?: CellRectangle): void {
    if (!rectangle) {
      this.cells.clear();
      return;
    }
    for (const key of [...this.cells.keys()]) {
      const row = Math.floor(key / gridColumns);
      const column = key % gridColumns;
      const inside =
        row >= rectangle.row &&
        row < rectangle.row + rectangle.rowCount &&
        column >= rectangle.column &&
        column < rectangle.column + rectangle.columnCount;
      if (inside) this.cells.delete(key);
    }
  }

  /** Removes a cell if nothing is left in it. */
  dropIfEmpty(row: number, column: number): void {
    const key = row * gridColumns + column;
    const cell = this.cells.get(key);
    if (cell && Object.values(cell).every((part) => part === undefined)) this.cells.delete(key);
  }
}

/** What `Range.clear(applyTo)` removes. */
export type ClearApplyTo = "All" | "Contents" | "Formats";

export type NameTarget =
  | { kind: "range"; sheet: SimulatedSheet; rectangle: CellRectangle }
  | { kind: "constant"; value: StoredValue }
  | { kind: "brokenReference"; formulaText: string };

export class SimulatedName {
  deleted = false;
  visible = true;

  constructor(
    public name: string,
    public target: NameTarget,
    public comment: string,
  ) {}
}

export class SimulatedTable {
  deleted = false;

  constructor(
    readonly id: string,
    public name: string,
    readonly sheet: SimulatedSheet,
    readonly rectangle: CellRectangle,
  ) {}
}

const namedColours: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  lime: "#00FF00",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
  silver: "#C0C0C0",
  purple: "#800080",
  navy: "#000080",
};

function invalid(message: string): SimulatedOfficeError {
  return new SimulatedOfficeError("InvalidArgument", message);
}

function checkRectangleInGrid(rectangle: CellRectangle): void {
  const fits =
    rectangle.row >= 0 &&
    rectangle.column >= 0 &&
    rectangle.rowCount >= 1 &&
    rectangle.columnCount >= 1 &&
    rectangle.row + rectangle.rowCount <= gridRows &&
    rectangle.column + rectangle.columnCount <= gridColumns;
  if (!fits) throw invalid("The range falls outside the worksheet.");
}

function rectanglesOverlap(a: CellRectangle, b: CellRectangle): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.column < b.column + b.columnCount &&
    b.column < a.column + a.columnCount
  );
}

/** Checks a 2-D input against the range's shape, as Excel does before writing anything. */
function checkShape(input: unknown, rectangle: CellRectangle, what: string): unknown[][] {
  const rows = input as unknown[][];
  const matches =
    Array.isArray(input) &&
    input.length === rectangle.rowCount &&
    rows.every((row) => Array.isArray(row) && row.length === rectangle.columnCount);
  if (!matches) {
    throw invalid(
      `The number of rows or columns in the input array for ${what} doesn't match the size or dimensions of the range (${rectangle.rowCount} × ${rectangle.columnCount}).`,
    );
  }
  return rows;
}

export class SimulatedWorkbook {
  readonly sheets: SimulatedSheet[] = [];
  readonly names: SimulatedName[] = [];
  readonly tables: SimulatedTable[] = [];
  activeSheet: SimulatedSheet | undefined;
  /** Set by Range.select(): sheet name and address. */
  selection: { sheet: string; address: string } | undefined;
  /** Called after every write of cell values; simulatedEvents.ts turns it into change events. */
  valuesWritten: ((sheet: SimulatedSheet, rectangle: CellRectangle) => void) | undefined;
  private nextId = 1;

  static fromDescription(description: WorkbookDescription): SimulatedWorkbook {
    const workbook = new SimulatedWorkbook();
    for (const [sheetName, cells] of Object.entries(description.sheets)) {
      const sheet = workbook.addSheet(sheetName);
      const entries: [number, number, DescribedValue][] = [];
      if (Array.isArray(cells)) {
        cells.forEach((row, rowIndex) =>
          row.forEach((value, columnIndex) => entries.push([rowIndex, columnIndex, value])),
        );
      } else {
        for (const [address, value] of Object.entries(cells)) {
          const at = parseRectangle(address);
          entries.push([at.row, at.column, value]);
        }
      }
      for (const [row, column, value] of entries) {
        if (value === null || value === "") continue;
        if (typeof value === "number" && !Number.isFinite(value)) throw invalid(`${value} in seed`);
        sheet.cellForWrite(row, column).value = value;
      }
    }
    for (const [sheetName, formats] of Object.entries(description.numberFormats ?? {})) {
      const sheet = workbook.requireSheet(sheetName);
      for (const [address, format] of Object.entries(formats)) {
        const at = parseRectangle(address);
        sheet.cellForWrite(at.row, at.column).numberFormat = format;
      }
    }
    for (const [sheetName, formulas] of Object.entries(description.formulas ?? {})) {
      const sheet = workbook.requireSheet(sheetName);
      for (const [address, formula] of Object.entries(formulas)) {
        const at = parseRectangle(address);
        workbook.writeFormula(sheet, at.row, at.column, formula);
      }
    }
    for (const [tableName, reference] of Object.entries(description.tables ?? {})) {
      const { sheet, rectangle } = workbook.parseSheetRange(reference);
      const table = workbook.addTable(sheet, rectangle, true);
      workbook.renameTable(table, tableName);
    }
    for (const [name, reference] of Object.entries(description.names ?? {})) {
      workbook.addName(name, workbook.parseReference(reference), "");
    }
    return workbook;
  }

  // ---- lookups ------------------------------------------------------------------------------

  findSheet(name: string): SimulatedSheet | undefined {
    return this.sheets.find((sheet) => sameName(sheet.name, name));
  }

  requireSheet(name: string): SimulatedSheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw new SimulatedOfficeError("ItemNotFound", `The worksheet '${name}' does not exist.`);
    return sheet;
  }

  findName(name: string): SimulatedName | undefined {
    return this.names.find((item) => sameName(item.name, name));
  }

  findTable(name: string): SimulatedTable | undefined {
    return this.tables.find((table) => sameName(table.name, name));
  }

  sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  // ---- sheets -------------------------------------------------------------------------------

  addSheet(name?: string): SimulatedSheet {
    let chosen = name;
    if (chosen === undefined) {
      let number = this.sheets.length + 1;
      while (this.findSheet(`Sheet${number}`)) number += 1;
      chosen = `Sheet${number}`;
    }
    checkSheetName(chosen);
    if (this.findSheet(chosen)) {
      throw new SimulatedOfficeError("ItemAlreadyExists", `A worksheet named '${chosen}' already exists.`);
    }
    const sheet = new SimulatedSheet(`{sheet-${this.nextId++}}`, chosen);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  renameSheet(sheet: SimulatedSheet, name: unknown): void {
    checkSheetName(name as string);
    const clash = this.findSheet(name as string);
    if (clash && clash !== sheet) {
      throw new SimulatedOfficeError(
        "ItemAlreadyExists",
        `A worksheet named '${String(name)}' already exists.`,
      );
    }
    sheet.name = name as string;
  }

  moveSheet(sheet: SimulatedSheet, position: unknown): void {
    if (typeof position !== "number" || !Number.isInteger(position) || position < 0) {
      throw invalid(`${String(position)} is not a worksheet position.`);
    }
    if (position >= this.sheets.length) throw invalid(`Position ${position} is past the last worksheet.`);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  deleteSheet(sheet: SimulatedSheet): void {
    if (sheet.visibility === "VeryHidden") {
      throw new SimulatedOfficeError("InvalidOperation", "A very hidden worksheet cannot be deleted.");
    }
    const otherVisible = this.sheets.some((other) => other !== sheet && other.visibility === "Visible");
    if (!otherVisible) {
      throw new SimulatedOfficeError(
        "InvalidOperation",
        "This operation is not allowed: a workbook must contain at least one visible worksheet.",
      );
    }
    for (const name of this.names) {
      if (name.target.kind === "range" && name.target.sheet === sheet) {
        name.target = {
          kind: "brokenReference",
          formulaText: `#REF!${formatRectangle(name.target.rectangle, true)}`,
        };
      }
    }
    for (const other of this.sheets) {
      for (const { cell } of other.storedCells()) {
        if (cell.formula?.sheet === sheet) cell.formula = { ...cell.formula, sheet: null };
      }
    }
    for (const table of this.tables.filter((candidate) => candidate.sheet === sheet)) this.removeTable(table);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    if (this.activeSheet === sheet)
      this.activeSheet = this.sheets.find((other) => other.visibility === "Visible");
    if (this.selection && sameName(this.selection.sheet, sheet.name)) this.selection = undefined;
  }

  // ---- names and tables share one namespace ---------------------------------------------------

  private checkNameFree(name: string, except?: SimulatedName | SimulatedTable): void {
    const clash = this.findName(name) ?? this.findTable(name);
    if (clash && clash !== except) {
      throw new SimulatedOfficeError(
        "ItemAlreadyExists",
        `The name '${name}' is already used in this workbook.`,
      );
    }
  }

  addName(name: string, target: NameTarget, comment: string): SimulatedName {
    checkDefinedName(name, "name");
    this.checkNameFree(name);
    const item = new SimulatedName(name, target, comment);
    this.names.push(item);
    return item;
  }

  deleteName(item: SimulatedName): void {
    this.names.splice(this.names.indexOf(item), 1);
    item.deleted = true;
  }

  nameType(item: SimulatedName): string {
    const target = item.target;
    if (target.kind === "range") return "Range";
    if (target.kind === "brokenReference") return "Error";
    if (typeof target.value === "number") return Number.isInteger(target.value) ? "Integer" : "Double";
    return typeof target.value === "boolean" ? "Boolean" : "String";
  }

  nameValue(item: SimulatedName): StoredValue {
    const target = item.target;
    if (target.kind === "range")
      return `${sheetPrefix(target.sheet.name)}${formatRectangle(target.rectangle, true)}`;
    if (target.kind === "brokenReference") return "#REF!";
    return target.value;
  }

  nameFormula(item: SimulatedName): string {
    const target = item.target;
    if (target.kind === "range") return `=${this.nameValue(item)}`;
    if (target.kind === "brokenReference") return `=${target.formulaText}`;
    if (typeof target.value === "string") return `="${target.value.replace(/"/g, '""')}"`;
    if (typeof target.value === "boolean") return target.value ? "=TRUE" : "=FALSE";
    return `=${target.value}`;
  }

  /** "Sheet!A1:B2" (with or without "=" and "$") on an existing sheet. */
  parseSheetRange(reference: string): { sheet: SimulatedSheet; rectangle: CellRectangle } {
    const { sheet, address } = splitSheetQualified(reference.replace(/^=/, ""));
    if (sheet === null) throw invalid(`'${reference}' does not name a worksheet.`);
    const rectangle = parseRectangle(address);
    return { sheet: this.requireSheet(sheet), rectangle };
  }

  /** What a name may refer to: a sheet range, a number, TRUE/FALSE or a quoted string. */
  parseReference(reference: string): NameTarget {
    const formula = reference.trim().replace(/^=/, "");
    if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(formula))
      return { kind: "constant", value: Number(formula) };
    if (/^(TRUE|FALSE)$/i.test(formula)) return { kind: "constant", value: formula.toUpperCase() === "TRUE" };
    const quoted = /^"((?:[^"]|"")*)"$/.exec(formula);
    if (quoted) return { kind: "constant", value: quoted[1]!.replace(/""/g, '"') };
    if (!formula.includes("!")) {
      throw new SimulatedOfficeError(
        "NotImplemented",
        `The simulated host cannot evaluate the formula '${reference}'.`,
      );
    }
    return { kind: "range", ...this.parseSheetRange(formula) };
  }

  addTable(sheet: SimulatedSheet, requested: CellRectangle, hasHeaders: boolean): SimulatedTable {
    if (!hasHeaders) {
      throw new SimulatedOfficeError(
        "NotImplemented",
        "The simulated host only adds tables whose first row holds headers.",
      );
    }
    // A table always has a data row: a header-only range takes in the row below it.
    const rectangle = requested.rowCount === 1 ? { ...requested, rowCount: 2 } : { ...requested };
    checkRectangleInGrid(rectangle);
    for (const other of this.tables) {
      if (other.sheet === sheet && rectanglesOverlap(other.rectangle, rectangle)) {
        throw new SimulatedOfficeError(
          "InvalidOperation",
          `A table can't overlap another table ('${other.name}').`,
        );
      }
    }
    // Excel turns headers into unique, non-blank text.
    const seen: string[] = [];
    for (let offset = 0; offset < rectangle.columnCount; offset += 1) {
      const cell = sheet.cellForWrite(rectangle.row, rectangle.column + offset);
      const base =
        cell.value === undefined || cell.value === "" ? `Column${offset + 1}` : asTypedIntoText(cell.value);
      let header = base;
      for (let suffix = 2; seen.some((used) => sameName(used, header)); suffix += 1)
        header = `${base}${suffix}`;
      seen.push(header);
      cell.value = header;
    }
    let number = this.tables.length + 1;
    while (this.findTable(`Table${number}`) || this.findName(`Table${number}`)) number += 1;
    const table = new SimulatedTable(`{table-${this.nextId++}}`, `Table${number}`, sheet, rectangle);
    this.tables.push(table);
    return table;
  }

  renameTable(table: SimulatedTable, name: unknown): void {
    checkDefinedName(name as string, "table name");
    this.checkNameFree(name as string, table);
    table.name = name as string;
  }

  removeTable(table: SimulatedTable): void {
    this.tables.splice(this.tables.indexOf(table), 1);
    table.deleted = true;
  }

  // ---- cells ----------------------------------------------------------------------------------

  /** Range.values = input: null leaves a cell unchanged, "" clears it, strings are read as typed. */
  writeValues(sheet: SimulatedSheet, rectangle: CellRectangle, input: unknown): void {
    const rows = checkShape(input, rectangle, "values");
    for (const row of rows) {
      for (const value of row) {
        const acceptable =
          value === null ||
          typeof value === "string" ||
          typeof value === "boolean" ||
          (typeof value === "number" && Number.isFinite(value));
        if (!acceptable) throw invalid(`${String(value)} is not a value Excel can store in a cell.`);
        if (typeof value === "string" && value.length > 32_767) {
          throw invalid("A cell holds at most 32,767 characters.");
        }
      }
    }
    rows.forEach((row, rowOffset) =>
      row.forEach((value, columnOffset) => {
        if (value === null) return;
        const cell = sheet.cellForWrite(rectangle.row + rowOffset, rectangle.column + columnOffset);
        delete cell.formula;
        delete cell.expression;
        if (value === "") {
          delete cell.value;
          return;
        }
        const asText = cell.numberFormat === "@";
        if (typeof value === "string") cell.value = asText ? value : interpretTypedText(value);
        else if (asText) cell.value = asTypedIntoText(value as StoredValue);
        // Excel has no negative zero.
        else cell.value = value === 0 ? 0 : (value as StoredValue);
      }),
    );
    this.valuesWritten?.(sheet, rectangle);
  }

  /** Range.numberFormat = input: null leaves a cell unchanged, "" resets it to General. */
  writeNumberFormats(sheet: SimulatedSheet, rectangle: CellRectangle, input: unknown): void {
    const rows = checkShape(input, rectangle, "numberFormat");
    for (const row of rows) {
      for (const format of row) {
        if (format !== null && typeof format !== "string")
          throw invalid(`${String(format)} is not a number format.`);
      }
    }
    rows.forEach((row, rowOffset) =>
      row.forEach((format, columnOffset) => {
        if (format === null) return;
        const cell = sheet.cellForWrite(rectangle.row + rowOffset, rectangle.column + columnOffset);
        if (format === "" || format === "General") delete cell.numberFormat;
        else cell.numberFormat = format as string;
      }),
    );
  }

  /** format.fill.color = colour for every cell; "" removes the fill. */
  setFill(sheet: SimulatedSheet, rectangle: CellRectangle, colour: unknown): void {
    if (typeof colour !== "string") throw invalid(`${String(colour)} is not a colour.`);
    let normalised: string | undefined;
    if (colour !== "") {
      normalised = /^#[0-9A-Fa-f]{6}$/.test(colour)
        ? colour.toUpperCase()
        : namedColours[colour.toLowerCase()];
      if (!normalised) throw invalid(`'${colour}' is not a colour Excel recognises.`);
    }
    this.eachCell(rectangle, (row, column) => {
      const cell = sheet.cellForWrite(row, column);
      if (normalised === undefined) delete cell.fill;
      else cell.fill = normalised;
    });
  }

  setBold(sheet: SimulatedSheet, rectangle: CellRectangle, bold: unknown): void {
    if (typeof bold !== "boolean") throw invalid(`${String(bold)} is not true or false.`);
    this.eachCell(rectangle, (row, column) => {
      sheet.cellForWrite(row, column).bold = bold;
    });
  }

  /** Range.values as Excel returns them: blanks are "". */
  readValues(sheet: SimulatedSheet, rectangle: CellRectangle): StoredValue[][] {
    return this.mapCells(rectangle, (row, column) => this.cellValue(sheet, row, column, 0));
  }

  /** Range.formulas as Excel returns them: the formula text, else the value ("" for blanks). */
  readFormulas(sheet: SimulatedSheet, rectangle: CellRectangle): StoredValue[][] {
    return this.mapCells(rectangle, (row, column) => {
      const cell = sheet.cell(row, column);
      if (cell?.expression !== undefined) return cell.expression;
      return cell?.formula ? this.formulaText(sheet, cell.formula) : (cell?.value ?? "");
    });
  }

  /** Range.formulas = input: "=…" sets a reference formula; anything else is written as a value. */
  writeFormulas(sheet: SimulatedSheet, rectangle: CellRectangle, input: unknown): void {
    const rows = checkShape(input, rectangle, "formulas");
    rows.forEach((row, rowOffset) =>
      row.forEach((formula, columnOffset) => {
        const at = { row: rectangle.row + rowOffset, column: rectangle.column + columnOffset };
        if (typeof formula === "string" && formula.startsWith("=")) {
          this.writeFormula(sheet, at.row, at.column, formula);
        } else {
          this.writeValues(sheet, { ...at, rowCount: 1, columnCount: 1 }, [[formula]]);
        }
      }),
    );
  }

  /** Stores a formula that refers to one cell, such as "='CBA Partners'!$C$5" or "=B2". */
  writeFormula(sheet: SimulatedSheet, row: number, column: number, formula: string): void {
    if (/^=#REF!$/i.test(formula.trim())) {
      const cell = sheet.cellForWrite(row, column);
      delete cell.value;
      cell.formula = { sheet: null, row: 0, column: 0, absolute: false, qualified: true };
      return;
    }
    const { sheet: sheetName, address } = splitSheetQualified(formula.replace(/^=/, ""));
    const target = sheetName === null ? sheet : this.findSheet(sheetName);
    let at: CellRectangle | undefined;
    try {
      at = parseRectangle(address);
    } catch {
      at = undefined;
    }
    if (!target || !at || at.rowCount !== 1 || at.columnCount !== 1) {
      const cell = sheet.cellForWrite(row, column);
      delete cell.value;
      delete cell.formula;
      cell.expression = formula;
      return;
    }
    const cell = sheet.cellForWrite(row, column);
    delete cell.value;
    delete cell.expression;
    cell.formula = {
      sheet: target,
      row: at.row,
      column: at.column,
      absolute: address.includes("$"),
      qualified: sheetName !== null,
    };
  }

  private formulaText(owner: SimulatedSheet, formula: CellReferenceFormula): string {
    if (formula.sheet === null) return "=#REF!";
    const prefix = formula.qualified || formula.sheet !== owner ? sheetPrefix(formula.sheet.name) : "";
    return `=${prefix}${cellName(formula.row, formula.column, formula.absolute)}`;
  }

  /** A cell's value, a formula evaluated: a reference to a blank cell gives 0, as in Excel. */
  private cellValue(sheet: SimulatedSheet, row: number, column: number, depth: number): StoredValue {
    const cell = sheet.cell(row, column);
    if (cell?.expression !== undefined)
      return this.expressionValue(sheet, row, column, cell.expression, depth);
    if (!cell?.formula) return cell?.value ?? "";
    const { sheet: target, row: targetRow, column: targetColumn } = cell.formula;
    if (target === null) return "#REF!";
    if (depth > 100) return "#NUM!";
    const value = this.cellValue(target, targetRow, targetColumn, depth + 1);
    return value === "" ? 0 : value;
  }

  private expressionValue(
    sheet: SimulatedSheet,
    row: number,
    column: number,
    expression: string,
    depth: number,
  ): StoredValue {
    if (depth > 100) return "#NUM!";
    try {
      const value = evaluateFormula(
        expression,
        { sheet: sheet.name, row: row + 1, column: column + 1 },
        (name, r, c) => {
          const target = this.findSheet(name);
          if (!target) throw new Error(`#REF!: no sheet ${name}`);
          const found = this.cellValue(target, r - 1, c - 1, depth + 1);
          return found === "" ? null : (found as EvaluatedValue);
        },
      );
      return (value ?? 0) as StoredValue;
    } catch {
      return "#VALUE!";
    }
  }

  /** Range.clear(applyTo): contents, formats (number formats, fills, bold) or both. */
  clearRange(sheet: SimulatedSheet, rectangle: CellRectangle | null, applyTo: unknown = "All"): void {
    if (applyTo !== "All" && applyTo !== "Contents" && applyTo !== "Formats") {
      throw invalid(`'${String(applyTo)}' is not a ClearApplyTo value the simulated host supports.`);
    }
    if (applyTo === "All") {
      sheet.forgetCells(rectangle ?? undefined);
      return;
    }
    for (const { row, column, cell } of [...sheet.storedCells()]) {
      const inside =
        rectangle === null ||
        (row >= rectangle.row &&
          row < rectangle.row + rectangle.rowCount &&
          column >= rectangle.column &&
          column < rectangle.column + rectangle.columnCount);
      if (!inside) continue;
      if (applyTo === "Contents") {
        delete cell.value;
        delete cell.formula;
        delete cell.expression;
      } else {
        delete cell.numberFormat;
        delete cell.fill;
        delete cell.bold;
      }
      sheet.dropIfEmpty(row, column);
    }
  }

  /**
   * Range.copyFrom(source) with copy type All: every cell of the source (values, formulas as they
   * stand, number formats, fills, bold; blanks included) onto the same-sized area from `target`'s
   * top-left. Reference formulas are copied unchanged (the product copies only values).
   */
  copyCells(
    source: { sheet: SimulatedSheet; rectangle: CellRectangle },
    target: { sheet: SimulatedSheet; rectangle: CellRectangle },
  ): void {
    const single = target.rectangle.rowCount === 1 && target.rectangle.columnCount === 1;
    const sameSize =
      target.rectangle.rowCount === source.rectangle.rowCount &&
      target.rectangle.columnCount === source.rectangle.columnCount;
    if (!single && !sameSize) {
      throw invalid("The destination range must be one cell or the size of the source range.");
    }
    const destination = {
      ...target.rectangle,
      rowCount: source.rectangle.rowCount,
      columnCount: source.rectangle.columnCount,
    };
    checkRectangleInGrid(destination);
    const copies: { row: number; column: number; cell: StoredCell | undefined }[] = [];
    this.eachCell(source.rectangle, (row, column) => {
      const cell = source.sheet.cell(row, column);
      copies.push({
        row: destination.row + row - source.rectangle.row,
        column: destination.column + column - source.rectangle.column,
        cell: cell ? { ...cell } : undefined,
      });
    });
    target.sheet.forgetCells(destination);
    for (const { row, column, cell } of copies) {
      if (cell) Object.assign(target.sheet.cellForWrite(row, column), cell);
    }
  }

  readNumberFormats(sheet: SimulatedSheet, rectangle: CellRectangle): string[][] {
    return this.mapCells(rectangle, (row, column) => sheet.cell(row, column)?.numberFormat ?? "General");
  }

  /** A uniform fill colour ("#FFFFFF" for none, as Excel reports), or null when the cells differ. */
  readFill(sheet: SimulatedSheet, rectangle: CellRectangle): string | null {
    const colours = new Set(
      this.mapCells(rectangle, (row, column) => sheet.cell(row, column)?.fill ?? "#FFFFFF").flat(),
    );
    return colours.size === 1 ? [...colours][0]! : null;
  }

  readBold(sheet: SimulatedSheet, rectangle: CellRectangle): boolean | null {
    const values = new Set(
      this.mapCells(rectangle, (row, column) => sheet.cell(row, column)?.bold ?? false).flat(),
    );
    return values.size === 1 ? [...values][0]! : null;
  }

  private eachCell(rectangle: CellRectangle, visit: (row: number, column: number) => void): void {
    checkRectangleInGrid(rectangle);
    for (let row = rectangle.row; row < rectangle.row + rectangle.rowCount; row += 1) {
      for (let column = rectangle.column; column < rectangle.column + rectangle.columnCount; column += 1) {
        visit(row, column);
      }
    }
  }

  private mapCells<T>(rectangle: CellRectangle, read: (row: number, column: number) => T): T[][] {
    checkRectangleInGrid(rectangle);
    const rows: T[][] = [];
    for (let row = rectangle.row; row < rectangle.row + rectangle.rowCount; row += 1) {
      const values: T[] = [];
      for (let column = rectangle.column; column < rectangle.column + rectangle.columnCount; column += 1) {
        values.push(read(row, column));
      }
      rows.push(values);
    }
    return rows;
  }

  // ---- what tests look at ---------------------------------------------------------------------

  /** Values of "A1:C4" on a sheet, blanks as null. */
  valuesAt(sheetName: string, address: string): DescribedValue[][] {
    return this.readValues(this.requireSheet(sheetName), parseRectangle(address)).map((row) =>
      row.map((value) => (value === "" ? null : value)),
    );
  }

  /** Formulas of "A1:C4" on a sheet ("=#REF!" once what they refer to is deleted), values elsewhere. */
  formulasAt(sheetName: string, address: string): DescribedValue[][] {
    return this.readFormulas(this.requireSheet(sheetName), parseRectangle(address)).map((row) =>
      row.map((value) => (value === "" ? null : value)),
    );
  }

  numberFormatsAt(sheetName: string, address: string): string[][] {
    return this.readNumberFormats(this.requireSheet(sheetName), parseRectangle(address));
  }

  /** Fill colour per cell ("#RRGGBB"), null where a cell has none. */
  fillsAt(sheetName: string, address: string): (string | null)[][] {
    const sheet = this.requireSheet(sheetName);
    return this.mapCells(parseRectangle(address), (row, column) => sheet.cell(row, column)?.fill ?? null);
  }

  boldAt(sheetName: string, address: string): boolean[][] {
    const sheet = this.requireSheet(sheetName);
    return this.mapCells(parseRectangle(address), (row, column) => sheet.cell(row, column)?.bold ?? false);
  }

  chartsOn(sheetName: string): ChartRecord[] {
    return this.requireSheet(sheetName).charts.map((chart) => ({ ...chart }));
  }

  /** The whole workbook as plain data, in the shape a description is written in. */
  describe(): WorkbookDump {
    const dump: WorkbookDump = {
      sheetOrder: this.sheetNames(),
      sheets: {},
      names: {},
      tables: {},
      numberFormats: {},
      formulas: {},
      fills: {},
      bold: {},
      charts: {},
    };
    for (const sheet of this.sheets) {
      let rowCount = 0;
      let columnCount = 0;
      const formats: Record<string, string> = {};
      const fills: Record<string, string> = {};
      const bold: string[] = [];
      const formulas: Record<string, string> = {};
      for (const { row, column, cell } of sheet.storedCells()) {
        const at = cellName(row, column);
        if (cell.formula) formulas[at] = this.formulaText(sheet, cell.formula);
        if (cell.expression !== undefined) formulas[at] = cell.expression;
        if (cell.value !== undefined || cell.formula || cell.expression !== undefined) {
          rowCount = Math.max(rowCount, row + 1);
          columnCount = Math.max(columnCount, column + 1);
        }
        if (cell.numberFormat !== undefined) formats[at] = cell.numberFormat;
        if (cell.fill !== undefined) fills[at] = cell.fill;
        if (cell.bold) bold.push(at);
      }
      dump.sheets[sheet.name] =
        rowCount === 0
          ? []
          : this.readValues(sheet, { row: 0, column: 0, rowCount, columnCount }).map((row) =>
              row.map((value) => (value === "" ? null : value)),
            );
      if (Object.keys(formats).length > 0) dump.numberFormats[sheet.name] = formats;
      if (Object.keys(formulas).length > 0) dump.formulas[sheet.name] = formulas;
      if (Object.keys(fills).length > 0) dump.fills[sheet.name] = fills;
      // In reading order, whatever order the cells were written in.
      bold.sort((a, b) => {
        const [first, second] = [parseRectangle(a), parseRectangle(b)];
        return first.row - second.row || first.column - second.column;
      });
      if (bold.length > 0) dump.bold[sheet.name] = bold;
      if (sheet.charts.length > 0) dump.charts[sheet.name] = sheet.charts.map((chart) => ({ ...chart }));
    }
    for (const item of this.names) dump.names[item.name] = this.nameFormula(item).slice(1);
    for (const table of this.tables) {
      dump.tables[table.name] = `${sheetPrefix(table.sheet.name)}${formatRectangle(table.rectangle)}`;
    }
    return dump;
  }
}
