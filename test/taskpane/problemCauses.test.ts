/**
 * One mistake, one group: the problems a wrong partner code sets off in the Hampshire example all
 * carry that code's cause, through the pane's real actions over the simulated Excel host; and the
 * amounts in messages read as the sheet prints them.
 */
import { officeWorkbookActions } from "../../src/taskpane/officeWorkbookActions";
import { groupedByCause } from "../../src/taskpane/components/ProblemList";
import type { WorkbookActions } from "../../src/taskpane/workbookActions";
import { type ContractProblem, inputError, withColumnCauses } from "../../src/workbook/contractProblems";
import type { ExcelRun } from "../../src/workbook/office/officeWorkbook";
import { SimulatedExcel } from "../simulatedExcel";

async function hampshire(): Promise<{ host: SimulatedExcel; actions: WorkbookActions }> {
  const host = SimulatedExcel.fromDescription({ sheets: { Sheet1: [] } });
  const actions = officeWorkbookActions(host.run as unknown as ExcelRun);
  await actions.insertExample();
  return { host, actions };
}

async function typeInto(host: SimulatedExcel, sheet: string, address: string, value: string | number) {
  await host.run(async (context: Excel.RequestContext) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
    await context.sync();
  });
}

const hfrsCause = '"HFRS" is not a partner code in CBA_Partners';

describe("a wrong partner code in the Hampshire example", () => {
  test("every problem it sets off carries its cause, and they form one group shown first", async () => {
    const { host, actions } = await hampshire();
    expect((await actions.inspect()).problems.filter((p) => p.severity === "error")).toEqual([]);
    await typeInto(host, "Partners", "A4", "HFR");
    const { problems } = await actions.inspect();

    const caused = problems.filter((p) => p.cause === hfrsCause);
    const where = caused.map((p) => `${p.location?.sheet}!${p.location?.address}`);
    // The baseline columns headed HFRS, every total they feed, and the lines allocated to HFRS.
    expect(where).toEqual(expect.arrayContaining(["Baseline!D1", "Baseline!E2", "Baseline!E7"]));
    expect(where).toEqual(expect.arrayContaining(["Baseline!D10", "Baseline!E16", "Lines!C23"]));
    expect(caused.length).toBeGreaterThanOrEqual(16);
    // No problem that names HFRS is left outside its group.
    const mentioning = problems.filter((p) => /"HFRS"/.test(p.message) || /Total disagrees/.test(p.message));
    expect(mentioning.filter((p) => p.cause !== hfrsCause)).toEqual([]);

    const groups = groupedByCause(problems);
    expect(groups[0]).toMatchObject({ cause: hfrsCause });
    expect(groups[0]!.problems).toHaveLength(caused.length);
    expect(groups.flatMap((g) => g.problems)).toHaveLength(problems.length);
  });

  test("a refused refresh groups them alike", async () => {
    const { host, actions } = await hampshire();
    await typeInto(host, "Partners", "A4", "HFR");
    const outcome = await actions.refresh("all");
    expect(outcome.kind).toBe("invalid");
    const groups = groupedByCause(outcome.kind === "invalid" ? outcome.problems : []);
    expect(groups[0]?.cause).toBe(hfrsCause);
  });
});

describe("causes for a column headed by an unknown code", () => {
  const unknownColumn = (range: string, code: string): ContractProblem =>
    inputError(
      range,
      "Baseline!D1",
      "Unknown partner code",
      `column "${code}" holds amounts but "${code}" is not a partner code in CBA_Partners`,
    );
  const total = (range: string, cell: string) =>
    inputError(range, cell, "Total disagrees", "the total shows 10 but its parts sum to 9");

  test("the range's totals follow the one unknown column; other ranges' totals do not", () => {
    const linked = withColumnCauses([
      unknownColumn("CBA_Baseline", "XX"),
      total("CBA_Baseline", "Baseline!E2"),
      total("CBA_BaselineFTE", "Baseline!E12"),
    ]);
    expect(linked.map((p) => p.cause)).toEqual([
      '"XX" is not a partner code in CBA_Partners',
      '"XX" is not a partner code in CBA_Partners',
      undefined,
    ]);
  });

  test("with two unknown columns in a range, which one a total follows is not known: no cause", () => {
    const linked = withColumnCauses([
      unknownColumn("CBA_Baseline", "XX"),
      unknownColumn("CBA_Baseline", "YY"),
      total("CBA_Baseline", "Baseline!E2"),
    ]);
    expect(linked.map((p) => p.cause)).toEqual([
      '"XX" is not a partner code in CBA_Partners',
      '"YY" is not a partner code in CBA_Partners',
      undefined,
    ]);
  });

  test("a cause already given is kept", () => {
    const given = { ...total("CBA_Baseline", "Baseline!E2"), cause: "something else" };
    expect(withColumnCauses([unknownColumn("CBA_Baseline", "XX"), given])[1]!.cause).toBe("something else");
  });
});

describe("amounts in messages", () => {
  test("read as the sheet prints them: separators, brackets for negatives, the unit label", async () => {
    const { host, actions } = await hampshire();
    // ICT set-up, allocated to a pool: a fraction of a rounding unit, and a sign that differs by case.
    await typeInto(host, "Lines", "D2", -1140.5);
    const messages = (await actions.inspect()).problems.map((p) => p.message);
    expect(messages).toContainEqual(
      expect.stringContaining(`the Best amount of line "ICT set-up", £'000 (1,140.5), is not a whole number`),
    );
    expect(messages).toContainEqual(expect.stringContaining(`(Best £'000 (1,140.5), Worst £'000 1,890)`));
    expect(messages.join(" ")).not.toMatch(/-1140\.5/);
  });
});
