import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  assetReaderFor,
  checkManifest,
  parseXml,
  pngSize,
  XmlSyntaxError,
  type AssetReader,
  type ManifestProblem,
} from "./manifestStructure";

const projectRoot = join(__dirname, "..", "..");
const manifest = readFileSync(join(projectRoot, "manifest.xml"), "utf8");
const assets = assetReaderFor(join(projectRoot, "assets"));

/** Replaces the one occurrence of `from`; fails if it is absent or ambiguous, so no mutation is a no-op. */
function replaceOnce(text: string, from: string, to: string): string {
  const first = text.indexOf(from);
  if (first < 0) throw new Error(`mutation target not found in manifest.xml: ${from}`);
  if (text.indexOf(from, first + 1) >= 0) throw new Error(`mutation target occurs more than once: ${from}`);
  return text.slice(0, first) + to + text.slice(first + from.length);
}

const rules = (problems: ManifestProblem[]): string[] => [
  ...new Set(problems.map((problem) => problem.rule)),
];

/** Adds a defined, well-formed URL resource so a test isolates the rule it is about. */
function withExtraUrl(text: string, id: string, url: string): string {
  return replaceOnce(text, "</bt:Urls>", `  <bt:Url id="${id}" DefaultValue="${url}" />\n      </bt:Urls>`);
}

describe("manifest.xml", () => {
  it("passes the structural check", () => {
    expect(checkManifest(manifest, assets)).toEqual([]);
  });

  it("names the same resource for the runtime, the functions page, the task pane and the function file", () => {
    const root = parseXml(manifest);
    const resids = [
      ...manifest.matchAll(/<(Runtime|FunctionFile) resid="([^"]+)"/g),
      ...manifest.matchAll(/<Page>\s*<SourceLocation resid="([^"]+)"/g),
    ].map((match) => match[match.length - 1]);
    expect(root.name).toBe("OfficeApp");
    expect(resids.length).toBe(3);
    expect(new Set(resids).size).toBe(1);
  });
});

