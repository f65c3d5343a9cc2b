import { randomBytes } from "node:crypto";
import { open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Temporary files being written now, so an interrupted process can remove them. */
const pending = new Set<string>();

/** The temporary files of saves in progress (for a signal handler to remove). */
export function pendingTemporaryFiles(): readonly string[] {
  return [...pending];
}

/** In the runner's child process, the parent is told too: it removes them if the child dies. */
function announce(kind: "temporaryFile" | "savedFile", path: string): void {
  if (process.send && process.connected) process.send({ kind, text: path });
}

/** Test hooks, read from the environment: how a save is interrupted deterministically. */
function faultInjection(): { failWrite?: string; pauseBeforeRename: boolean } {
  const fault = process.env["CBA_TEST_SAVE_FAULT"];
  return {
    ...(fault?.startsWith("fail-write:") ? { failWrite: fault.slice("fail-write:".length) } : {}),
    pauseBeforeRename: fault === "pause-before-rename",
  };
}

/** A file could not be saved; the target is untouched and no temporary file is left. */
export class SaveError extends Error {
  constructor(
    readonly path: string,
    override readonly cause: unknown,
  ) {
    const code = (cause as { code?: string } | undefined)?.code;
    const reason =
      code === "ENOSPC"
        ? "the disk is full"
        : code === "EACCES" || code === "EPERM"
          ? "permission was denied"
          : code === "EROFS"
            ? "the disk is read-only"
            : cause instanceof Error
              ? cause.message
              : String(cause);
    super(`Could not save ${path}: ${reason}. The file was not changed.`);
    this.name = "SaveError";
  }
}

/**
 * Writes a file so that it is either completely written or not changed at all: the bytes go to a
 * temporary file beside the target, are flushed to disk, and the temporary file is renamed over
 * the target (an atomic step on one file system). On any failure the temporary file is removed.
 *
 * @example
 * await writeFileAtomically("results.xlsx", buffer);
 */
export async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  const fault = faultInjection();
  pending.add(temporary);
  announce("temporaryFile", temporary);
  try {
    const handle = await open(temporary, "wx");
    try {
      if (fault.failWrite !== undefined) {
        await handle.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
        throw Object.assign(new Error(`${fault.failWrite}: injected failure, write`), {
          code: fault.failWrite,
        });
      }
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (fault.pauseBeforeRename) {
      process.stderr.write(`saving: paused before renaming ${temporary}\n`);
      await new Promise((resolve) => setTimeout(resolve, 60_000));
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new SaveError(path, error);
  } finally {
    pending.delete(temporary);
    announce("savedFile", temporary);
  }
}
