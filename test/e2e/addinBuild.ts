/**
 * Builds what the browser tests load: the add-in exactly as `npm run build` makes it (the project's
 * webpack.config.js in production mode, written to a folder of our own so dist/ is left alone), and
 * a bundle of the simulated Excel host that stands in for office.js.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import webpack, { type Configuration, type Stats } from "webpack";

export const projectRoot = resolve(__dirname, "../..");

export interface AddinBuild {
  /** Folder holding everything built; remove it when done. */
  root: string;
  /** Folder holding taskpane.html, taskpane.js, functions.js, … */
  folder: string;
  /** The simulated host bundle that answers the office.js request. */
  simulatedOfficeScript: string;
  buildMs: number;
}

function compile(config: Configuration): Promise<Stats> {
  return new Promise((resolvePromise, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (!stats) return reject(new Error("webpack returned no statistics"));
      if (stats.hasErrors()) {
        const messages = stats.toJson({ all: false, errors: true }).errors ?? [];
        return reject(new Error(`webpack failed:\n${messages.map((m) => m.message).join("\n\n")}`));
      }
      resolvePromise(stats);
    });
  });
}

/** The project's own production configuration, with only the output folder changed. */
async function addinConfiguration(outputFolder: string): Promise<Configuration> {
  const module = (await import(join(projectRoot, "webpack.config.js"))) as {
    default?: unknown;
  } & Record<string, unknown>;
  const factory = (module.default ?? module) as (
    env: object,
    argv: object,
  ) => Promise<Configuration> | Configuration;
  const config = await factory({}, { mode: "production" });
  return {
    ...config,
    output: { ...config.output, path: outputFolder },
    infrastructureLogging: { level: "error" },
  };
}

function simulatedHostConfiguration(outputFolder: string): Configuration {
  return {
    mode: "production",
    target: "web",
    devtool: false,
    entry: join(__dirname, "simulatedOfficePage.ts"),
    output: { path: outputFolder, filename: "simulated-office.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, configFile: join(projectRoot, "tsconfig.json") },
          },
        },
      ],
    },
    optimization: { minimize: false },
    infrastructureLogging: { level: "error" },
  };
}

/**
 * Builds both (about half a minute on two cores) into `folder`, or a new temporary folder. With
 * `reuse`, a folder that already holds a finished build is used as it is (the benchmark's cases
 * run in separate processes and share one build).
 */
export async function buildAddin(options: { folder?: string; reuse?: boolean } = {}): Promise<AddinBuild> {
  const started = Date.now();
  const root = options.folder ?? mkdtempSync(join(tmpdir(), "cba-addin-"));
  const folder = join(root, "addin");
  const hostScript = join(root, "host", "simulated-office.js");
  const finished = join(root, "build-finished");
  if (!(options.reuse && existsSync(finished))) {
    await compile(await addinConfiguration(folder));
    await compile(simulatedHostConfiguration(dirname(hostScript)));
    writeFileSync(finished, new Date().toISOString());
  }
  return {
    root,
    folder,
    simulatedOfficeScript: readFileSync(hostScript, "utf8"),
    buildMs: Date.now() - started,
  };
}

export interface BundleSize {
  file: string;
  minifiedBytes: number;
  gzippedBytes: number;
}

/** Sizes of the JavaScript the task pane page loads, minified (as built) and gzipped. */
export function bundleSizes(folder: string): BundleSize[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith(".js"))
    .sort()
    .map((file) => {
      const body = readFileSync(join(folder, file));
      return {
        file,
        minifiedBytes: statSync(join(folder, file)).size,
        gzippedBytes: gzipSync(body, { level: 9 }).length,
      };
    });
}

export function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
