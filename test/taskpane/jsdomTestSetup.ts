/**
 * Set-up shared by the task pane's jsdom tests; import it first in every such file.
 *
 * - Browser APIs Fluent UI uses that jsdom lacks. jsdom does no layout, so observers never fire;
 *   the stand-ins only let components mount.
 * - Any console error (React warnings, Fluent's class-merging warnings) fails the test that caused it.
 */
class ResizeObserverStandIn {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const scope = globalThis as unknown as { ResizeObserver?: unknown };
if (typeof scope.ResizeObserver === "undefined") scope.ResizeObserver = ResizeObserverStandIn;

let consoleErrors: jest.SpyInstance;
beforeEach(() => {
  consoleErrors = jest.spyOn(console, "error");
});
afterEach(() => {
  const calls = consoleErrors.mock.calls.map((call) => call.map(String).join(" "));
  consoleErrors.mockRestore();
  expect(calls).toEqual([]);
});

export {};
