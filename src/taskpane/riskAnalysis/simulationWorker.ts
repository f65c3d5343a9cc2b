/**
 * The Web Worker that runs Monte Carlo simulations off the pane's thread. Webpack bundles it from
 * `new Worker(new URL("./simulationWorker.ts", import.meta.url))` in workerSimulationRunner.ts.
 */
import { simulationHost } from "./simulationHost";
import type { PaneMessage, WorkerMessage } from "./simulationProtocol";

interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: "message", listener: (event: MessageEvent<PaneMessage>) => void): void;
}

const scope = self as unknown as WorkerScope;

// A message to ourselves is the quickest way to let queued messages in between chunks: a zero
// setTimeout is held back to 4 ms once nested, which would add a tenth to every 25 ms chunk.
const wakeUp = new MessageChannel();
const waiting: (() => void)[] = [];
wakeUp.port1.onmessage = () => waiting.shift()?.();

const receive = simulationHost({
  post: (message) => scope.postMessage(message),
  yieldToEvents: () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      wakeUp.port2.postMessage(null);
    }),
  now: () => performance.now(),
});

scope.addEventListener("message", (event) => receive(event.data));
