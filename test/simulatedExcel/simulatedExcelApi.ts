/**
 * The subset of the Excel JavaScript API the add-in uses, over a SimulatedWorkbook, with the
 * proxy semantics that decide whether an add-in works in Excel:
 *
 * - every method call and property assignment is only queued; it takes effect, in order, when
 *   `context.sync()` (or the end of `Excel.run`) sends the batch;
 * - a property can be read only after `load` and a completed `sync`, otherwise it throws
 *   PropertyNotLoaded, as Office.js does; `items` of a collection likewise;
 * - `getItem` of a missing item fails the batch with ItemNotFound; `getItemOrNullObject` gives a
 *   null object whose `isNullObject` is known after the sync;
 * - a failing command rejects the sync and drops the commands after it; the ones before it stay
 *   applied (Excel does not roll a batch back);
 * - a request over `requestPayloadLimitBytes` (5 MB, as Excel on the web) is refused whole, before
 *   any of its commands runs; a reply over `responsePayloadLimitBytes` fails the sync;
 * - methods newer than the host's `excelApiVersion` fail with ApiNotFound, as on an older Excel;
 * - `application.suspendApiCalculationUntilNextSync()` holds recalculation for the rest of the
 *   request; cell writes made while calculation runs are counted;
 * - the number of syncs and of round trips that carried commands is counted for assertions.
 *
 * Plain TypeScript with no Node APIs: it runs in jest and, bundled, in a browser page.
 */
import {
  type CellRectangle,
  cellName,
  formatRectangle,
  gridColumns,
  gridRows,
  parseRectangle,
  sameName,
  sheetPrefix,
  splitSheetQualified,
} from "./simulatedAddresses";
import { SimulatedOfficeError, propertyNotLoaded } from "./simulatedOfficeError";
import {
  type ChartRecord,
  SimulatedName,
  SimulatedSheet,
  SimulatedTable,
  SimulatedWorkbook,
  type WorkbookDescription,
} from "./simulatedWorkbook";
import { worksheetsChangedEvent } from "./simulatedEvents";

export interface SimulatedExcelStatistics {
  /** `Excel.run` calls. */
  runs: number;
  /** Explicit `context.sync()` calls. */
  syncCalls: number;
  /** Requests that reached the host with at least one command, including the one `Excel.run` sends when the batch ends. */
  roundTrips: number;
  /** Commands executed. */
  commands: number;
  /**
   * Cell data (values and number formats, as JSON) in the largest request and the largest
   * reply: Excel on the web refuses a request or reply over about 5 MB.
   */
  largestRequestBytes: number;
  largestReplyBytes: number;
  /** Size of each request that reached the host with commands, in order (refused ones included). */
  requestBytes: number[];
  /** Requests refused for exceeding `requestPayloadLimitBytes`. */
  refusedRequests: number;
  /** Replies lost for exceeding `responsePayloadLimitBytes` (the request's commands did run). */
  refusedReplies: number;
  /** Commands that changed cells while recalculation was not suspended. */
  cellWritesWhileCalculating: number;
  /** Requests in which recalculation was suspended. */
  requestsWithCalculationSuspended: number;
}

function emptyStatistics(): SimulatedExcelStatistics {
  return {
    runs: 0,
    syncCalls: 0,
    roundTrips: 0,
    commands: 0,
    largestRequestBytes: 0,
    largestReplyBytes: 0,
    requestBytes: [],
    refusedRequests: 0,
    refusedReplies: 0,
    cellWritesWhileCalculating: 0,
    requestsWithCalculationSuspended: 0,
  };
}

/** What the simulated host counts for a command besides its cell data: its object path and kind. */
function commandEnvelopeBytes(label: string): number {
  return label.length + 64;
}

function versionAtMost(asked: string, supported: string): boolean {
  const [askedMajor = 0, askedMinor = 0] = asked.split(".").map(Number);
  const [major = 0, minor = 0] = supported.split(".").map(Number);
  return askedMajor < major || (askedMajor === major && askedMinor <= minor);
}

type LoadOption = string | string[] | { select?: string; expand?: string } | undefined;

function loadPaths(option: LoadOption): string[] | "all" {
  if (option === undefined) return "all";
  const text =
    typeof option === "string" ? option : Array.isArray(option) ? option.join(",") : (option.select ?? "");
  const paths = text
    .split(",")
    .map((path) => path.trim())
    .filter((path) => path !== "");
  return paths.length === 0 ? "all" : paths;
}

function copyValue<V>(value: V): V {
  return Array.isArray(value) ? (value.map((element: unknown) => copyValue(element)) as V) : value;
}

interface Command {
  label: string;
  run: () => void;
  /** Size of the cell data the command carries. */
  bytes: number;
}

export class SimulatedRequestContext {
  readonly workbook: SimulatedWorkbookObject;
  readonly application: SimulatedApplication;
  /** @internal True from a suspendApiCalculationUntilNextSync command to the end of its request. */
  calculationSuspended = false;
  private pending: Command[] = [];
  private replyBytes = 0;
  private executing = false;
  private ended = false;

  constructor(readonly host: SimulatedExcel) {
    this.workbook = new SimulatedWorkbookObject(this);
    this.application = this.workbook.application;
  }

  /** @internal Queues a command for the next sync. */
  enqueue(label: string, run: () => void, bytes = 0): void {
    if (this.ended) {
      throw new SimulatedOfficeError(
        "InvalidObjectPath",
        `${label}: this object belongs to an Excel.run batch that has finished.`,
      );
    }
    this.pending.push({ label, run, bytes });
  }

  /** @internal Counts cell data loaded into the reply of the batch executing. */
  addReplyBytes(bytes: number): void {
    this.replyBytes += bytes;
  }

  /** @internal Proxies resolve their targets only while a batch executes. */
  assertExecuting(): void {
    if (!this.executing) throw new Error("Simulated Excel: an object was resolved outside a sync.");
  }

  /** @internal */
  assertSameContext(other: SimulatedClientObject<unknown>, label: string): void {
    if (other.context !== this) {
      throw new SimulatedOfficeError(
        "InvalidRequestContext",
        `${label}: cannot use an object across different request contexts.`,
      );
    }
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    this.host.statistics.syncCalls += 1;
    await this.send();
    return passThroughValue as T;
  }

  /** @internal Sends the queued commands, as Excel.run does when its batch ends. */
  async finish(): Promise<void> {
    try {
      await this.send();
    } finally {
      this.ended = true;
    }
  }

