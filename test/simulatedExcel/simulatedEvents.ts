/**
 * Change events of the simulated host: `workbook.worksheets.onChanged` (ExcelApi 1.7). As in Excel,
 * every write of cell values fires them, whoever made it (a user typing, another add-in, this
 * product writing its results), once the batch that wrote has been sent, with one
 * `WorksheetChanged` per written range. Kept apart from the API objects: the only hooks are the
 * `onChanged` getter on the worksheet collection and `SimulatedWorkbook.valuesWritten`.
 */
import { formatRectangle, type CellRectangle } from "./simulatedAddresses";
import type { SimulatedExcel, SimulatedRequestContext } from "./simulatedExcelApi";
import type { SimulatedSheet } from "./simulatedWorkbook";

/** What Excel passes to an `onChanged` handler, as far as the simulation fills it. */
export interface SimulatedWorksheetChanged {
  type: "WorksheetChanged";
  changeType: "RangeEdited";
  source: "Local";
  worksheetId: string;
  address: string;
}

type ChangeHandler = (event: SimulatedWorksheetChanged) => Promise<unknown> | unknown;

interface HostEvents {
  handlers: Set<ChangeHandler>;
  pending: SimulatedWorksheetChanged[];
  scheduled: boolean;
}

const eventsByHost = new WeakMap<SimulatedExcel, HostEvents>();

function eventsOf(host: SimulatedExcel): HostEvents {
  let events = eventsByHost.get(host);
  if (!events) {
    const created: HostEvents = { handlers: new Set(), pending: [], scheduled: false };
    events = created;
    eventsByHost.set(host, created);
    host.workbook.valuesWritten = (sheet: SimulatedSheet, rectangle: CellRectangle) => {
      if (created.handlers.size === 0) return;
      created.pending.push({
        type: "WorksheetChanged",
        changeType: "RangeEdited",
        source: "Local",
        worksheetId: sheet.id,
        address: formatRectangle(rectangle),
      });
      if (created.scheduled) return;
      created.scheduled = true;
      // Excel raises events after the batch, never inside the sync that caused them.
      setTimeout(() => {
        created.scheduled = false;
        for (const event of created.pending.splice(0)) {
          for (const handler of [...created.handlers])
            void Promise.resolve(handler(event)).catch(() => undefined);
        }
      }, 0);
    };
  }
  return events;
}

/** `context.workbook.worksheets.onChanged`: `add` registers at once and returns a removable result. */
export function worksheetsChangedEvent(context: SimulatedRequestContext): {
  add(handler: ChangeHandler): { context: SimulatedRequestContext; remove(): void };
} {
  const events = eventsOf(context.host);
  return {
    add(handler) {
      events.handlers.add(handler);
      return { context, remove: () => void events.handlers.delete(handler) };
    },
  };
}

/** How many `onChanged` handlers are registered on the host: a pane that closed has removed its own. */
export function changeHandlerCount(host: SimulatedExcel): number {
  return eventsByHost.get(host)?.handlers.size ?? 0;
}
