/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/*
 * The panel's hook over the Hampshire example, with the simulation run in-process through the same
 * protocol as the worker: it writes exactly what the engine gives for the seed, a cancel writes
 * nothing, and refusals come back as problems with their cells.
 */
import "@testing-library/jest-dom";
import "./jsdomTestSetup";
import { act, render, renderHook, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import {
  type SimulationOptions,
  type SimulationResult,
  prepareSimulation,
  runTrials,
  summariseSimulation,
} from "../../src/engine/monteCarlo/simulation";
import { encodeMoney } from "../../src/taskpane/riskAnalysis/moneyInMessages";
import {
  type RiskAnalysisActions,
  riskAnalysisActionsOverPort,
} from "../../src/taskpane/riskAnalysis/riskAnalysisActions";
import {
  inProcessSimulationRunner,
  type SimulationRunner,
} from "../../src/taskpane/riskAnalysis/simulationRunner";
import { useRiskAnalysis } from "../../src/taskpane/riskAnalysis/useRiskAnalysis";
import { TaskPaneApp } from "../../src/taskpane/TaskPaneApp";
import type { InputRangeSpec } from "../../src/workbook/workbookPort";
import { writeSimulation } from "../../src/workbook/writeSimulation";
import { FakeWorkbookActions } from "./fakeWorkbookActions";
import { copyLikePostMessage, hampshireWorkbook, sheetValues } from "./riskAnalysisWorkbook";

const inProcess = () => inProcessSimulationRunner({ copyMessage: copyLikePostMessage });

/** Wraps the actions so a test can see the result and options the hook wrote. */
function recording(actions: RiskAnalysisActions) {
  const written: { result: SimulationResult; options: SimulationOptions }[] = [];
  const wrapped: RiskAnalysisActions = {
    readModel: () => actions.readModel(),
    writeResults: (result, options) => {
      written.push({ result, options });
      return actions.writeResults(result, options);
    },
  };
  return { wrapped, written };
}

function mount(actions: RiskAnalysisActions, runner: SimulationRunner = inProcess()) {
  return renderHook(() => useRiskAnalysis(actions, runner));
}

async function runWith(
  hook: ReturnType<typeof mount>,
  change: Parameters<ReturnType<typeof useRiskAnalysis>["commands"]["edit"]>[0],
) {
  act(() => hook.result.current.commands.edit(change));
  await act(() => hook.result.current.commands.run());
}

describe("running a simulation from the panel's hook", () => {
  test("same seed: the result written is the engine's own summary for that seed, and the sheet's cells are identical", async () => {
    const { port, workbook } = hampshireWorkbook();
    const { wrapped, written } = recording(riskAnalysisActionsOverPort(port));
    const hook = mount(wrapped);
    await runWith(hook, { trials: "2,000", seed: "11", distribution: "pert" });

    const { outcome, status } = hook.result.current.state;
    expect(status).toEqual({ kind: "idle" });
    expect(outcome?.kind).toBe("written");
    expect(written).toHaveLength(1);
    const { result, options } = written[0]!;
    expect(options).toMatchObject({
      trials: 2000,
      seed: 11,
      distribution: "pert",
      sampling: "latinHypercube",
    });

    const reading = await riskAnalysisActionsOverPort(hampshireWorkbook().port).readModel();
    if (reading.kind !== "ready") throw new Error("the example did not read");
    const state = prepareSimulation(reading.model, options);
    runTrials(state, state.trials);
    const direct = summariseSimulation(state);
    expect(encodeMoney(result)).toEqual(encodeMoney(direct));

    // The same cells as writing the direct result into a fresh copy of the example.
    const fresh = hampshireWorkbook();
    await writeSimulation(fresh.port, direct, options);
    expect(sheetValues(workbook, "CBA Simulation")).toEqual(sheetValues(fresh.workbook, "CBA Simulation"));

    // A second run with the same seed rewrites the sheet with identical cells.
    const before = sheetValues(workbook, "CBA Simulation");
    await act(() => hook.result.current.commands.run());
    expect(port.writes).toHaveLength(2);
    expect(sheetValues(workbook, "CBA Simulation")).toEqual(before);
  });

  test("done: the summary gives P10, P50 and P90 of NPV and the chance of payback per partner and the programme", async () => {
    const { port } = hampshireWorkbook();
    const { wrapped, written } = recording(riskAnalysisActionsOverPort(port));
    const hook = mount(wrapped);
    await runWith(hook, { trials: "1000", seed: "3" });
    const outcome = hook.result.current.state.outcome;
    if (outcome?.kind !== "written") throw new Error(`not written: ${JSON.stringify(outcome)}`);
    const { result } = written[0]!;
    expect(outcome.summary.partners.map((p) => p.code)).toEqual(["HCC", "HC", "HFRS", "Programme"]);
    expect(outcome.summary.partners.map((p) => p.name)).toEqual([
      "Hampshire County Council",
      "Hampshire Constabulary",
      "Hampshire Fire and Rescue Service",
      "Total programme",
    ]);
    outcome.summary.partners.forEach((partner, index) => {
      const simulated = result.partners[index]!;
      const at = (p: number) => simulated.netPresentValue.percentiles.find((q) => q.percentile === p)!.value;
      expect(partner.netPresentValue.p10?.equals(at(0.1))).toBe(true);
      expect(partner.netPresentValue.p50?.equals(at(0.5))).toBe(true);
      expect(partner.netPresentValue.p90?.equals(at(0.9))).toBe(true);
      expect(partner.probabilityOfPayback).toBe(simulated.payback.probabilityWithin);
    });
    expect(outcome.summary).toMatchObject({
      trials: 1000,
      seed: 3,
      sheet: "CBA Simulation",
      unitLabel: "£'000",
    });
    expect(outcome.summary.cellsWritten).toBeGreaterThan(100);
  });

  test("a blank seed uses the workbook's seed in CBA_Settings, or 1", async () => {
    const settingsOf = (ranges: InputRangeSpec[]) => ranges.find((r) => r.name === "CBA_Settings")!;
    const withSeed = hampshireWorkbook((ranges) => {
      const seedRow = settingsOf(ranges).rows.find((row) => row[0] === "Seed")!;
      seedRow[1] = 99;
    });
    const seeded = recording(riskAnalysisActionsOverPort(withSeed.port));
    await runWith(mount(seeded.wrapped), { trials: "50" });
    expect(seeded.written[0]?.options.seed).toBe(99);

    const withoutSeed = hampshireWorkbook((ranges) => {
      const settings = settingsOf(ranges);
      settings.rows = settings.rows.filter((row) => row[0] !== "Seed");
    });
    const plain = recording(riskAnalysisActionsOverPort(withoutSeed.port));
    await runWith(mount(plain.wrapped), { trials: "50" });
    expect(plain.written[0]?.options.seed).toBe(1);
  });

  test("cancel: the run stops part-way and nothing is written to the workbook", async () => {
    const { port, workbook } = hampshireWorkbook();
    const sheetsBefore = workbook.worksheets.map((s) => s.name);
    const hook = mount(riskAnalysisActionsOverPort(port));
    act(() => hook.result.current.commands.edit({ trials: "100,000" }));
    let running!: Promise<void>;
    act(() => {
      running = hook.result.current.commands.run();
    });
    await waitFor(() => {
      const status = hook.result.current.state.status;
      expect(status.kind === "running" && status.done > 0).toBe(true);
    });
    act(() => hook.result.current.commands.cancel());
    expect(hook.result.current.state.status.kind).toBe("cancelling");
    await act(() => running);

    const outcome = hook.result.current.state.outcome;
    expect(outcome?.kind).toBe("cancelled");
    if (outcome?.kind !== "cancelled") return;
    expect(outcome.done).toBeGreaterThan(0);
    expect(outcome.done).toBeLessThan(100000);
    expect(port.writes).toEqual([]);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(sheetsBefore);
  });

  test("cancel while the inputs are being read: the simulation never starts and nothing is written", async () => {
    const { port } = hampshireWorkbook();
    const actions = riskAnalysisActionsOverPort(port);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const started = jest.fn();
    const runner: SimulationRunner = {
      start: (request, onProgress) => {
        started();
        return inProcess().start(request, onProgress);
      },
    };
    const hook = mount({ ...actions, readModel: async () => (await gate, actions.readModel()) }, runner);
    let running!: Promise<void>;
    act(() => {
      running = hook.result.current.commands.run();
    });
    act(() => hook.result.current.commands.cancel());
    release();
    await act(() => running);
    expect(hook.result.current.state.outcome).toEqual({ kind: "cancelled", done: 0, total: 10000 });
    expect(started).not.toHaveBeenCalled();
    expect(port.writes).toEqual([]);
  });

  test("a cancel that crosses the finished message still writes nothing", async () => {
    const { port } = hampshireWorkbook();
    const real = inProcess();
    // A runner whose run has already finished when the user presses Cancel.
    const runner: SimulationRunner = {
      start: (request, onProgress) => {
        const running = real.start(request, onProgress);
        return { outcome: running.outcome, cancel: () => {} };
      },
    };
    const hook = mount(riskAnalysisActionsOverPort(port), runner);
    act(() => hook.result.current.commands.edit({ trials: "20000" }));
    let running!: Promise<void>;
    act(() => {
      running = hook.result.current.commands.run();
    });
    await waitFor(() => expect(hook.result.current.state.status.kind).toBe("running"));
    act(() => hook.result.current.commands.cancel());
    await act(() => running);
    expect(hook.result.current.state.outcome?.kind).toBe("cancelled");
    expect(port.writes).toEqual([]);
  });

  test("invalid inputs: nothing runs or is written, and each problem names its cell", async () => {
    const { port } = hampshireWorkbook((ranges) => {
      const lines = ranges.find((r) => r.name === "CBA_Lines")!;
      lines.rows[1]![3] = "about a million";
    });
    const started = jest.fn();
    const hook = mount(riskAnalysisActionsOverPort(port), { start: started } as unknown as SimulationRunner);
    await act(() => hook.result.current.commands.run());
    const outcome = hook.result.current.state.outcome;
    expect(outcome?.kind).toBe("invalid");
    if (outcome?.kind !== "invalid") return;
    expect(outcome.problems).toEqual([
      expect.objectContaining({
        severity: "error",
        message: expect.stringMatching(/^CBA_Lines — /),
        location: { sheet: "Lines", address: "D3" },
      }),
    ]);
    expect(started).not.toHaveBeenCalled();
    expect(port.writes).toEqual([]);
  });

  test("a workbook without Best and Worst columns is refused, each problem with its cell", async () => {
    const { port } = hampshireWorkbook((ranges) => {
      const lines = ranges.find((r) => r.name === "CBA_Lines")!;
      lines.header = lines.header.map((h) => (h === "Best" ? "Low" : h === "Worst" ? "High" : h));
    });
    const hook = mount(riskAnalysisActionsOverPort(port));
    await act(() => hook.result.current.commands.run());
    const outcome = hook.result.current.state.outcome;
    expect(outcome).toMatchObject({ kind: "invalid" });
    if (outcome?.kind !== "invalid") return;
    expect(outcome.problems.map((p) => p.message).join("\n")).toMatch(/"Best"[^]*"Worst"/);
    expect(outcome.problems.find((p) => p.message.includes('"Best"'))?.location).toEqual({
      sheet: "Lines",
      address: "A1",
    });
    // Every problem names the cell at fault, so the panel can offer to select it.
    expect(outcome.problems.every((p) => p.location !== undefined)).toBe(true);
    expect(port.writes).toEqual([]);
  });

  test("a workbook with only a risk register has nothing to simulate, and says what is needed", async () => {
    const { port } = hampshireWorkbook((ranges) => {
      const kept = ranges.filter((r) => ["CBA_Partners", "CBA_Settings", "CBA_Risks"].includes(r.name));
      ranges.splice(0, ranges.length, ...kept);
    });
    const hook = mount(riskAnalysisActionsOverPort(port));
    await act(() => hook.result.current.commands.run());
    expect(hook.result.current.state.outcome).toEqual({
      kind: "invalid",
      problems: [
        expect.objectContaining({
          message: expect.stringMatching(
            /^CBA_Lines — Nothing to simulate: .*Best and Worst values in CBA_Lines/,
          ),
        }),
      ],
    });
    expect(port.writes).toEqual([]);
  });

  test("a user's own sheet named CBA Simulation is never overwritten: the refusal names it", async () => {
    const { port, workbook } = hampshireWorkbook();
    workbook.addWorksheet("CBA Simulation").getCell("A1").value = "my notes";
    const hook = mount(riskAnalysisActionsOverPort(port));
    await runWith(hook, { trials: "200" });
    const outcome = hook.result.current.state.outcome;
    expect(outcome).toMatchObject({
      kind: "invalid",
      problems: [expect.objectContaining({ location: { sheet: "CBA Simulation", address: "A1" } })],
    });
    expect(port.writes).toEqual([]);
    expect(workbook.getWorksheet("CBA Simulation")!.getCell("A1").value).toBe("my notes");
  });

  test("settings that are not whole numbers in range are refused before anything is read", async () => {
    const { port } = hampshireWorkbook();
    const hook = mount(riskAnalysisActionsOverPort(port));
    await runWith(hook, { trials: "0", seed: "-3" });
    expect(hook.result.current.state.errors).toEqual({
      trials: "Trials must be a whole number from 1 to 100,000.",
      seed: "The seed must be blank or a whole number from 0 to 4,294,967,295.",
    });
    expect(port.reads).toEqual([]);
    expect(hook.result.current.state.outcome).toBeNull();
  });

  test("a failure Excel reports is shown as a message, and the panel is ready again", async () => {
    const { port } = hampshireWorkbook();
    const actions = riskAnalysisActionsOverPort(port);
    const hook = mount({
      ...actions,
      writeResults: () => Promise.reject(new Error("The workbook is read-only.")),
    });
    await runWith(hook, { trials: "100" });
    expect(hook.result.current.state.outcome).toEqual({
      kind: "failed",
      message: "The workbook is read-only.",
    });
    expect(hook.result.current.state.status).toEqual({ kind: "idle" });
  });

  test("two presses of Run in the same frame start one simulation", async () => {
    const { port } = hampshireWorkbook();
    const runner = inProcess();
    const start = jest.spyOn(runner, "start");
    const hook = mount(riskAnalysisActionsOverPort(port), runner);
    act(() => hook.result.current.commands.edit({ trials: "100" }));
    await act(() => Promise.all([hook.result.current.commands.run(), hook.result.current.commands.run()]));
    expect(start).toHaveBeenCalledTimes(1);
    expect(port.writes).toHaveLength(1);
  });
});

describe("the Risk analysis tab in the task pane", () => {
  test("a run carries on while the user looks at another tab, and can be cancelled when they come back", async () => {
    const { port } = hampshireWorkbook();
    const user = userEvent.setup();
    render(
      <TaskPaneApp
        actions={new FakeWorkbookActions()}
        theme="light"
        riskAnalysis={{ actions: riskAnalysisActionsOverPort(port), runner: inProcess() }}
      />,
    );
    await screen.findByText("Inputs complete.");
    await user.click(screen.getByRole("tab", { name: "Risk analysis" }));
    const trials = screen.getByRole("textbox", { name: "Trials" });
    await user.clear(trials);
    await user.type(trials, "100000");
    // PERT, the slower shape: the run must outlast two tab switches.
    await user.click(screen.getByRole("radio", { name: /PERT/ }));
    await user.click(screen.getByRole("button", { name: "Run simulation" }));
    await screen.findByText(/^[1-9][\d,]* of 100,000 trials$/);

    await user.click(screen.getByRole("tab", { name: "Summary" }));
    await user.click(screen.getByRole("tab", { name: "Risk analysis" }));
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(
      await screen.findByText(/^Stopped after [\d,]+ of 100,000 trials\. Nothing was written\.$/),
    ).toBeInTheDocument();
    expect(port.writes).toEqual([]);
  });

  test("a finished run shows each partner's P10, P50 and P90 in the pane", async () => {
    const { port } = hampshireWorkbook();
    const user = userEvent.setup();
    render(
      <TaskPaneApp
        actions={new FakeWorkbookActions()}
        theme="light"
        riskAnalysis={{ actions: riskAnalysisActionsOverPort(port), runner: inProcess() }}
      />,
    );
    await screen.findByText("Inputs complete.");
    await user.click(screen.getByRole("tab", { name: "Risk analysis" }));
    const trials = screen.getByRole("textbox", { name: "Trials" });
    await user.clear(trials);
    await user.type(trials, "500{Enter}");
    const table = await screen.findByRole("table", { name: "Simulated NPV and payback, £'000" });
    const codes = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => within(row).getAllByRole("cell")[0]!.textContent);
    expect(codes).toEqual(["HCC", "HC", "HFRS", "Programme"]);
    expect(port.writes).toHaveLength(1);
  });
});
