/**
 * Excel's change events for the pane: `workbook.worksheets.onChanged` (ExcelApi 1.7) fires for any
 * cell edit on any sheet, including sheets added later. Hosts without 1.7 get no events; the pane
 * then re-checks when it regains focus or on a Check.
 */
import type { ExcelRun } from "../workbook/office/officeWorkbook";

/** `Excel.run` with an existing context, as removing a handler needs; the global one when not given. */
type ExcelRunOn = (
  context: unknown,
  batch: (context: Excel.RequestContext) => Promise<void>,
) => Promise<void>;

/**
 * Registers `onChange` for every worksheet change; resolves to a function that removes it, or to
 * null when the host does not support ExcelApi 1.7.
 *
 * @example
 * const stop = await watchWorksheetChanges(undefined, () => scheduleRecheck());
 */
export async function watchWorksheetChanges(
  run: ExcelRun | undefined,
  onChange: () => void,
): Promise<(() => Promise<void>) | null> {
  if (!changeEventsSupported()) return null;
  const excelRun: ExcelRun = run ?? ((batch) => Excel.run(batch));
  const handler = await excelRun(async (context) => {
    const registered = context.workbook.worksheets.onChanged.add(async () => {
      onChange();
    });
    await context.sync();
    return registered;
  });
  return async () => {
    // Office.js removes a handler only in a batch on the context that added it.
    const runOn = (run ?? Excel.run) as unknown as ExcelRunOn;
    await runOn(handler.context, async (context) => {
      handler.remove();
      await context.sync();
    });
  };
}

function changeEventsSupported(): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", "1.7");
  } catch {
    return false;
  }
}