  /** @internal Marks the context finished without sending (the batch failed). */
  abandon(): void {
    this.pending = [];
    this.ended = true;
  }

  private async send(): Promise<void> {
    // The request is built when sync is called; the reply arrives later, like a real round trip.
    const batch = this.pending;
    this.pending = [];
    await new Promise<void>((resolve) => setTimeout(resolve, this.host.roundTripDelayMs));
    if (batch.length === 0) return;
    const statistics = this.host.statistics;
    statistics.roundTrips += 1;
    const requestBytes = batch.reduce(
      (total, command) => total + command.bytes + commandEnvelopeBytes(command.label),
      0,
    );
    statistics.largestRequestBytes = Math.max(statistics.largestRequestBytes, requestBytes);
    statistics.requestBytes.push(requestBytes);
    if (requestBytes > this.host.requestPayloadLimitBytes) {
      statistics.refusedRequests += 1;
      throw new SimulatedOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${requestBytes} bytes) has exceeded the limit of ${this.host.requestPayloadLimitBytes} bytes.`,
      );
    }
    this.replyBytes = 0;
    this.executing = true;
    this.calculationSuspended = false;
    try {
      for (const command of batch) {
        try {
          command.run();
          this.host.statistics.commands += 1;
        } catch (error) {
          if (error instanceof SimulatedOfficeError) {
            throw new SimulatedOfficeError(error.code, error.message, command.label);
          }
          throw error;
        }
      }
    } finally {
      this.executing = false;
      if (this.calculationSuspended) statistics.requestsWithCalculationSuspended += 1;
      // Recalculation resumes when the request ends (the simulated host evaluates formulas on read).
      this.calculationSuspended = false;
      statistics.largestReplyBytes = Math.max(statistics.largestReplyBytes, this.replyBytes);
    }
    if (this.replyBytes > this.host.responsePayloadLimitBytes) {
      statistics.refusedReplies += 1;
      throw new SimulatedOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${this.replyBytes} bytes) has exceeded the limit of ${this.host.responsePayloadLimitBytes} bytes.`,
      );
    }
  }
}

type Source<T> = { resolve: () => T | null; eager: boolean } | { bound: T };

/** Base of every proxy: lazy target resolution, queued loads, PropertyNotLoaded on early reads. */
export abstract class SimulatedClientObject<T> {
  private resolver: (() => T | null) | undefined;
  private target: T | null | undefined;
  private resolved = false;
  private nullKnown = false;
  private readonly loaded = new Map<string, unknown>();
  private readonly children = new Map<string, SimulatedClientObject<unknown>>();

  constructor(
    readonly context: SimulatedRequestContext,
    protected readonly description: string,
    source: Source<T>,
  ) {
    if ("bound" in source) {
      this.target = source.bound;
      this.resolved = true;
      this.nullKnown = true;
    } else {
      this.resolver = source.resolve;
      // Methods such as getItem are commands of their own: a missing item fails the batch.
      if (source.eager) context.enqueue(description, () => this.targetOrNull());
    }
  }

  /** True after a sync when the object does not exist (only *OrNullObject methods give one). */
  get isNullObject(): boolean {
    if (!this.nullKnown) throw propertyNotLoaded("isNullObject");
    return this.target === null;
  }

  load(option?: LoadOption): this {
    const paths = loadPaths(option);
    this.context.enqueue(`${this.description}.load`, () => this.applyLoad(paths));
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  /** @internal */
  targetOrNull(): T | null {
    this.context.assertExecuting();
    if (!this.resolved) {
      this.target = this.resolver!();
      this.resolved = true;
      this.nullKnown = true;
    }
    const target = this.target as T | null;
    if (target !== null) this.checkAlive(target);
    return target;
  }

  /** @internal */
  liveTarget(): T {
    const target = this.targetOrNull();
    if (target === null) {
      throw new SimulatedOfficeError(
        "ItemNotFound",
        `${this.description} does not exist (it is a null object).`,
      );
    }
    return target;
  }

  /** @internal Runs during a sync: copies the requested properties into the proxy. */
  applyLoad(paths: string[] | "all"): void {
    const target = this.targetOrNull();
    if (target === null) return;
    for (const path of paths === "all" ? this.scalarNames() : paths) {
      const [head = "", ...rest] = path.split("/");
      if (rest.length === 0 && this.scalarNames().includes(head)) {
        const value = copyValue(this.readScalar(target, head));
        if (Array.isArray(value)) this.context.addReplyBytes(JSON.stringify(value).length);
        this.loaded.set(head, value);
        continue;
      }
      const child = this.navigation(head);
      if (!child) {
        throw new SimulatedOfficeError(
          "InvalidArgument",
          `'${head}' is not a property of ${this.description}.`,
        );
      }
      child.applyLoad(rest.length === 0 ? "all" : [rest.join("/")]);
    }
  }

  protected checkAlive(_target: T): void {}

  protected abstract scalarNames(): readonly string[];

  protected abstract readScalar(target: T, name: string): unknown;

  protected navigation(_name: string): SimulatedClientObject<unknown> | undefined {
    return undefined;
  }

  protected loadedProperty<V>(name: string): V {
    if (!this.loaded.has(name)) throw propertyNotLoaded(name);
    return this.loaded.get(name) as V;
  }

  protected child<C extends SimulatedClientObject<unknown>>(key: string, make: () => C): C {
    let existing = this.children.get(key) as C | undefined;
    if (!existing) {
      existing = make();
      this.children.set(key, existing);
    }
    return existing;
  }

  protected queue(label: string, run: () => void, bytes = 0): void {
    this.context.enqueue(`${this.description}.${label}`, run, bytes);
  }

  /** Queues a command that changes cells, counted when recalculation is not suspended. */
  protected queueCellWrite(label: string, run: () => void, bytes = 0): void {
    this.queue(
      label,
      () => {
        run();
        if (!this.context.calculationSuspended) this.context.host.statistics.cellWritesWhileCalculating += 1;
      },
      bytes,
    );
  }

  /** Fails the command, as Excel does, when the host lacks the ExcelApi set that brought the method. */
  protected requireApi(version: string, method: string): void {
    if (!this.context.host.isSetSupported("ExcelApi", version)) {
      throw new SimulatedOfficeError(
        "ApiNotFound",
        `${method} needs ExcelApi ${version}; this host supports ExcelApi ${this.context.host.excelApiVersion}.`,
      );
    }
  }

  protected get model(): SimulatedWorkbook {
    return this.context.host.workbook;
  }
}

/** A collection: `items` exist only after load + sync. */
abstract class SimulatedCollection<
  T,
  Item extends SimulatedClientObject<unknown>,
> extends SimulatedClientObject<T> {
  private loadedItems: Item[] | undefined;

  get items(): Item[] {
    if (!this.loadedItems) throw propertyNotLoaded("items");
    return this.loadedItems;
  }

  override applyLoad(paths: string[] | "all"): void {
    const target = this.liveTarget();
    let itemPaths: string[] | "all" = "all";
    if (paths !== "all") {
      const stripped = paths.map((path) => path.replace(/^items(\/|$)/, ""));
      itemPaths = stripped.some((path) => path === "") ? "all" : stripped;
    }
    const items = this.members(target).map((member) => this.wrap(member));
    for (const item of items) item.applyLoad(itemPaths);
    this.loadedItems = items;
  }

  protected scalarNames(): readonly string[] {
    return [];
  }

  protected readScalar(): unknown {
    return undefined;
  }

  protected abstract members(target: T): unknown[];

  protected abstract wrap(member: unknown): Item;
}

/** What `getItem` resolves to: the item found, or ItemNotFound (failing the batch) when there is none. */
function foundItem<T>(found: T | undefined, kind: string, key: string): T {
  if (found === undefined)
    throw new SimulatedOfficeError("ItemNotFound", `The requested ${kind} '${key}' doesn't exist.`);
  return found;
}

// ---- workbook --------------------------------------------------------------------------------

export class SimulatedWorkbookObject extends SimulatedClientObject<SimulatedWorkbook> {
  constructor(context: SimulatedRequestContext) {
    super(context, "Workbook", { resolve: () => context.host.workbook, eager: false });
  }

