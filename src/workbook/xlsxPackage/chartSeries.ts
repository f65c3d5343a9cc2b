/**
 * What each chart of a write plan plots, cell by cell: the series formulas Excel keeps in a chart
 * part and the values cached beside them. The source ranges come from the same layout the Office
 * adapter hands to `charts.add`, so a headless workbook's charts cover the cells the add-in's do.
 */
import { cellAddress, parseCellAddress } from "../cellAddress";
import { layOutPlan } from "../office/writePlanLayout";
import type { CellValue, ChartSpec, OwnedSheet, TableBlock } from "../workbookPort";

/** A range in a chart formula, with the values it held when the chart was written. */
export interface SeriesReference {
  /** e.g. `'CBA Partners'!$C$41:$C$43`. */
  formula: string;
  /** One entry per cell of the range, in order; `null` for a blank (or, in `values`, a text) cell. */
  cache: (string | number | null)[];
  /** The number format of the cells, which a numeric cache (and an axis linked to it) shows. */
  formatCode: string;
}

export interface ChartSeries {
  /** The cell naming the series (its header, or the first cell of its row). */
  name: SeriesReference & { text: string };
  /** Category labels, or a scatter chart's X values. */
  categories: SeriesReference & { numeric: boolean };
  values: SeriesReference;
}

export interface ChartDefinition {
  kind: ChartSpec["kind"];
  title: string;
  /** The top-left corner's cell, 1-based as in A1 addresses. */
  anchor: { row: number; column: number };
  series: ChartSeries[];
}

export interface SheetCharts {
  sheet: string;
  charts: ChartDefinition[];
}

/**
 * The charts of each owned sheet, with the ranges they plot: the source block's header row and
 * data rows, split the way Excel splits a range whose first column (or, by rows, whose header row)
 * holds the labels. A chart whose block has no data row, or no column besides its labels, plots
 * nothing and is left out. Throws the layout's `WorkbookWriteError` for a malformed plan.
 *
 * @example
 * chartsOfSheets([{ name: "CBA Partners", blocks: [{ name: "CBA_Out_Payback_HCC", topLeft: "A2",
 *   header: ["Case", "2012/13", "2013/14"], rows: [["Base", -50, 20]] }],
 *   charts: [{ kind: "line", title: "HCC payback", sourceBlock: "CBA_Out_Payback_HCC", seriesBy: "rows", anchor: "E1" }] }])
 * // → [{ sheet: "CBA Partners", charts: [{ series: [{ name: { formula: "'CBA Partners'!$A$3", text: "Base", … },
 * //        categories: { formula: "'CBA Partners'!$B$2:$C$2", … }, values: { formula: "'CBA Partners'!$B$3:$C$3", cache: [-50, 20] } }], … }] }]
 */
export function chartsOfSheets(sheets: readonly OwnedSheet[]): SheetCharts[] {
  const layout = layOutPlan({ sheets: [...sheets], cellUpdates: [] });
  const blocks = new Map<string, { sheet: string; block: TableBlock }>();
  for (const sheet of sheets) {
    for (const block of sheet.blocks) blocks.set(block.name.toLowerCase(), { sheet: sheet.name, block });
  }
  return sheets.map((sheet, index) => {
    const laidOut = layout.sheets[index]!.charts;
    const charts = sheet.charts.flatMap((spec, chartIndex): ChartDefinition[] => {
      // The layout has checked that the source block exists.
      const source = blocks.get(spec.sourceBlock.toLowerCase())!;
      const series = seriesOf(spec, source.sheet, source.block);
      if (series.length === 0) return [];
      return [
        {
          kind: spec.kind,
          title: spec.title,
          anchor: parseCellAddress(laidOut[chartIndex]!.anchor),
          series,
        },
      ];
    });
    return { sheet: sheet.name, charts };
  });
}

function seriesOf(spec: ChartSpec, sheet: string, block: TableBlock): ChartSeries[] {
  const top = parseCellAddress(block.topLeft);
  const width = block.header.length;
  const height = block.rows.length;
  if (height === 0 || width < 2) return [];
  const grid: CellValue[][] = [block.header, ...block.rows];
  const cell = (row: number, column: number): CellValue => grid[row]![column] ?? null;
  const reference = (cells: { row: number; column: number }[]) => ({
    formula: formulaOf(
      sheet,
      cells.map((c) => ({ row: top.row + c.row, column: top.column + c.column })),
    ),
    cells: cells.map((c) => cell(c.row, c.column)),
  });
  const formatOf = (column: number) => block.columnFormats?.[column] ?? "General";
  const label = (cells: { row: number; column: number }[], formatCode: string) => {
    const { formula, cells: values } = reference(cells);
    const numeric = values.every((value) => value === null || typeof value === "number");
    const cache = values.map((value) =>
      value === null ? null : numeric && typeof value === "number" ? value : cellText(value),
    );
    return { formula, cache, numeric, formatCode };
  };
  const numbers = (cells: { row: number; column: number }[], formatCode: string) => {
    const { formula, cells: values } = reference(cells);
    return { formula, cache: values.map((value) => (typeof value === "number" ? value : null)), formatCode };
  };
  const nameOf = (at: { row: number; column: number }) => {
    const { formula, cells: values } = reference([at]);
    const text = values[0] === undefined || values[0] === null ? "" : cellText(values[0]);
    return { formula, cache: [text], text, formatCode: "General" };
  };
  const dataRows = Array.from({ length: height }, (_, i) => i + 1);
  const dataColumns = Array.from({ length: width - 1 }, (_, i) => i + 1);

  if (spec.seriesBy === "rows") {
    // Headers are text; a row's cells share one format in every block that is charted by rows.
    const categories = label(
      dataColumns.map((column) => ({ row: 0, column })),
      "General",
    );
    return dataRows.map((row) => ({
      name: nameOf({ row, column: 0 }),
      categories,
      values: numbers(
        dataColumns.map((column) => ({ row, column })),
        formatOf(1),
      ),
    }));
  }
  const categories = label(
    dataRows.map((row) => ({ row, column: 0 })),
    formatOf(0),
  );
  return dataColumns.map((column) => ({
    name: nameOf({ row: 0, column }),
    categories,
    values: numbers(
      dataRows.map((row) => ({ row, column })),
      formatOf(column),
    ),
  }));
}

/** A cell's value as Excel shows it in a label. */
function cellText(value: string | number | boolean): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** Cells of one row or one column as an absolute range on a sheet, the sheet always quoted. */
function formulaOf(sheet: string, cells: { row: number; column: number }[]): string {
  const absolute = (c: { row: number; column: number }) =>
    cellAddress(c).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const first = cells[0]!;
  const last = cells[cells.length - 1]!;
  const range = cells.length === 1 ? absolute(first) : `${absolute(first)}:${absolute(last)}`;
  return `'${sheet.replace(/'/g, "''")}'!${range}`;
}
