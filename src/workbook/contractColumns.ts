/**
 * How the contract describes a column of an input range: the key the readers use, the headers
 * accepted for it, and what kind of value it holds (which sets its format in the blank template).
 * Headers match case-insensitively after normalising.
 */

/** What a column holds; each kind has one number format in the blank template (`columnFormat`). */
export type ColumnKind =
  | "text"
  /** An amount in the case's unit, costs positive, savings in brackets. */
  | "amount"
  /** A price per unit, to the penny. */
  | "unit cost"
  /** A number of things: volumes, counts. */
  | "count"
  /** A fraction shown as a whole percentage: shares, mitigations, drop-off. */
  | "fraction"
  /** An interest rate, to two decimals of a percent. */
  | "rate"
  /** A multiplier such as a scenario's cost factor. */
  | "factor"
  /** A whole number or a label that Excel must not reformat (years, scores, decimals). */
  | "whole number";

/** A column the contract knows, with the headers accepted for it (compared after normalising). */
export interface ContractColumn {
  key: string;
  headers: readonly string[];
  /** Absent = text. */
  kind?: ColumnKind;
}

export function column(key: string, ...headers: string[]): ContractColumn {
  return { key, headers };
}

/** A column holding numbers of one kind (see `ColumnKind`). */
export function numberColumn(kind: ColumnKind, key: string, ...headers: string[]): ContractColumn {
  return { key, headers, kind };
}

const columnFormats: Readonly<Record<ColumnKind, string | null>> = {
  text: null,
  amount: "#,##0;(#,##0)",
  "unit cost": "#,##0.00;(#,##0.00)",
  count: "#,##0",
  fraction: "0%",
  rate: "0.00%",
  factor: "0.00",
  "whole number": null,
};

/** The number format a column of this kind gets in a workbook the product lays out (null = General). */
export function columnFormat(kind: ColumnKind | undefined): string | null {
  return columnFormats[kind ?? "text"];
}

/**
 * The headers a workbook written by this product uses for a range: each column's first accepted
 * header, in contract order (the samples and the blank template are laid out from these).
 */
export function canonicalHeaders(columns: Readonly<Record<string, ContractColumn>>): string[] {
  return Object.values(columns).map((c) => c.headers[0]!);
}

/** Headers compare after lower-casing, dropping bracketed notes and punctuation: "Delay (years)" ≡ "delay". */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/[^a-z0-9%£&]+/g, " ")
    .trim();
}

export function matchesColumn(header: string, contractColumn: ContractColumn): boolean {
  const normalised = normaliseHeader(header);
  return (
    normalised !== "" && contractColumn.headers.some((accepted) => normaliseHeader(accepted) === normalised)
  );
}