  get worksheets(): SimulatedWorksheetCollection {
    return this.child("worksheets", () => new SimulatedWorksheetCollection(this.context));
  }

  get names(): SimulatedNamedItemCollection {
    return this.child("names", () => new SimulatedNamedItemCollection(this.context));
  }

  get tables(): SimulatedTableCollection {
    return this.child(
      "tables",
      () => new SimulatedTableCollection(this.context, "Workbook.tables", () => null),
    );
  }

  get application(): SimulatedApplication {
    return this.child("application", () => new SimulatedApplication(this.context));
  }

  protected scalarNames(): readonly string[] {
    return [];
  }

  protected readScalar(): unknown {
    return undefined;
  }
}

export class SimulatedApplication extends SimulatedClientObject<SimulatedWorkbook> {
  constructor(context: SimulatedRequestContext) {
    super(context, "Application", { resolve: () => context.host.workbook, eager: false });
  }

  /** Holds recalculation until the request ends (ExcelApi 1.6). */
  suspendApiCalculationUntilNextSync(): void {
    this.queue("suspendApiCalculationUntilNextSync", () => {
      this.requireApi("1.6", "Application.suspendApiCalculationUntilNextSync");
      this.context.calculationSuspended = true;
    });
  }

  protected scalarNames(): readonly string[] {
    return ["calculationMode"];
  }

  protected readScalar(): unknown {
    return "Automatic";
  }
}

// ---- worksheets ------------------------------------------------------------------------------

export class SimulatedWorksheetCollection extends SimulatedCollection<SimulatedWorkbook, SimulatedWorksheet> {
  constructor(context: SimulatedRequestContext) {
    super(context, "WorksheetCollection", { resolve: () => context.host.workbook, eager: false });
  }

  add(name?: string): SimulatedWorksheet {
    let created: SimulatedSheet | undefined;
    this.queue("add", () => {
      created = this.model.addSheet(name);
    });
    return new SimulatedWorksheet(this.context, `Worksheet '${name ?? "(new)"}'`, {
      resolve: () => created ?? null,
      eager: false,
    });
  }

  getItem(key: string): SimulatedWorksheet {
    return new SimulatedWorksheet(this.context, `Worksheet '${key}'`, {
      resolve: () => foundItem(this.find(key), "worksheet", key),
      eager: true,
    });
  }

  getItemOrNullObject(key: string): SimulatedWorksheet {
    return new SimulatedWorksheet(this.context, `Worksheet '${key}'`, {
      resolve: () => this.find(key) ?? null,
      eager: true,
    });
  }

  /** ExcelApi 1.7 change events, in simulatedEvents.ts. */
  get onChanged(): ReturnType<typeof worksheetsChangedEvent> {
    return worksheetsChangedEvent(this.context);
  }

  getActiveWorksheet(): SimulatedWorksheet {
    return new SimulatedWorksheet(this.context, "Active worksheet", {
      resolve: () => this.model.activeSheet ?? null,
      eager: true,
    });
  }

  protected members(target: SimulatedWorkbook): unknown[] {
    return [...target.sheets];
  }

  protected wrap(member: unknown): SimulatedWorksheet {
    const sheet = member as SimulatedSheet;
    return new SimulatedWorksheet(this.context, `Worksheet '${sheet.name}'`, { bound: sheet });
  }

  private find(key: string): SimulatedSheet | undefined {
    return this.model.findSheet(key) ?? this.model.sheets.find((sheet) => sheet.id === key);
  }
}

export class SimulatedWorksheet extends SimulatedClientObject<SimulatedSheet> {
  get name(): string {
    return this.loadedProperty("name");
  }

  set name(value: string) {
    this.queue("name", () => this.model.renameSheet(this.liveTarget(), value));
  }

  get id(): string {
    return this.loadedProperty("id");
  }

  get position(): number {
    return this.loadedProperty("position");
  }

  set position(value: number) {
    this.queue("position", () => this.model.moveSheet(this.liveTarget(), value));
  }

  get visibility(): string {
    return this.loadedProperty("visibility");
  }

  set visibility(value: string) {
    this.queue("visibility", () => {
      if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden") {
        throw new SimulatedOfficeError("InvalidArgument", `'${String(value)}' is not a sheet visibility.`);
      }
      const sheet = this.liveTarget();
      const otherVisible = this.model.sheets.some(
        (other) => other !== sheet && other.visibility === "Visible",
      );
      if (value !== "Visible" && !otherVisible) {
        throw new SimulatedOfficeError(
          "InvalidOperation",
          "This operation is not allowed: a workbook must contain at least one visible worksheet.",
        );
      }
      sheet.visibility = value;
    });
  }

  get tables(): SimulatedTableCollection {
    return this.child(
      "tables",
      () => new SimulatedTableCollection(this.context, `${this.description}.tables`, () => this.liveTarget()),
    );
  }

