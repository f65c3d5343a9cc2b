import { EngineError, type EngineErrorKind } from "../../src/engine/errors";

/** Asserts that `action` fails with an EngineError of this kind naming this subject. */
export function expectEngineError(action: () => unknown, kind: EngineErrorKind, subject: string): void {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(EngineError);
  expect((caught as EngineError).kind).toBe(kind);
  expect((caught as EngineError).subject).toBe(subject);
}
