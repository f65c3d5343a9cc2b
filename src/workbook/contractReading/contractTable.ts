/**
 * The contract as the README states it: one row per input range, its name and what goes in it,
 * taken from the range definitions so the documentation cannot drift from what is read.
 */
import { inputRanges } from "./inputRanges";

export interface ContractTableRow {
  name: string;
  contents: string;
}

export function contractTableRows(): ContractTableRow[] {
  return inputRanges.map((range) => ({ name: range.name, contents: range.contents }));
}

/** The rows as a Markdown table (unaligned; the README's formatter aligns it). */
export function contractTableMarkdown(): string {
  const escape = (text: string) => text.replace(/\|/g, "\\|");
  return [
    "| Name | Columns |",
    "| --- | --- |",
    ...contractTableRows().map((row) => `| \`${row.name}\` | ${escape(row.contents)} |`),
  ].join("\n");
}