  get charts(): SimulatedChartCollection {
    return this.child("charts", () => new SimulatedChartCollection(this.context, this));
  }

  get freezePanes(): SimulatedFreezePanes {
    return this.child("freezePanes", () => new SimulatedFreezePanes(this.context, this));
  }

  get pageLayout(): SimulatedPageLayoutObject {
    return this.child("pageLayout", () => new SimulatedPageLayoutObject(this.context, this));
  }

  /** A range of the sheet; without an address, the whole worksheet. */
  getRange(address?: string): SimulatedRange {
    const whole = { row: 0, column: 0, rowCount: gridRows, columnCount: gridColumns };
    return new SimulatedRange(this.context, `${this.description}.getRange('${address ?? ""}')`, {
      resolve: () => ({
        sheet: this.liveTarget(),
        rectangle: address === undefined ? whole : parseRectangle(address),
      }),
      eager: true,
    });
  }

  delete(): void {
    this.queue("delete", () => this.model.deleteSheet(this.liveTarget()));
  }

  activate(): void {
    this.queue("activate", () => {
      this.model.activeSheet = this.liveTarget();
    });
  }

  protected override checkAlive(target: SimulatedSheet): void {
    if (target.deleted)
      throw new SimulatedOfficeError("ItemNotFound", `${this.description} has been deleted.`);
  }

  protected override navigation(name: string): SimulatedClientObject<unknown> | undefined {
    if (name === "charts") return this.charts;
    return name === "tables" ? this.tables : undefined;
  }

  protected scalarNames(): readonly string[] {
    return ["name", "id", "position", "visibility"];
  }

  protected readScalar(target: SimulatedSheet, name: string): unknown {
    if (name === "position") return this.model.sheets.indexOf(target);
    if (name === "visibility") return target.visibility;
    return name === "id" ? target.id : target.name;
  }
}

/** `Worksheet.freezePanes` (ExcelApi 1.7): only the rows-at-the-top form the product uses. */
export class SimulatedFreezePanes extends SimulatedClientObject<SimulatedSheet> {
  constructor(context: SimulatedRequestContext, sheet: SimulatedWorksheet) {
    super(context, "Worksheet.freezePanes", { resolve: () => sheet.liveTarget(), eager: false });
  }

  freezeRows(count?: number): void {
    this.queue("freezeRows", () => {
      this.requireApi("1.7", "FreezePanes.freezeRows");
      const rows = count ?? 1;
      if (!Number.isInteger(rows) || rows < 0 || rows > gridRows)
        throw new SimulatedOfficeError("InvalidArgument", `${String(count)} is not a number of rows.`);
      this.liveTarget().frozenRows = rows;
    });
  }

  unfreeze(): void {
    this.queue("unfreeze", () => {
      this.requireApi("1.7", "FreezePanes.unfreeze");
      this.liveTarget().frozenRows = 0;
    });
  }

  protected scalarNames(): readonly string[] {
    return [];
  }

  protected readScalar(): unknown {
    return undefined;
  }
}

const paperTypes = new Set(["A3", "A4", "A5", "Letter", "Legal"]);

/** `Worksheet.pageLayout` (ExcelApi 1.9): orientation, paper size, zoom and the print area. */
export class SimulatedPageLayoutObject extends SimulatedClientObject<SimulatedSheet> {
  constructor(context: SimulatedRequestContext, sheet: SimulatedWorksheet) {
    super(context, "Worksheet.pageLayout", { resolve: () => sheet.liveTarget(), eager: false });
  }

  set orientation(value: string) {
    this.queue("orientation", () => {
      this.requireApi("1.9", "PageLayout.orientation");
      if (value !== "Landscape" && value !== "Portrait")
        throw new SimulatedOfficeError("InvalidArgument", `'${value}' is not a page orientation.`);
      this.liveTarget().pageLayout.orientation = value;
    });
  }

  set paperSize(value: string) {
    this.queue("paperSize", () => {
      this.requireApi("1.9", "PageLayout.paperSize");
      if (!paperTypes.has(value))
        throw new SimulatedOfficeError("InvalidArgument", `'${value}' is not a paper type.`);
      this.liveTarget().pageLayout.paperSize = value;
    });
  }

  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    const zoom = { ...value };
    this.queue("zoom", () => {
      this.requireApi("1.9", "PageLayout.zoom");
      const pages = [zoom.horizontalFitToPages, zoom.verticalFitToPages].filter((n) => n !== undefined);
      if (pages.some((n) => !Number.isInteger(n) || n! < 0))
        throw new SimulatedOfficeError("InvalidArgument", "Pages to fit must be whole numbers.");
      this.liveTarget().pageLayout.zoom = zoom;
    });
  }

  setPrintArea(address: string): void {
    this.queue("setPrintArea", () => {
      this.requireApi("1.9", "PageLayout.setPrintArea");
      parseRectangle(address); // fails as Excel does on an address it cannot read
      this.liveTarget().pageLayout.printArea = address;
    });
  }

  protected scalarNames(): readonly string[] {
    return [];
  }

  protected readScalar(): unknown {
    return undefined;
  }
}

// ---- names -----------------------------------------------------------------------------------

export class SimulatedNamedItemCollection extends SimulatedCollection<SimulatedWorkbook, SimulatedNamedItem> {
  constructor(context: SimulatedRequestContext) {
    super(context, "NamedItemCollection", { resolve: () => context.host.workbook, eager: false });
  }

  add(name: string, reference: SimulatedRange | string, comment?: string): SimulatedNamedItem {
    if (reference instanceof SimulatedClientObject)
      this.context.assertSameContext(reference, "NamedItemCollection.add");
    let created: SimulatedName | undefined;
    this.queue(`add('${name}')`, () => {
      const target =
        reference instanceof SimulatedRange
          ? { kind: "range" as const, ...reference.liveTarget() }
          : typeof reference === "string"
            ? this.model.parseReference(reference)
            : (() => {
                throw new SimulatedOfficeError(
                  "InvalidArgument",
                  "A name must refer to a range or a formula.",
                );
              })();
      created = this.model.addName(name, target, comment ?? "");
    });
    return new SimulatedNamedItem(this.context, `NamedItem '${name}'`, {
      resolve: () => created ?? null,
      eager: false,
    });
  }

  getItem(name: string): SimulatedNamedItem {
    return new SimulatedNamedItem(this.context, `NamedItem '${name}'`, {
      resolve: () => foundItem(this.model.findName(name), "name", name),
      eager: true,
    });
  }

