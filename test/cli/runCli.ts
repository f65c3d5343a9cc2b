import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { runCommand } from "../../src/cli/commands";

const root = join(__dirname, "..", "..");

/** Runs the real runner in its own process, as `cba` would be run. */
export function cba(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", "src/cli/cba.ts", ...args],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, TS_NODE_PROJECT: "tsconfig.node.json" },
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a command in this process, collecting what it prints. */
export async function command(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}
