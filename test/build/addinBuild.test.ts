/**
 * Smoke test of the production build: runs the real `webpack --mode production` (into a temporary
 * folder) and checks that what Office will load fits together: every URL in the manifest is a file
 * the build wrote, the shared runtime page loads office.js and then both bundles, every function in
 * functions.json is registered in functions.js, and building touched no certificates.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const projectRoot = join(__dirname, "..", "..");
const officeJsUrl = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const buildTimeout = 180_000;

let workFolder: string;
let output: string;
let home: string;
let build: ReturnType<typeof spawnSync>;

beforeAll(() => {
  workFolder = mkdtempSync(join(tmpdir(), "cba-build-"));
  output = join(workFolder, "dist");
  home = join(workFolder, "home");
  mkdirSync(home);
  // `npm run build:node` writes to dist/node: the web build must leave it alone.
  mkdirSync(join(output, "node"), { recursive: true });
  writeFileSync(join(output, "node", "kept.js"), "// written by build:node\n");
  writeFileSync(join(output, "stale.js"), "// left by an earlier build\n");

  build = spawnSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", output],
    // A fresh HOME shows whether the build went looking for dev certificates.
    {
      cwd: projectRoot,
      env: { ...process.env, HOME: home, USERPROFILE: home },
      encoding: "utf8",
      timeout: buildTimeout,
    },
  );
}, buildTimeout + 10_000);

afterAll(() => {
  rmSync(workFolder, { recursive: true, force: true });
});

const built = (fileName: string): string => readFileSync(join(output, fileName), "utf8");

describe("npm run build", () => {
  it("succeeds", () => {
    expect({
      status: build.status,
      errors: String(build.stderr)
        .split("\n")
        .filter((l) => /error/i.test(l)),
    }).toEqual({
      status: 0,
      errors: [],
    });
  });

  it("writes every file the manifest points Office at", () => {
    const manifest = built("manifest.xml");
    expect(manifest).toBe(readFileSync(join(projectRoot, "manifest.xml"), "utf8"));
    const paths = [...manifest.matchAll(/https:\/\/localhost:3000\/([^"<\s]+)/g)].map(
      (match) => match[1] ?? "",
    );
    expect(paths).toEqual(expect.arrayContaining(["taskpane.html", "functions.js", "functions.json"]));
    for (const path of paths)
      expect({ path, exists: existsSync(join(output, path)) }).toEqual({ path, exists: true });
  });

  it("makes taskpane.html load office.js from Microsoft's CDN once, then functions.js, then taskpane.js", () => {
    const page = built("taskpane.html");
    const scripts = [...page.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].map((match) => match[1]);
    expect(scripts).toEqual([officeJsUrl, "functions.js", "taskpane.js"]);
    // The simulated host in end-to-end tests replaces this exact tag.
    expect(page).toContain(`<script src="${officeJsUrl}"></script>`);
  });

  it("registers every function listed in functions.json in functions.js", () => {
    const metadata = JSON.parse(built("functions.json")) as { functions: { id: string }[] };
    const registered = [...built("functions.js").matchAll(/CustomFunctions\.associate\("([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(metadata.functions.length).toBeGreaterThan(0);
    expect(registered.sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  it("keeps one copy of shared code: decimal.js is in functions.js and not again in taskpane.js", () => {
    const decimalMarker = "[DecimalError]";
    expect(built("functions.js")).toContain(decimalMarker);
    expect(built("taskpane.js")).not.toContain(decimalMarker);
  });

  it("minifies both bundles", () => {
    for (const bundle of ["functions.js", "taskpane.js"]) {
      const text = built(bundle);
      const lines = text.split("\n").length;
      expect({ bundle, fewLongLines: text.length / lines > 1000 }).toEqual({ bundle, fewLongLines: true });
    }
  });

  it("cleans earlier output but keeps dist/node", () => {
    expect(existsSync(join(output, "stale.js"))).toBe(false);
    expect(existsSync(join(output, "node", "kept.js"))).toBe(true);
  });

  it("needs no certificates", () => {
    expect(existsSync(join(home, ".office-addin-dev-certs"))).toBe(false);
  });
});