  getItemOrNullObject(name: string): SimulatedNamedItem {
    return new SimulatedNamedItem(this.context, `NamedItem '${name}'`, {
      resolve: () => this.model.findName(name) ?? null,
      eager: true,
    });
  }

  protected members(target: SimulatedWorkbook): unknown[] {
    return [...target.names];
  }

  protected wrap(member: unknown): SimulatedNamedItem {
    const item = member as SimulatedName;
    return new SimulatedNamedItem(this.context, `NamedItem '${item.name}'`, { bound: item });
  }
}

export class SimulatedNamedItem extends SimulatedClientObject<SimulatedName> {
  get name(): string {
    return this.loadedProperty("name");
  }

  get type(): string {
    return this.loadedProperty("type");
  }

  get value(): unknown {
    return this.loadedProperty("value");
  }

  get formula(): string {
    return this.loadedProperty("formula");
  }

  set formula(value: string) {
    this.queue("formula", () => {
      this.liveTarget().target = this.model.parseReference(value);
    });
  }

  get visible(): boolean {
    return this.loadedProperty("visible");
  }

  set visible(value: boolean) {
    this.queue("visible", () => {
      if (typeof value !== "boolean")
        throw new SimulatedOfficeError("InvalidArgument", "visible must be true or false.");
      this.liveTarget().visible = value;
    });
  }

  get comment(): string {
    return this.loadedProperty("comment");
  }

  get scope(): string {
    return this.loadedProperty("scope");
  }

  getRange(): SimulatedRange {
    return new SimulatedRange(this.context, `${this.description}.getRange()`, {
      resolve: () => {
        const target = this.liveTarget().target;
        if (target.kind !== "range") {
          throw new SimulatedOfficeError("InvalidArgument", `${this.description} does not refer to a range.`);
        }
        return { sheet: target.sheet, rectangle: target.rectangle };
      },
      eager: true,
    });
  }

  getRangeOrNullObject(): SimulatedRange {
    return new SimulatedRange(this.context, `${this.description}.getRangeOrNullObject()`, {
      resolve: () => {
        const target = this.liveTarget().target;
        return target.kind === "range" ? { sheet: target.sheet, rectangle: target.rectangle } : null;
      },
      eager: true,
    });
  }

  delete(): void {
    this.queue("delete", () => this.model.deleteName(this.liveTarget()));
  }

  protected override checkAlive(target: SimulatedName): void {
    if (target.deleted)
      throw new SimulatedOfficeError("ItemNotFound", `${this.description} has been deleted.`);
  }

  protected scalarNames(): readonly string[] {
    return ["name", "type", "value", "formula", "visible", "comment", "scope"];
  }

  protected readScalar(target: SimulatedName, name: string): unknown {
    switch (name) {
      case "type":
        return this.model.nameType(target);
      case "value":
        return this.model.nameValue(target);
      case "formula":
        return this.model.nameFormula(target);
      case "visible":
        return target.visible;
      case "comment":
        return target.comment;
      case "scope":
        return "Workbook";
      default:
        return target.name;
    }
  }
}

// ---- tables ----------------------------------------------------------------------------------

/** A table collection is the workbook's (scope null) or one worksheet's. */
export class SimulatedTableCollection extends SimulatedCollection<
  { sheet: SimulatedSheet | null },
  SimulatedTableObject
> {
  constructor(context: SimulatedRequestContext, description: string, scope: () => SimulatedSheet | null) {
    super(context, description, { resolve: () => ({ sheet: scope() }), eager: false });
  }

  add(address: SimulatedRange | string, hasHeaders: boolean): SimulatedTableObject {
    if (address instanceof SimulatedClientObject)
      this.context.assertSameContext(address, "TableCollection.add");
    let created: SimulatedTable | undefined;
    this.queue("add", () => {
      const scope = this.liveTarget().sheet;
      let sheet: SimulatedSheet;
      let rectangle: CellRectangle;
      if (address instanceof SimulatedRange) {
        ({ sheet, rectangle } = address.liveTarget());
      } else if (typeof address === "string") {
        const parts = splitSheetQualified(address);
        const active = this.model.activeSheet;
        sheet = parts.sheet !== null ? this.model.requireSheet(parts.sheet) : (scope ?? active!);
        rectangle = parseRectangle(parts.address);
      } else {
        throw new SimulatedOfficeError("InvalidArgument", "A table needs a range or an address.");
      }
      if (scope && scope !== sheet) {
        throw new SimulatedOfficeError("InvalidArgument", "The range is not on this worksheet.");
      }
      if (typeof hasHeaders !== "boolean") {
        throw new SimulatedOfficeError("InvalidArgument", "hasHeaders must be true or false.");
      }
      created = this.model.addTable(sheet, rectangle, hasHeaders);
    });
    return new SimulatedTableObject(this.context, "Table (new)", {
      resolve: () => created ?? null,
      eager: false,
    });
  }

  getItem(key: string): SimulatedTableObject {
    return new SimulatedTableObject(this.context, `Table '${key}'`, {
      resolve: () => foundItem(this.find(key), "table", key),
      eager: true,
    });
  }

  getItemOrNullObject(key: string): SimulatedTableObject {
    return new SimulatedTableObject(this.context, `Table '${key}'`, {
      resolve: () => this.find(key) ?? null,
      eager: true,
    });
  }

  protected members(target: { sheet: SimulatedSheet | null }): unknown[] {
    return this.model.tables.filter((table) => target.sheet === null || table.sheet === target.sheet);
  }

  protected wrap(member: unknown): SimulatedTableObject {
    const table = member as SimulatedTable;
    return new SimulatedTableObject(this.context, `Table '${table.name}'`, { bound: table });
  }

  private find(key: string): SimulatedTable | undefined {
    const scope = this.liveTarget().sheet;
    return this.model.tables.find(
      (table) => (sameName(table.name, key) || table.id === key) && (scope === null || table.sheet === scope),
    );
  }
}

export class SimulatedTableObject extends SimulatedClientObject<SimulatedTable> {
  get name(): string {
    return this.loadedProperty("name");
  }

  set name(value: string) {
    this.queue("name", () => this.model.renameTable(this.liveTarget(), value));
  }

  get id(): string {
    return this.loadedProperty("id");
  }

  get worksheet(): SimulatedWorksheet {
    return this.child(
      "worksheet",
      () =>
        new SimulatedWorksheet(this.context, `${this.description}.worksheet`, {
          resolve: () => this.liveTarget().sheet,
          eager: false,
        }),
    );
  }

