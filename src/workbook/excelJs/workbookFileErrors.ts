/**
 * Why the ExcelJS adapter refuses a workbook file: each names what is wrong and where, so the
 * runner can tell the user what to change.
 */

/** A contract name exists but is not a range of cells the runner can read. */
export class UnreadableNameError extends Error {
  constructor(
    readonly definedName: string,
    readonly reference: string,
    /** Why, when it is known more precisely than from the reference. */
    reason?: string,
  ) {
    super(
      `The name ${definedName} ${reason === undefined ? describeReference(reference) : `refers to ${reference}, but ${reason}`}; point it at the range's header row and data rows (Formulas > Name Manager)`,
    );
    this.name = "UnreadableNameError";
  }
}

function describeReference(reference: string): string {
  if (reference.includes("#REF!")) return `refers to ${reference}: its cells or sheet were deleted`;
  if (/!\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}$/.test(reference))
    return `refers to whole columns (${reference}); give it rows, e.g. $A$1:$F$500`;
  if (/!\$?\d+:\$?\d+$/.test(reference)) return `refers to whole rows (${reference}); give it columns`;
  return `is "${reference}", not a range of cells`;
}

/** A result sheet about to be replaced holds text the product did not write. */
export class TypedTextOnResultSheet extends Error {
  constructor(
    readonly sheet: string,
    readonly cells: readonly { address: string; text: string }[],
  ) {
    const shown = cells
      .slice(0, 5)
      .map(({ address, text }) => `${address} ("${text.length > 30 ? `${text.slice(0, 29)}…` : text}")`)
      .join(", ");
    const more = cells.length > 5 ? ` and ${cells.length - 5} more` : "";
    super(
      `The sheet "${sheet}" is replaced by every refresh, but has text typed outside the results at ${shown}${more}; move it to a sheet of your own`,
    );
    this.name = "TypedTextOnResultSheet";
  }
}
