/**
 * The add-in's simulation runner: one Web Worker, started on the first run and kept for later ones.
 * Only the browser build loads this module (jest cannot parse `import.meta`); tests use
 * `inProcessSimulationRunner`, which runs the same host code.
 */
import { type SimulationRunner, simulationRunnerOverChannel } from "./simulationRunner";
import type { WorkerMessage } from "./simulationProtocol";

/**
 * @example
 * const running = workerSimulationRunner().start({ model, options: { trials: 10000, seed: 1 } }, showProgress);
 */
export function workerSimulationRunner(): SimulationRunner {
  return simulationRunnerOverChannel((deliver, broken) => {
    const worker = new Worker(
      /* webpackChunkName: "simulation-worker" */ new URL("./simulationWorker.ts", import.meta.url),
    );
    worker.addEventListener("message", (event: MessageEvent<WorkerMessage>) => deliver(event.data));
    worker.addEventListener("messageerror", () => {
      worker.terminate();
      broken("A message from the simulation could not be read.");
    });
    // The host catches its own failures, so this is a worker that could not load or crashed.
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      worker.terminate();
      broken(`The simulation stopped unexpectedly${event.message ? `: ${event.message}` : ""}.`);
    });
    return (message) => worker.postMessage(message);
  });
}