  getRange(): SimulatedRange {
    return this.tableRange("getRange()", (rectangle) => rectangle);
  }

  getHeaderRowRange(): SimulatedRange {
    return this.tableRange("getHeaderRowRange()", (rectangle) => ({ ...rectangle, rowCount: 1 }));
  }

  getDataBodyRange(): SimulatedRange {
    return this.tableRange("getDataBodyRange()", (rectangle) => ({
      ...rectangle,
      row: rectangle.row + 1,
      rowCount: rectangle.rowCount - 1,
    }));
  }

  delete(): void {
    this.queue("delete", () => this.model.removeTable(this.liveTarget()));
  }

  protected override checkAlive(target: SimulatedTable): void {
    if (target.deleted)
      throw new SimulatedOfficeError("ItemNotFound", `${this.description} has been deleted.`);
  }

  protected override navigation(name: string): SimulatedClientObject<unknown> | undefined {
    return name === "worksheet" ? this.worksheet : undefined;
  }

  protected scalarNames(): readonly string[] {
    return ["name", "id", "showHeaders", "showTotals"];
  }

  protected readScalar(target: SimulatedTable, name: string): unknown {
    if (name === "showHeaders") return true;
    if (name === "showTotals") return false;
    return name === "id" ? target.id : target.name;
  }

  private tableRange(label: string, part: (rectangle: CellRectangle) => CellRectangle): SimulatedRange {
    return new SimulatedRange(this.context, `${this.description}.${label}`, {
      resolve: () => {
        const table = this.liveTarget();
        return { sheet: table.sheet, rectangle: part(table.rectangle) };
      },
      eager: true,
    });
  }
}

// ---- ranges ----------------------------------------------------------------------------------

export interface RangeTarget {
  sheet: SimulatedSheet;
  rectangle: CellRectangle;
}

export class SimulatedRange extends SimulatedClientObject<RangeTarget> {
  get values(): unknown[][] {
    return this.loadedProperty("values");
  }

  set values(input: unknown[][]) {
    const copy = copyValue(input);
    this.queueCellWrite(
      "values",
      () => {
        const { sheet, rectangle } = this.liveTarget();
        this.model.writeValues(sheet, rectangle, copy);
      },
      JSON.stringify(copy)?.length ?? 0,
    );
  }

  get numberFormat(): unknown[][] {
    return this.loadedProperty("numberFormat");
  }

  set numberFormat(input: unknown[][]) {
    const copy = copyValue(input);
    this.queueCellWrite(
      "numberFormat",
      () => {
        const { sheet, rectangle } = this.liveTarget();
        this.model.writeNumberFormats(sheet, rectangle, copy);
      },
      JSON.stringify(copy)?.length ?? 0,
    );
  }

  get formulas(): unknown[][] {
    return this.loadedProperty("formulas");
  }

  set formulas(input: unknown[][]) {
    const copy = copyValue(input);
    this.queueCellWrite(
      "formulas",
      () => {
        const { sheet, rectangle } = this.liveTarget();
        this.model.writeFormulas(sheet, rectangle, copy);
      },
      JSON.stringify(copy)?.length ?? 0,
    );
  }

  get address(): string {
    return this.loadedProperty("address");
  }

  /** Clears contents, formats or both ("All", the default); tables and charts stay. */
  clear(applyTo?: string): void {
    this.queueCellWrite(`clear(${applyTo ?? ""})`, () => {
      const { sheet, rectangle } = this.liveTarget();
      const whole = rectangle.rowCount === gridRows && rectangle.columnCount === gridColumns;
      this.model.clearRange(sheet, whole ? null : rectangle, applyTo ?? "All");
    });
  }

  /** Copies cells from another range, values and formats alike (ExcelApi 1.9; copy type All only). */
  copyFrom(
    sourceRange: SimulatedRange | string,
    copyType?: string,
    skipBlanks?: boolean,
    transpose?: boolean,
  ): void {
    if (sourceRange instanceof SimulatedClientObject)
      this.context.assertSameContext(sourceRange, "Range.copyFrom");
    this.queueCellWrite("copyFrom", () => {
      this.requireApi("1.9", "Range.copyFrom");
      if ((copyType !== undefined && copyType !== "All") || skipBlanks === true || transpose === true) {
        throw new SimulatedOfficeError(
          "NotImplemented",
          "The simulated host copies with copy type All only, without skipping blanks or transposing.",
        );
      }
      const target = this.liveTarget();
      const source =
        sourceRange instanceof SimulatedRange
          ? sourceRange.liveTarget()
          : this.model.parseSheetRange(String(sourceRange));
      this.model.copyCells(source, target);
    });
  }

  get rowCount(): number {
    return this.loadedProperty("rowCount");
  }

  get columnCount(): number {
    return this.loadedProperty("columnCount");
  }

  get rowIndex(): number {
    return this.loadedProperty("rowIndex");
  }

  get columnIndex(): number {
    return this.loadedProperty("columnIndex");
  }

  get format(): SimulatedRangeFormat {
    return this.child("format", () => new SimulatedRangeFormat(this.context, this));
  }

  get worksheet(): SimulatedWorksheet {
    return this.child(
      "worksheet",
      () =>
        new SimulatedWorksheet(this.context, `${this.description}.worksheet`, {
          resolve: () => this.liveTarget().sheet,
          eager: false,
        }),
    );
  }

