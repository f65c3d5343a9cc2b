/**
 * A structural check of the add-in's XML manifest, for CI: Microsoft's validator
 * (`npm run validate`) is a web service CI cannot reach, and no npm package ships the manifest
 * schemas. The check targets the mistakes that make Excel drop the custom functions without a word
 * (#N/A in every cell) or refuse the add-in: a shared runtime split across resource ids, missing
 * requirement sets, plain-HTTP URLs, icons that are not there, an undefined resource id.
 *
 * XML is read by the small parser below rather than `@xmldom/xmldom`: that package is only a
 * transitive dependency (of office-addin-manifest) and may vanish with any update, and a manifest
 * needs nothing beyond elements, attributes, comments and entities.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** An element of a parsed XML document; `name` keeps its prefix as written (`bt:Image`). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

/** Thrown for XML that is not well formed; `line` is 1-based. */
export class XmlSyntaxError extends Error {
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = "XmlSyntaxError";
  }
}

const namedEntities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(raw: string, line: number): string {
  return raw.replace(/&([^;\s&]*);?/g, (whole, entity: string) => {
    if (!whole.endsWith(";")) throw new XmlSyntaxError(line, `"&" must start an entity such as &amp;`);
    const named = namedEntities[entity];
    if (named !== undefined) return named;
    const numeric = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(entity);
    if (numeric?.[1] !== undefined) {
      const text = numeric[1];
      return String.fromCodePoint(text.startsWith("x") ? parseInt(text.slice(1), 16) : parseInt(text, 10));
    }
    throw new XmlSyntaxError(line, `unknown entity &${entity};`);
  });
}

const namePattern = /^[A-Za-z_][\w.:-]*/;
const attributePattern = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/;

/**
 * Parses a small, well-formed XML document (no DTD) into an element tree.
 * @example parseXml('<a x="1"><b/>hi</a>').children[0]?.name // "b"
 */
