/**
 * The pane's change events over the simulated Excel host: edits reach the pane, the product's own
 * writes fire events too but leave the inputs' fingerprint as the refresh stamped it, and a host
 * without ExcelApi 1.7 gets no events (the pane falls back to focus and Check).
 */
import { officeWorkbookActions } from "../../src/taskpane/officeWorkbookActions";
import type { ExcelRun } from "../../src/workbook/office/officeWorkbook";
import { installSimulatedOffice, SimulatedExcel, uninstallSimulatedOffice } from "../simulatedExcel";
import { changeHandlerCount } from "../simulatedExcel/simulatedEvents";

function hostWith(excelApiVersion: string) {
  const host = SimulatedExcel.fromDescription({ sheets: { Sheet1: [] } });
  installSimulatedOffice(globalThis, host, { excelApiVersion });
  return { host, actions: officeWorkbookActions(host.run as unknown as ExcelRun) };
}

/** Lets the host raise the events of batches already sent. */
const eventsRaised = () => new Promise((resolve) => setTimeout(resolve, 10));

afterEach(() => uninstallSimulatedOffice(globalThis));

describe("worksheet change events", () => {
  test("a user's edit to an input reaches the pane and changes the inputs' fingerprint", async () => {
    const { host, actions } = hostWith("1.7");
    await actions.insertExample();
    const outcome = await actions.refresh("all");
    expect(outcome.kind).toBe("written");
    const changes: number[] = [];
    const stop = (await actions.watchChanges!(() => changes.push(1)))!;
    expect(stop).not.toBeNull();

    const before = await actions.inspect();
    expect(before.inputFingerprint).toBe(outcome.stamp!.inputFingerprint);
    const lines = before.ranges.find((range) => range.name === "CBA_Lines")!.location!;
    await host.run(async (context: Excel.RequestContext) => {
      const topLeft = lines.address.split(":")[0]!;
      context.workbook.worksheets.getItem(lines.sheet).getRange(topLeft).getOffsetRange(1, 0).values = [
        ["Renamed line"],
      ];
      await context.sync();
    });
    await eventsRaised();

    expect(changes.length).toBeGreaterThan(0);
    expect((await actions.inspect()).inputFingerprint).not.toBe(outcome.stamp!.inputFingerprint);
    await stop();
    expect(changeHandlerCount(host)).toBe(0);
  });

  test("the product's own refresh fires change events but leaves the fingerprint as stamped", async () => {
    const { host, actions } = hostWith("1.7");
    await actions.insertExample();
    const changes: number[] = [];
    await actions.watchChanges!(() => changes.push(1));
    expect(changeHandlerCount(host)).toBe(1);

    const outcome = await actions.refresh("all");
    await eventsRaised();

    expect(changes.length).toBeGreaterThan(0);
    expect((await actions.inspect()).inputFingerprint).toBe(outcome.stamp!.inputFingerprint);
  });

  test("a host without ExcelApi 1.7 has no change events", async () => {
    const { host, actions } = hostWith("1.6");
    expect(await actions.watchChanges!(() => undefined)).toBeNull();
    expect(changeHandlerCount(host)).toBe(0);
  });
});