  /** The cell at (row, column) counted from this range's top-left; it may lie outside the range. */
  getCell(row: number, column: number): SimulatedRange {
    return this.derived(`getCell(${row}, ${column})`, (rectangle) => ({
      row: rectangle.row + row,
      column: rectangle.column + column,
      rowCount: 1,
      columnCount: 1,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): SimulatedRange {
    return this.derived(`getResizedRange(${deltaRows}, ${deltaColumns})`, (rectangle) => ({
      ...rectangle,
      rowCount: rectangle.rowCount + deltaRows,
      columnCount: rectangle.columnCount + deltaColumns,
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): SimulatedRange {
    return this.derived(`getOffsetRange(${rowOffset}, ${columnOffset})`, (rectangle) => ({
      ...rectangle,
      row: rectangle.row + rowOffset,
      column: rectangle.column + columnOffset,
    }));
  }

  select(): void {
    this.queue("select", () => {
      const { sheet, rectangle } = this.liveTarget();
      this.model.activeSheet = sheet;
      this.model.selection = { sheet: sheet.name, address: formatRectangle(rectangle) };
    });
  }

  protected override checkAlive(target: RangeTarget): void {
    if (target.sheet.deleted) {
      throw new SimulatedOfficeError("ItemNotFound", `${this.description}: its worksheet has been deleted.`);
    }
  }

  protected override navigation(name: string): SimulatedClientObject<unknown> | undefined {
    if (name === "format") return this.format;
    return name === "worksheet" ? this.worksheet : undefined;
  }

  protected scalarNames(): readonly string[] {
    return [
      "values",
      "formulas",
      "numberFormat",
      "address",
      "rowCount",
      "columnCount",
      "rowIndex",
      "columnIndex",
    ];
  }

  protected readScalar(target: RangeTarget, name: string): unknown {
    const { sheet, rectangle } = target;
    switch (name) {
      case "values":
        return this.model.readValues(sheet, rectangle);
      case "formulas":
        return this.model.readFormulas(sheet, rectangle);
      case "numberFormat":
        return this.model.readNumberFormats(sheet, rectangle);
      case "address":
        return `${sheetPrefix(sheet.name)}${formatRectangle(rectangle)}`;
      case "rowCount":
        return rectangle.rowCount;
      case "columnCount":
        return rectangle.columnCount;
      case "rowIndex":
        return rectangle.row;
      default:
        return rectangle.column;
    }
  }

  private derived(label: string, change: (rectangle: CellRectangle) => CellRectangle): SimulatedRange {
    return new SimulatedRange(this.context, `${this.description}.${label}`, {
      resolve: () => {
        const { sheet, rectangle } = this.liveTarget();
        const next = change(rectangle);
        const onGrid =
          next.rowCount >= 1 &&
          next.columnCount >= 1 &&
          next.row >= 0 &&
          next.column >= 0 &&
          next.row + next.rowCount <= gridRows &&
          next.column + next.columnCount <= gridColumns;
        if (!onGrid) {
          throw new SimulatedOfficeError("InvalidArgument", `${label} leaves the worksheet.`);
        }
        return { sheet, rectangle: next };
      },
      eager: true,
    });
  }
}

export class SimulatedRangeFormat extends SimulatedClientObject<RangeTarget> {
  constructor(
    context: SimulatedRequestContext,
    private readonly range: SimulatedRange,
  ) {
    super(context, "RangeFormat", { resolve: () => range.liveTarget(), eager: false });
  }

  get fill(): SimulatedRangeFill {
    return this.child("fill", () => new SimulatedRangeFill(this.context, this.range));
  }

  get font(): SimulatedRangeFont {
    return this.child("font", () => new SimulatedRangeFont(this.context, this.range));
  }

  /** Column widths are not modelled; the command still fails on a range that is gone. */
  autofitColumns(): void {
    this.queue("autofitColumns", () => {
      this.range.liveTarget();
    });
  }

  protected override navigation(name: string): SimulatedClientObject<unknown> | undefined {
    if (name === "fill") return this.fill;
    return name === "font" ? this.font : undefined;
  }

  protected scalarNames(): readonly string[] {
    return [];
  }

  protected readScalar(): unknown {
    return undefined;
  }
}

export class SimulatedRangeFill extends SimulatedClientObject<RangeTarget> {
  constructor(context: SimulatedRequestContext, range: SimulatedRange) {
    super(context, "RangeFill", { resolve: () => range.liveTarget(), eager: false });
  }

  get color(): string | null {
    return this.loadedProperty("color");
  }

  set color(value: string) {
    this.queueCellWrite("color", () => {
      const { sheet, rectangle } = this.liveTarget();
      this.model.setFill(sheet, rectangle, value);
    });
  }

  clear(): void {
    this.queue("clear", () => {
      const { sheet, rectangle } = this.liveTarget();
      this.model.setFill(sheet, rectangle, "");
    });
  }

  protected scalarNames(): readonly string[] {
    return ["color"];
  }

  protected readScalar(target: RangeTarget): unknown {
    return this.model.readFill(target.sheet, target.rectangle);
  }
}

export class SimulatedRangeFont extends SimulatedClientObject<RangeTarget> {
  constructor(context: SimulatedRequestContext, range: SimulatedRange) {
    super(context, "RangeFont", { resolve: () => range.liveTarget(), eager: false });
  }

  get bold(): boolean | null {
    return this.loadedProperty("bold");
  }

  set bold(value: boolean) {
    this.queueCellWrite("bold", () => {
      const { sheet, rectangle } = this.liveTarget();
      this.model.setBold(sheet, rectangle, value);
    });
  }

  protected scalarNames(): readonly string[] {
    return ["bold"];
  }

  protected readScalar(target: RangeTarget): unknown {
    return this.model.readBold(target.sheet, target.rectangle);
  }
}

// ---- charts ----------------------------------------------------------------------------------

/** The chart types the simulated host accepts (Excel's two-dimensional ones). */
export const simulatedChartTypes: readonly string[] = [
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "BarClustered",
  "BarStacked",
  "BarStacked100",
  "Line",
  "LineStacked",
  "LineStacked100",
  "LineMarkers",
  "LineMarkersStacked",
  "LineMarkersStacked100",
  "Pie",
  "PieExploded",
  "Doughnut",
  "Area",
  "AreaStacked",
  "AreaStacked100",
  "XYScatter",
  "XYScatterLines",
  "XYScatterSmooth",
  "Waterfall",
];

interface ChartTarget {
  sheet: SimulatedSheet;
  chart: ChartRecord;
}

export class SimulatedChartCollection extends SimulatedCollection<SimulatedSheet, SimulatedChart> {
  constructor(context: SimulatedRequestContext, worksheet: SimulatedWorksheet) {
    super(context, "ChartCollection", { resolve: () => worksheet.liveTarget(), eager: false });
  }

  add(type: string, sourceData: SimulatedRange, seriesBy?: string): SimulatedChart {
    if (sourceData instanceof SimulatedClientObject)
      this.context.assertSameContext(sourceData, "ChartCollection.add");
    let created: ChartTarget | undefined;
    this.queue(`add('${type}')`, () => {
      const sheet = this.liveTarget();
      if (!simulatedChartTypes.includes(type)) {
        throw new SimulatedOfficeError("InvalidArgument", `'${String(type)}' is not a chart type.`);
      }
      if (seriesBy !== undefined && !["Auto", "Columns", "Rows"].includes(seriesBy)) {
        throw new SimulatedOfficeError(
          "InvalidArgument",
          `'${String(seriesBy)}' is not a ChartSeriesBy value.`,
        );
      }
      if (!(sourceData instanceof SimulatedRange)) {
        throw new SimulatedOfficeError("InvalidArgument", "A chart's source data must be a Range object.");
      }
      const source = sourceData.liveTarget();
      const chart: ChartRecord = {
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        source: `${sheetPrefix(source.sheet.name)}${formatRectangle(source.rectangle)}`,
        seriesBy: seriesBy ?? "Auto",
        title: "",
      };
      sheet.charts.push(chart);
      created = { sheet, chart };
    });
    return new SimulatedChart(this.context, `Chart '${type}'`, {
      resolve: () => created ?? null,
      eager: false,
    });
  }

  protected members(target: SimulatedSheet): unknown[] {
    return target.charts.map((chart) => ({ sheet: target, chart }));
  }

  protected wrap(member: unknown): SimulatedChart {
    const target = member as ChartTarget;
    return new SimulatedChart(this.context, `Chart '${target.chart.name}'`, { bound: target });
  }
}

export class SimulatedChart extends SimulatedClientObject<ChartTarget> {
  get name(): string {
    return this.loadedProperty("name");
  }

  set name(value: string) {
    this.queue("name", () => {
      if (typeof value !== "string" || value === "") {
        throw new SimulatedOfficeError("InvalidArgument", "A chart name must be text.");
      }
      this.liveTarget().chart.name = value;
    });
  }

  get chartType(): string {
    return this.loadedProperty("chartType");
  }

  get title(): SimulatedChartTitle {
    return this.child("title", () => new SimulatedChartTitle(this.context, this));
  }

  delete(): void {
    this.queue("delete", () => {
      const { sheet, chart } = this.liveTarget();
      sheet.charts.splice(sheet.charts.indexOf(chart), 1);
      this.deleted = true;
    });
  }

  setPosition(startCell: SimulatedRange | string, endCell?: SimulatedRange | string): void {
    for (const cell of [startCell, endCell]) {
      if (cell instanceof SimulatedClientObject) this.context.assertSameContext(cell, "Chart.setPosition");
    }
    this.queue("setPosition", () => {
      const { sheet, chart } = this.liveTarget();
      const place = (cell: SimulatedRange | string, corner: "first" | "last"): string => {
        const { sheet: cellSheet, rectangle } =
          cell instanceof SimulatedRange
            ? cell.liveTarget()
            : { sheet, rectangle: parseRectangle(String(cell)) };
        if (cellSheet !== sheet) {
          throw new SimulatedOfficeError("InvalidArgument", "A chart is positioned on its own worksheet.");
        }
        return corner === "first"
          ? cellName(rectangle.row, rectangle.column)
          : cellName(rectangle.row + rectangle.rowCount - 1, rectangle.column + rectangle.columnCount - 1);
      };
      chart.topLeft = place(startCell, "first");
      if (endCell !== undefined) chart.bottomRight = place(endCell, "last");
    });
  }

  protected override navigation(name: string): SimulatedClientObject<unknown> | undefined {
    return name === "title" ? this.title : undefined;
  }

  private deleted = false;

  protected override checkAlive(target: ChartTarget): void {
    if (target.sheet.deleted || this.deleted || !target.sheet.charts.includes(target.chart))
      throw new SimulatedOfficeError("ItemNotFound", `${this.description} has been deleted.`);
  }

  protected scalarNames(): readonly string[] {
    return ["name", "chartType"];
  }

  protected readScalar(target: ChartTarget, name: string): unknown {
    return name === "chartType" ? target.chart.type : target.chart.name;
  }
}

export class SimulatedChartTitle extends SimulatedClientObject<ChartTarget> {
  constructor(context: SimulatedRequestContext, chart: SimulatedChart) {
    super(context, "ChartTitle", { resolve: () => chart.liveTarget(), eager: false });
  }

  get text(): string {
    return this.loadedProperty("text");
  }

  set text(value: string) {
    this.queue("text", () => {
      if (typeof value !== "string")
        throw new SimulatedOfficeError("InvalidArgument", "A chart title must be text.");
      this.liveTarget().chart.title = value;
    });
  }

  protected scalarNames(): readonly string[] {
    return ["text"];
  }

  protected readScalar(target: ChartTarget): unknown {
    return target.chart.title;
  }
}

// ---- the host --------------------------------------------------------------------------------

/** One simulated Excel: a workbook, `run`, and counters of what the add-in asked of it. */
export class SimulatedExcel {
  readonly statistics: SimulatedExcelStatistics = emptyStatistics();
  /** Milliseconds each round trip takes (0 by default; raise it to mimic Excel on the web). */
  roundTripDelayMs = 0;
  /** Largest request accepted, as Excel on the web's 5 MB (`Infinity` for no limit). */
  requestPayloadLimitBytes = 5 * 1024 * 1024;
  /** Largest reply given, likewise: loading more fails the sync once the commands have run. */
  responsePayloadLimitBytes = 5 * 1024 * 1024;
  /** Highest ExcelApi requirement set the host supports (Excel on the web has the newest). */
  excelApiVersion = "1.17";

  /** `Office.context.requirements.isSetSupported` for this host. */
  readonly isSetSupported = (name: string, version?: string): boolean =>
    name === "ExcelApi" && versionAtMost(version ?? "1.1", this.excelApiVersion);

  constructor(readonly workbook: SimulatedWorkbook) {}

  static fromDescription(description: WorkbookDescription): SimulatedExcel {
    return new SimulatedExcel(SimulatedWorkbook.fromDescription(description));
  }

  resetStatistics(): void {
    Object.assign(this.statistics, emptyStatistics());
  }

  /** `Excel.run(batch)`: runs the batch, then sends whatever it left queued, as Office.js does. */
  readonly run = async <T>(...args: unknown[]): Promise<T> => {
    const batch = args[args.length - 1];
    if (typeof batch !== "function") {
      throw new SimulatedOfficeError("InvalidArgument", "Excel.run needs a batch function.");
    }
    this.statistics.runs += 1;
    const context = new SimulatedRequestContext(this);
    let result: T;
    try {
      const returned = (batch as (context: SimulatedRequestContext) => unknown)(context);
      if (!returned || typeof (returned as Promise<T>).then !== "function") {
        throw new SimulatedOfficeError(
          "InvalidArgument",
          "The batch function passed to Excel.run must return a promise.",
        );
      }
      result = await (returned as Promise<T>);
    } catch (error) {
      context.abandon();
      throw error;
    }
    await context.finish();
    return result;
  };
}