export function parseXml(source: string): XmlElement {
  let position = 0;
  let line = 1;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;

  const advance = (count: number): string => {
    const taken = source.slice(position, position + count);
    for (const character of taken) if (character === "\n") line += 1;
    position += count;
    return taken;
  };
  const skipTo = (terminator: string, what: string): string => {
    const end = source.indexOf(terminator, position);
    if (end < 0) throw new XmlSyntaxError(line, `${what} is not closed with "${terminator}"`);
    const body = advance(end - position);
    advance(terminator.length);
    return body;
  };

  while (position < source.length) {
    const next = source.indexOf("<", position);
    const textEnd = next < 0 ? source.length : next;
    if (textEnd > position) {
      const textLine = line;
      const text = advance(textEnd - position);
      const parent = stack[stack.length - 1];
      if (parent) parent.text += decodeEntities(text, textLine);
      else if (text.trim() !== "") throw new XmlSyntaxError(textLine, "text outside the root element");
    }
    if (next < 0) break;

    if (source.startsWith("<!--", position)) {
      advance(4);
      skipTo("-->", "a comment");
    } else if (source.startsWith("<![CDATA[", position)) {
      advance(9);
      const cdataLine = line;
      const text = skipTo("]]>", "a CDATA section");
      const parent = stack[stack.length - 1];
      if (!parent) throw new XmlSyntaxError(cdataLine, "CDATA outside the root element");
      parent.text += text;
    } else if (source.startsWith("<?", position)) {
      advance(2);
      skipTo("?>", "a processing instruction");
    } else if (source.startsWith("<!", position)) {
      throw new XmlSyntaxError(line, "DTDs and other <! declarations are not supported in a manifest");
    } else if (source.startsWith("</", position)) {
      const closeLine = line;
      advance(2);
      const name = namePattern.exec(source.slice(position))?.[0];
      if (!name) throw new XmlSyntaxError(closeLine, "a closing tag without a name");
      advance(name.length);
      const rest = /^\s*>/.exec(source.slice(position));
      if (!rest) throw new XmlSyntaxError(line, `closing tag </${name} is not closed with ">"`);
      advance(rest[0].length);
      const open = stack.pop();
      if (!open) throw new XmlSyntaxError(closeLine, `</${name}> closes nothing`);
      if (open.name !== name) {
        throw new XmlSyntaxError(closeLine, `</${name}> closes <${open.name}> opened on line ${open.line}`);
      }
    } else {
      const openLine = line;
      advance(1);
      const name = namePattern.exec(source.slice(position))?.[0];
      if (!name) throw new XmlSyntaxError(openLine, `"<" must start a tag`);
      advance(name.length);
      const element: XmlElement = { name, attributes: {}, children: [], text: "", line: openLine };
      let selfClosing = false;
      for (;;) {
        const space = /^\s*/.exec(source.slice(position))?.[0] ?? "";
        advance(space.length);
        if (source.startsWith("/>", position)) {
          advance(2);
          selfClosing = true;
          break;
        }
        if (source.startsWith(">", position)) {
          advance(1);
          break;
        }
        const attribute = attributePattern.exec(source.slice(position));
        if (!attribute?.[1] || space === "") {
          throw new XmlSyntaxError(line, `malformed attribute in <${name}> (attributes need quoted values)`);
        }
        const attributeName = attribute[1];
        if (attributeName in element.attributes) {
          throw new XmlSyntaxError(line, `attribute ${attributeName} repeated in <${name}>`);
        }
        const attributeLine = line;
        advance(attribute[0].length);
        element.attributes[attributeName] = decodeEntities(attribute[3] ?? attribute[4] ?? "", attributeLine);
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) throw new XmlSyntaxError(openLine, `a second root element <${name}>`);
      else root = element;
      if (!selfClosing) stack.push(element);
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) throw new XmlSyntaxError(unclosed.line, `<${unclosed.name}> is never closed`);
  if (!root) throw new XmlSyntaxError(line, "no root element");
  return root;
}

/** One thing wrong with the manifest: which rule it breaks and what to fix, with a line number. */
export interface ManifestProblem {
  rule:
    | "xml"
    | "root"
    | "id"
    | "permissions"
    | "hosts"
    | "requirements"
    | "sharedRuntime"
    | "customFunctions"
    | "namespace"
    | "resources"
    | "https"
    | "origin"
    | "icons"
    | "strings";
  message: string;
}

/** How the check reads icon files: the bytes of `assets/<fileName>`, or undefined when missing. */
export type AssetReader = (fileName: string) => Uint8Array | undefined;

/** Namespace every custom function is called under in Excel (`=CBA.NPV(...)`). */
export const expectedNamespace = "CBA";

const requiredSets = ["SharedRuntime", "CustomFunctionsRuntime"] as const;
const maxResourceIdLength = 32;
const shortStringLimit = 125;
const longStringLimit = 250;
// Office's sizes for the top-level task pane icons.
const iconUrlSize = 32;
const highResolutionIconUrlSize = 64;
const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

function childNamed(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((child) => child.name === name);
}

function descendantsNamed(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement): void => {
    for (const child of node.children) {
      if (child.name === name) found.push(child);
      visit(child);
    }
  };
  visit(element);
  return found;
}

function allElements(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(allElements)];
}

/** Width and height from a PNG's IHDR chunk, or undefined if the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((byte, index) => bytes[index] !== byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== "IHDR") return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

type ResourceKind = "bt:Images" | "bt:Urls" | "bt:ShortStrings" | "bt:LongStrings";
interface Resource {
  kind: ResourceKind;
  value: string;
  line: number;
}

/**
 * Checks a manifest's text; returns every problem found (an empty list means it passes).
 * @example checkManifest(readFileSync("manifest.xml", "utf8"), assetReaderFor("assets")) // []
 */
