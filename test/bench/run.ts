/**
 * `npm run bench`: runs every `*.bench.ts` section in this folder and prints one Markdown table per
 * section. With `--only <text>` it runs just the sections whose file name or title contains it.
 */
import { fork } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { BenchSection, CaseMeasurement } from "./benchmark";

const here = __dirname;

async function loadSections(file: string): Promise<BenchSection[]> {
  const module = (await import(join(here, file))) as { sections: BenchSection[] };
  return module.sections;
}

/** Child mode: run one case and send its measurement back to the parent. */
async function runChild(file: string, sectionIndex: number, caseIndex: number): Promise<void> {
  const section = (await loadSections(file))[sectionIndex]!;
  const benchCase = section.cases[caseIndex]!;
  const prepared = benchCase.setup ? await benchCase.setup() : undefined;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const rssBeforeKb = process.memoryUsage().rss / 1024;
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < (benchCase.repeat ?? 3); i++) {
    const start = performance.now();
    result = await benchCase.run(prepared);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const peakKb = process.resourceUsage().maxRSS;
  const measurement: CaseMeasurement = {
    medianMs: times[Math.floor(times.length / 2)]!,
    peakMb: Math.max(0, (peakKb - rssBeforeKb) / 1024),
    result: result === undefined ? "" : String(result),
  };
  process.send!(measurement);
}

function measureInChild(file: string, sectionIndex: number, caseIndex: number): Promise<CaseMeasurement> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ["--child", file, String(sectionIndex), String(caseIndex)], {
      execArgv: ["-r", "ts-node/register/transpile-only", "--expose-gc", "--max-old-space-size=8192"],
      env: {
        ...process.env,
        TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: "commonjs", moduleResolution: "node10" }),
      },
    });
    let measurement: CaseMeasurement | undefined;
    child.on("message", (m) => (measurement = m as CaseMeasurement));
    child.on("error", reject);
    child.on("exit", (code) =>
      measurement ? resolve(measurement) : reject(new Error(`bench case exited with ${code}`)),
    );
  });
}

function formatMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(1) : ms.toFixed(3);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--child") {
    await runChild(args[1]!, Number(args[2]), Number(args[3]));
    return;
  }
  const only = args[0] === "--only" ? args[1]?.toLowerCase() : undefined;
  const files = readdirSync(here)
    .filter((f) => f.endsWith(".bench.ts"))
    .sort();
  console.log(`# npm run bench — node ${process.version}, ${new Date().toISOString()}\n`);
  for (const file of files) {
    const sections = await loadSections(file);
    for (const [sectionIndex, section] of sections.entries()) {
      if (only && !file.toLowerCase().includes(only) && !section.title.toLowerCase().includes(only)) continue;
      console.log(`## ${section.title}\n\n${section.workload}\n`);
      console.log("| case | median ms | peak MB | vs peer | result |");
      console.log("|---|---:|---:|---:|---|");
      const measured = new Map<string, CaseMeasurement>();
      for (const [caseIndex, benchCase] of section.cases.entries()) {
        measured.set(benchCase.name, await measureInChild(file, sectionIndex, caseIndex));
      }
      for (const benchCase of section.cases) {
        const m = measured.get(benchCase.name)!;
        const peer = benchCase.peer ? measured.get(benchCase.peer) : undefined;
        const ratio = peer ? `${(m.medianMs / peer.medianMs).toFixed(2)}×` : "";
        console.log(
          `| ${benchCase.name} | ${formatMs(m.medianMs)} | ${m.peakMb.toFixed(1)} | ${ratio} | ${m.result} |`,
        );
      }
      console.log("");
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