describe("checkManifest reports each mistake that breaks custom functions", () => {
  // `alsoReported`: rules a mistake breaks as a matter of course (http:// is another origin too).
  const cases: {
    mistake: string;
    mutate: (text: string) => string;
    rule: ManifestProblem["rule"];
    alsoReported?: ManifestProblem["rule"][];
  }[] = [
    {
      mistake: "the custom functions page uses a different resource from the runtime",
      mutate: (text) =>
        withExtraUrl(
          replaceOnce(
            text,
            `<Page>\n              <SourceLocation resid="Taskpane.Url" />`,
            `<Page>\n              <SourceLocation resid="Functions.Page.Url" />`,
          ),
          "Functions.Page.Url",
          "https://localhost:3000/taskpane.html",
        ),
      rule: "sharedRuntime",
    },
    {
      mistake: "the runtime uses a different resource from the page and the task pane",
      mutate: (text) =>
        withExtraUrl(
          replaceOnce(text, `<Runtime resid="Taskpane.Url"`, `<Runtime resid="Shared.Url"`),
          "Shared.Url",
          "https://localhost:3000/taskpane.html",
        ),
      rule: "sharedRuntime",
    },
    {
      mistake: "the task pane button opens a different page from the runtime",
      mutate: (text) =>
        withExtraUrl(
          replaceOnce(
            text,
            `<TaskpaneId>CBA.Taskpane</TaskpaneId>\n                    <SourceLocation resid="Taskpane.Url" />`,
            `<TaskpaneId>CBA.Taskpane</TaskpaneId>\n                    <SourceLocation resid="Pane.Url" />`,
          ),
          "Pane.Url",
          "https://localhost:3000/taskpane.html",
        ),
      rule: "sharedRuntime",
    },
    {
      mistake: "the function file is outside the shared runtime",
      mutate: (text) =>
        withExtraUrl(
          replaceOnce(text, `<FunctionFile resid="Taskpane.Url" />`, `<FunctionFile resid="Commands.Url" />`),
          "Commands.Url",
          "https://localhost:3000/commands.html",
        ),
      rule: "sharedRuntime",
    },
    {
      mistake: "the runtime is short-lived",
      mutate: (text) => replaceOnce(text, `lifetime="long"`, `lifetime="short"`),
      rule: "sharedRuntime",
    },
    {
      mistake: "there is no <Runtimes> element",
      mutate: (text) => text.replace(/<Runtimes>[\s\S]*?<\/Runtimes>/, ""),
      rule: "sharedRuntime",
    },
    {
      mistake: "the default task pane page is not the runtime page",
      mutate: (text) =>
        replaceOnce(
          text,
          `<SourceLocation DefaultValue="https://localhost:3000/taskpane.html" />`,
          `<SourceLocation DefaultValue="https://localhost:3000/index.html" />`,
        ),
      rule: "sharedRuntime",
    },
    {
      mistake: "the SharedRuntime requirement set is missing",
      mutate: (text) => replaceOnce(text, `<Set Name="SharedRuntime" MinVersion="1.1" />`, ""),
      rule: "requirements",
    },
    {
      mistake: "the CustomFunctionsRuntime requirement set is missing",
      mutate: (text) => replaceOnce(text, `<Set Name="CustomFunctionsRuntime" MinVersion="1.1" />`, ""),
      rule: "requirements",
    },
    {
      mistake: "a requirement set is below 1.1",
      mutate: (text) =>
        replaceOnce(
          text,
          `<Set Name="SharedRuntime" MinVersion="1.1" />`,
          `<Set Name="SharedRuntime" MinVersion="1.0" />`,
        ),
      rule: "requirements",
    },
    {
      mistake: "the metadata URL is plain HTTP",
      mutate: (text) =>
        replaceOnce(
          text,
          `"https://localhost:3000/functions.json"`,
          `"http://localhost:3000/functions.json"`,
        ),
      rule: "https",
      alsoReported: ["origin"],
    },
    {
      mistake: "an icon file does not exist in assets/",
      mutate: (text) => replaceOnce(text, "assets/icon-80.png", "assets/icon-90.png"),
      rule: "icons",
    },
    {
      mistake: "an icon file has the wrong size for its slot",
      mutate: (text) =>
        replaceOnce(
          text,
          `"Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-32.png"`,
          `"Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-64.png"`,
        ),
      rule: "icons",
    },
    {
      mistake: "the namespace is not CBA",
      mutate: (text) =>
        replaceOnce(
          text,
          `<bt:String id="Functions.Namespace" DefaultValue="CBA" />`,
          `<bt:String id="Functions.Namespace" DefaultValue="CONTOSO" />`,
        ),
      rule: "namespace",
    },
    {
      mistake: "a resid names no resource",
      mutate: (text) => replaceOnce(text, `<Label resid="Group.Label" />`, `<Label resid="Missing.Label" />`),
      rule: "resources",
    },
    {
      mistake: "a resource id is defined twice",
      mutate: (text) => withExtraUrl(text, "Functions.Script.Url", "https://localhost:3000/functions.js"),
      rule: "resources",
    },
    {
      mistake: "a resid names a resource of the wrong kind",
      mutate: (text) =>
        replaceOnce(
          text,
          `<Namespace resid="Functions.Namespace" />`,
          `<Namespace resid="ShowTaskpane.Tooltip" />`,
        ),
      rule: "resources",
      alsoReported: ["namespace"],
    },
    {
      mistake: "the Id is not a GUID",
      mutate: (text) => text.replace(/<Id>[^<]*<\/Id>/, "<Id>shared-services-cba</Id>"),
      rule: "id",
    },
    {
      mistake: "the add-in cannot write to the workbook",
      mutate: (text) =>
        replaceOnce(
          text,
          "<Permissions>ReadWriteDocument</Permissions>",
          "<Permissions>ReadDocument</Permissions>",
        ),
      rule: "permissions",
    },
    {
      mistake: "the functions script is not the webpack bundle",
      mutate: (text) =>
        replaceOnce(text, `"https://localhost:3000/functions.js"`, `"https://localhost:3000/taskpane.js"`),
      rule: "customFunctions",
    },
    {
      mistake: "the custom functions extension point is gone",
      mutate: (text) => replaceOnce(text, `xsi:type="CustomFunctions"`, `xsi:type="Unknown"`),
      rule: "customFunctions",
    },
    {
      mistake: "one URL moved to another host",
      mutate: (text) =>
        replaceOnce(
          text,
          `"https://localhost:3000/functions.json"`,
          `"https://cba.example.gov.uk/functions.json"`,
        ),
      rule: "origin",
    },
    {
      mistake: "a ribbon string is longer than Office allows",
      mutate: (text) =>
        replaceOnce(text, `DefaultValue="Business case"`, `DefaultValue="${"Business case ".repeat(10)}"`),
      rule: "strings",
    },
    {
      mistake: "the XML is not well formed",
      mutate: (text) => replaceOnce(text, "</Permissions>", "</Permission>"),
      rule: "xml",
    },
  ];

  it.each(cases)("reports $rule when $mistake", ({ mutate, rule, alsoReported = [] }) => {
    const mutated = mutate(manifest);
    expect(mutated).not.toBe(manifest);
    expect(rules(checkManifest(mutated, assets)).sort()).toEqual([rule, ...alsoReported].sort());
  });

  it("reports every resid reference in the manifest when it is renamed to an undefined id", () => {
    const references = [...manifest.matchAll(/resid="([^"]+)"/g)];
    expect(references.length).toBeGreaterThan(10);
    for (const reference of references) {
      const start = reference.index + reference[0].length - 1 - (reference[1]?.length ?? 0);
      const mutated = `${manifest.slice(0, start)}Undefined.Id${manifest.slice(start + (reference[1]?.length ?? 0))}`;
      const problems = checkManifest(mutated, assets).filter((problem) => problem.rule === "resources");
      expect(problems.map((problem) => problem.message).join("\n")).toContain(`resid="Undefined.Id"`);
    }
  });

  it("reports every https URL in the manifest when it is switched to http", () => {
    const urls = [...manifest.matchAll(/https:\/\//g)];
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      const mutated = `${manifest.slice(0, url.index)}http://${manifest.slice(url.index + "https://".length)}`;
      expect(rules(checkManifest(mutated, assets))).toContain("https");
    }
  });

  it("reports an icon that is not a PNG", () => {
    const notPng: AssetReader = (fileName) =>
      fileName === "icon-16.png" ? new TextEncoder().encode("GIF89a") : assets(fileName);
    expect(rules(checkManifest(manifest, notPng))).toEqual(["icons"]);
  });
});

describe("parseXml", () => {
  it("reads elements, attributes in either quote, entities, text and CDATA, skipping comments", () => {
    const root = parseXml(
      `<?xml version="1.0"?>\n<!-- note --><a x="1 &amp; 2" y='&#65;&#x42;'><b/>t&lt;<![CDATA[<raw>]]></a>`,
    );
    expect(root).toMatchObject({ name: "a", attributes: { x: "1 & 2", y: "AB" }, text: "t<<raw>", line: 2 });
    expect(root.children.map((child) => child.name)).toEqual(["b"]);
  });

  it.each([
    ["a mismatched closing tag", "<a><b></a></b>"],
    ["an unclosed element", "<a><b></b>"],
    ["an unquoted attribute", "<a x=1/>"],
    ["a repeated attribute", `<a x="1" x="2"/>`],
    ["two root elements", "<a/><b/>"],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["a bare ampersand", "<a>fish & chips</a>"],
    ["text outside the root", "<a/>tail"],
    ["an unterminated comment", "<a><!-- </a>"],
  ])("rejects %s", (_description, xml) => {
    expect(() => parseXml(xml)).toThrow(XmlSyntaxError);
  });

  it("gives the line of the fault", () => {
    expect(() => parseXml("<a>\n<b>\n</c>\n</a>")).toThrow("line 3");
  });
});

describe("pngSize", () => {
  it("reads the size of each icon in assets/ from its header, matching its file name", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const bytes = assets(`icon-${size}.png`);
      expect(bytes && pngSize(bytes)).toEqual({ width: size, height: size });
    }
  });

  it("returns undefined for bytes that are not a PNG", () => {
    expect(pngSize(new Uint8Array(30))).toBeUndefined();
  });
});