export function checkManifest(xml: string, readAsset: AssetReader): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const report = (rule: ManifestProblem["rule"], message: string): void => {
    problems.push({ rule, message });
  };

  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    report("xml", `manifest.xml is not well-formed XML: ${(error as Error).message}`);
    return problems;
  }
  const at = (element: XmlElement): string => `line ${element.line}`;

  if (root.name !== "OfficeApp" || root.attributes["xsi:type"] !== "TaskPaneApp") {
    report("root", `the root element must be <OfficeApp xsi:type="TaskPaneApp"> (found <${root.name}>)`);
  }

  const id = childNamed(root, "Id");
  if (!id || !guidPattern.test(id.text.trim())) {
    report("id", `<Id> must be a GUID such as 0f3c...-...; found "${id?.text.trim() ?? "nothing"}"`);
  }

  const permissions = childNamed(root, "Permissions")?.text.trim();
  if (permissions !== "ReadWriteDocument") {
    report("permissions", `<Permissions> must be ReadWriteDocument (found "${permissions ?? "nothing"}")`);
  }

  const hostNames = childrenNamed(childNamed(root, "Hosts") ?? root, "Host").map((h) => h.attributes["Name"]);
  if (!hostNames.includes("Workbook")) report("hosts", `<Hosts> must contain <Host Name="Workbook" />`);

  // Requirement sets: each must be present at MinVersion 1.1 or later.
  const sets = childNamed(childNamed(root, "Requirements"), "Sets");
  for (const required of requiredSets) {
    const set = sets && childrenNamed(sets, "Set").find((s) => s.attributes["Name"] === required);
    const version = set?.attributes["MinVersion"] ?? sets?.attributes["DefaultMinVersion"];
    if (!set)
      report("requirements", `<Requirements><Sets> must contain <Set Name="${required}" MinVersion="1.1" />`);
    else if (version === undefined || Number(version) < 1.1 || Number.isNaN(Number(version))) {
      report("requirements", `${required} needs MinVersion 1.1 or later (${at(set)})`);
    }
  }

  // Resources, by id.
  const resources = new Map<string, Resource>();
  const resourcesElement = childNamed(childNamed(root, "VersionOverrides"), "Resources");
  const kinds: ResourceKind[] = ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"];
  for (const kind of kinds) {
    const group = childNamed(resourcesElement, kind);
    if (!group) continue;
    for (const entry of group.children) {
      const resourceId = entry.attributes["id"];
      const value = entry.attributes["DefaultValue"];
      if (resourceId === undefined || value === undefined) {
        report("resources", `<${entry.name}> in ${kind} needs id and DefaultValue (${at(entry)})`);
        continue;
      }
      if (resources.has(resourceId))
        report("resources", `resource id "${resourceId}" is defined twice (${at(entry)})`);
      if (resourceId.length > maxResourceIdLength) {
        report("resources", `resource id "${resourceId}" is longer than ${maxResourceIdLength} characters`);
      }
      resources.set(resourceId, { kind, value, line: entry.line });
    }
  }

  // Every resid must be defined, and of the kind its element needs.
  const expectedKind = (element: XmlElement): ResourceKind | undefined => {
    if (element.name === "bt:Image") return "bt:Images";
    if (["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(element.name))
      return "bt:Urls";
    if (["Label", "Title", "Namespace"].includes(element.name)) return "bt:ShortStrings";
    if (element.name === "Description") return "bt:LongStrings";
    return undefined;
  };
  for (const element of allElements(root)) {
    const resid = element.attributes["resid"];
    if (resid === undefined) continue;
    const resource = resources.get(resid);
    const kind = expectedKind(element);
    if (!resource)
      report("resources", `<${element.name} resid="${resid}"> names no resource (${at(element)})`);
    else if (kind && resource.kind !== kind) {
      report(
        "resources",
        `<${element.name} resid="${resid}"> needs a ${kind} entry, not ${resource.kind} (${at(element)})`,
      );
    }
  }
  const urlOf = (resid: string | undefined): string | undefined =>
    resid === undefined ? undefined : resources.get(resid)?.value;

  // The shared runtime: one page for the runtime, the functions, the ribbon and the task pane.
  const workbookHost = childrenNamed(
    childNamed(childNamed(root, "VersionOverrides"), "Hosts") ?? root,
    "Host",
  ).find((host) => host.attributes["xsi:type"] === "Workbook");
  if (!workbookHost) {
    report("hosts", `<VersionOverrides><Hosts> must contain <Host xsi:type="Workbook">`);
    return problems;
  }
  const runtimes = childrenNamed(childNamed(workbookHost, "Runtimes") ?? workbookHost, "Runtime");
  const runtime = runtimes[0];
  const runtimeResid = runtime?.attributes["resid"];
  if (!runtime || runtimeResid === undefined) {
    report(
      "sharedRuntime",
      `the Workbook host needs <Runtimes><Runtime resid="Taskpane.Url" lifetime="long" /></Runtimes>`,
    );
  } else {
    if (runtimes.length > 1) report("sharedRuntime", `only one <Runtime> is allowed (${at(runtime)})`);
    if (runtime.attributes["lifetime"] !== "long") {
      report(
        "sharedRuntime",
        `<Runtime> needs lifetime="long" or functions stop when the pane closes (${at(runtime)})`,
      );
    }
  }
  const sameAsRuntime = (element: XmlElement | undefined, what: string): void => {
    const resid = element?.attributes["resid"];
    if (element && runtimeResid !== undefined && resid !== runtimeResid) {
      report(
        "sharedRuntime",
        `${what} uses resid "${resid}" but the <Runtime> uses "${runtimeResid}": in a shared runtime they must be the same resource, or every function shows #N/A (${at(element)})`,
      );
    }
  };

  const customFunctions = descendantsNamed(workbookHost, "ExtensionPoint").find(
    (point) => point.attributes["xsi:type"] === "CustomFunctions",
  );
  if (!customFunctions) {
    report(
      "customFunctions",
      `the Workbook host needs <ExtensionPoint xsi:type="CustomFunctions"> under <AllFormFactors>`,
    );
  } else {
    const location = (part: string): XmlElement | undefined =>
      childNamed(childNamed(customFunctions, part), "SourceLocation");
    for (const part of ["Script", "Page", "Metadata"]) {
      if (!location(part))
        report(
          "customFunctions",
          `<${part}><SourceLocation resid="..." /></${part}> is missing (${at(customFunctions)})`,
        );
    }
    sameAsRuntime(location("Page"), "the custom functions <Page>");
    const scriptUrl = urlOf(location("Script")?.attributes["resid"]);
    if (scriptUrl !== undefined && !scriptUrl.endsWith("/functions.js")) {
      report(
        "customFunctions",
        `the custom functions <Script> must point at functions.js, the bundle webpack writes (found ${scriptUrl})`,
      );
    }
    const metadataUrl = urlOf(location("Metadata")?.attributes["resid"]);
    if (metadataUrl !== undefined && !metadataUrl.endsWith("/functions.json")) {
      report(
        "customFunctions",
        `the custom functions <Metadata> must point at functions.json, which the build generates (found ${metadataUrl})`,
      );
    }
    const namespace = childNamed(customFunctions, "Namespace");
    const namespaceValue = resources.get(namespace?.attributes["resid"] ?? "")?.value;
    if (namespaceValue !== expectedNamespace) {
      report(
        "namespace",
        `the custom functions namespace must be "${expectedNamespace}" (found "${namespaceValue ?? "nothing"}")`,
      );
    }
  }

  const taskpaneActions = descendantsNamed(workbookHost, "Action").filter(
    (action) => action.attributes["xsi:type"] === "ShowTaskpane",
  );
  if (taskpaneActions.length === 0)
    report("sharedRuntime", `no ribbon button opens the task pane (<Action xsi:type="ShowTaskpane">)`);
  for (const action of taskpaneActions)
    sameAsRuntime(childNamed(action, "SourceLocation"), "the task pane button's <SourceLocation>");
  for (const functionFile of descendantsNamed(workbookHost, "FunctionFile"))
    sameAsRuntime(functionFile, "<FunctionFile>");

  const defaultLocation = childNamed(childNamed(root, "DefaultSettings"), "SourceLocation");
  const runtimeUrl = urlOf(runtimeResid);
  if (
    defaultLocation &&
    runtimeUrl !== undefined &&
    defaultLocation.attributes["DefaultValue"] !== runtimeUrl
  ) {
    report(
      "sharedRuntime",
      `<DefaultSettings><SourceLocation> is ${defaultLocation.attributes["DefaultValue"]} but the runtime page is ${runtimeUrl} (${at(defaultLocation)})`,
    );
  }

  // URLs the add-in serves itself: HTTPS, one origin, icons present in assets/ at the right size.
  interface ServedUrl {
    url: string;
    where: string;
    icon: boolean;
    iconSize?: number;
  }
  const served: ServedUrl[] = [];
  const topLevelIcon = (name: string, size: number): void => {
    const element = childNamed(root, name);
    const url = element?.attributes["DefaultValue"];
    if (element && url !== undefined)
      served.push({ url, where: `<${name}> (${at(element)})`, icon: true, iconSize: size });
  };
  topLevelIcon("IconUrl", iconUrlSize);
  topLevelIcon("HighResolutionIconUrl", highResolutionIconUrlSize);
  const defaultUrl = defaultLocation?.attributes["DefaultValue"];
  if (defaultLocation && defaultUrl !== undefined)
    served.push({ url: defaultUrl, where: `<DefaultSettings> (${at(defaultLocation)})`, icon: false });
  const imageSizes = new Map<string, Set<number>>();
  for (const reference of descendantsNamed(workbookHost, "bt:Image")) {
    const resid = reference.attributes["resid"];
    const size = Number(reference.attributes["size"]);
    if (resid === undefined) continue;
    if (!imageSizes.has(resid)) imageSizes.set(resid, new Set());
    imageSizes.get(resid)?.add(size);
  }
  for (const [resourceId, resource] of resources) {
    if (resource.kind === "bt:Images") {
      for (const size of imageSizes.get(resourceId) ?? [undefined]) {
        const where = `image "${resourceId}" (line ${resource.line})`;
        served.push({ url: resource.value, where, icon: true, ...(size ? { iconSize: size } : {}) });
      }
    } else if (resource.kind === "bt:Urls") {
      served.push({ url: resource.value, where: `url "${resourceId}" (line ${resource.line})`, icon: false });
    }
  }

  const origins = new Set<string>();
  for (const { url, where, icon, iconSize } of served) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      report("https", `${where}: "${url}" is not an absolute URL`);
      continue;
    }
    if (parsed.protocol !== "https:") report("https", `${where}: Office only loads HTTPS, found ${url}`);
    origins.add(parsed.origin);
    const iconFile = /^\/assets\/([^/]+)$/.exec(parsed.pathname)?.[1];
    if (!icon) continue;
    if (iconFile === undefined) {
      report("icons", `${where}: icons must be files in assets/ (found ${url})`);
      continue;
    }
    const bytes = readAsset(iconFile);
    const size = bytes && pngSize(bytes);
    if (!bytes) report("icons", `${where}: assets/${iconFile} does not exist`);
    else if (!size) report("icons", `${where}: assets/${iconFile} is not a PNG`);
    else if (iconSize !== undefined && (size.width !== iconSize || size.height !== iconSize)) {
      report(
        "icons",
        `${where}: assets/${iconFile} is ${size.width}×${size.height}, the manifest says ${iconSize}×${iconSize}`,
      );
    }
  }
  if (origins.size > 1) {
    report(
      "origin",
      `the add-in's own URLs must share one origin (a half-finished host change?): ${[...origins].join(", ")}`,
    );
  }

  // Any remaining http:// value (an Override, SupportUrl, AppDomain) is still insecure.
  for (const element of allElements(root)) {
    for (const [name, value] of Object.entries(element.attributes)) {
      if (!name.startsWith("xmlns") && /^http:\/\//i.test(value) && !served.some((s) => s.url === value)) {
        report("https", `<${element.name} ${name}="${value}">: Office only loads HTTPS (${at(element)})`);
      }
    }
    if (/^http:\/\//i.test(element.text.trim()))
      report("https", `<${element.name}>${element.text.trim()}: use HTTPS (${at(element)})`);
  }

  // Lengths Office enforces.
  const checkLength = (text: string | undefined, limit: number, what: string): void => {
    if (text === undefined || text.trim() === "") report("strings", `${what} is empty`);
    else if (text.length > limit)
      report("strings", `${what} is ${text.length} characters; the limit is ${limit}`);
  };
  checkLength(childNamed(root, "DisplayName")?.attributes["DefaultValue"], shortStringLimit, "<DisplayName>");
  checkLength(childNamed(root, "Description")?.attributes["DefaultValue"], longStringLimit, "<Description>");
  for (const [resourceId, resource] of resources) {
    if (resource.kind === "bt:ShortStrings")
      checkLength(resource.value, shortStringLimit, `string "${resourceId}"`);
    if (resource.kind === "bt:LongStrings")
      checkLength(resource.value, longStringLimit, `string "${resourceId}"`);
  }

  return problems;
}

/** Reads icons from a folder on disk (the project's assets/). */
export function assetReaderFor(assetsDirectory: string): AssetReader {
  return (fileName) => {
    const path = join(assetsDirectory, fileName);
    return existsSync(path) ? readFileSync(path) : undefined;
  };
}
