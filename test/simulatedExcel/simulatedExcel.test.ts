import {
  SimulatedExcel,
  SimulatedOfficeError,
  SimulatedRequestContext,
  installSimulatedOffice,
  uninstallSimulatedOffice,
  type WorkbookDescription,
} from "./index";

type Batch<T> = (context: SimulatedRequestContext) => Promise<T>;

function hostWith(description?: WorkbookDescription): SimulatedExcel {
  return SimulatedExcel.fromDescription(
    description ?? {
      sheets: {
        Inputs: [
          ["Line", "Cost"],
          ["ICT", 100],
          ["HR", 250],
        ],
        "CBA Partners": { B2: "kept" },
      },
      names: { CBA_Costs: "Inputs!A1:B3", CBA_Rate: "=0.035" },
      tables: { CBA_Lines: "Inputs!D1:E2" },
    },
  );
}

function run<T>(host: SimulatedExcel, batch: Batch<T>): Promise<T> {
  return host.run(batch);
}

async function rejection(promise: Promise<unknown>): Promise<SimulatedOfficeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SimulatedOfficeError) return error;
    throw error;
  }
  throw new Error("expected the batch to fail");
}

describe("proxy semantics", () => {
  it("a property read before load and sync throws PropertyNotLoaded, and so does one read before the sync completes", async () => {
    const host = hostWith();
    await run(host, async (context) => {
      const range = context.workbook.worksheets.getItem("Inputs").getRange("A1:B3");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      const pending = context.sync();
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await pending;
      expect(range.values).toEqual([
        ["Line", "Cost"],
        ["ICT", 100],
        ["HR", 250],
      ]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("collection items exist only after load and sync", async () => {
    const host = hostWith();
    await run(host, async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((sheet) => sheet.name)).toEqual(["Inputs", "CBA Partners"]);
      expect(() => sheets.items[0]!.position).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("writes take effect at sync, not when they are queued", async () => {
    const host = hostWith();
    await run(host, async (context) => {
      context.workbook.worksheets.getItem("Inputs").getRange("B2").values = [[999]];
      expect(host.workbook.valuesAt("Inputs", "B2")).toEqual([[100]]);
      await context.sync();
      expect(host.workbook.valuesAt("Inputs", "B2")).toEqual([[999]]);
    });
  });

  it("Excel.run sends what the batch left queued, counted as a round trip but not as a sync call", async () => {
    const host = hostWith();
    await run(host, async (context) => {
      context.workbook.worksheets.getItem("Inputs").getRange("B3").values = [[7]];
    });
    expect(host.workbook.valuesAt("Inputs", "B3")).toEqual([[7]]);
    expect(host.statistics).toMatchObject({ runs: 1, syncCalls: 0, roundTrips: 1 });
  });

  it("the cell data sent and loaded in the largest round trip is measured", async () => {
    const host = hostWith();
    const values = [
      ["a", 1],
      ["b", 2],
    ];
    await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Inputs");
      sheet.getRange("A1:B2").values = values;
      sheet.getRange("A1:B3").load("values");
      await context.sync();
    });
    // The cell data, plus an envelope for each of the five commands (two lookups, the write, a
    // range and its load) of at least 64 bytes and at most about 150.
    const data = JSON.stringify(values).length;
    expect(host.statistics.largestRequestBytes).toBeGreaterThanOrEqual(data + 5 * 64);
    expect(host.statistics.largestRequestBytes).toBeLessThan(data + 5 * 150);
    expect(host.statistics.largestReplyBytes).toBe(JSON.stringify([...values, ["HR", 250]]).length);
  });

  it("a sync with nothing queued is counted as a call but makes no round trip", async () => {
    const host = hostWith();
    await run(host, async (context) => {
      await context.sync();
      await context.sync();
    });
    expect(host.statistics).toMatchObject({ syncCalls: 2, roundTrips: 0 });
  });

  it("a failing command rejects the sync: commands before it stay applied, those after it are dropped", async () => {
    const host = hostWith();
    const error = await rejection(
      run(host, async (context) => {
        const sheet = context.workbook.worksheets.getItem("Inputs");
        sheet.getRange("B2").values = [[1]];
        context.workbook.worksheets.getItem("Missing").getRange("A1").values = [[2]];
        sheet.getRange("B3").values = [[3]];
        await context.sync();
      }),
    );
    expect(error.code).toBe("ItemNotFound");
    expect(error.debugInfo.errorLocation).toContain("Missing");
    expect(host.workbook.valuesAt("Inputs", "B2:B3")).toEqual([[1], [250]]);
  });

  it("getItemOrNullObject gives a null object whose isNullObject is known only after sync", async () => {
    const host = hostWith();
    await run(host, async (context) => {
      const missing = context.workbook.names.getItemOrNullObject("CBA_Nothing");
      const present = context.workbook.names.getItemOrNullObject("cba_costs");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      present.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe("CBA_Costs");
    });
  });

  it("objects cannot be used after their Excel.run has finished, nor in another request context", async () => {
    const host = hostWith();
    const range = await run(host, async (context) =>
      context.workbook.worksheets.getItem("Inputs").getRange("A1"),
    );
    expect(() => {
      range.values = [["late"]];
    }).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
    await run(host, async (first) => {
      const foreign = first.workbook.worksheets.getItem("Inputs").getRange("A1");
      await run(host, async (second) => {
        expect(() => second.workbook.names.add("Foreign", foreign)).toThrow(
          expect.objectContaining({ code: "InvalidRequestContext" }),
        );
      });
    });
  });

  it("navigation properties load through paths such as items/worksheet/name", async () => {
    const host = hostWith();
    await run(host, async (context) => {
      const tables = context.workbook.tables.load("items/name, items/worksheet/name");
      await context.sync();
      expect(tables.items.map((table) => [table.name, table.worksheet.name])).toEqual([
        ["CBA_Lines", "Inputs"],
      ]);
    });
  });
});

describe("cells", () => {
  it("a 2-D array must match the range's shape exactly", async () => {
    const host = hostWith();
    const error = await rejection(
      run(host, async (context) => {
        context.workbook.worksheets.getItem("Inputs").getRange("A1:B2").values = [["only one"]];
        await context.sync();
      }),
    );
    expect(error.code).toBe("InvalidArgument");
  });

  it("null leaves a cell unchanged and an empty string clears it", async () => {
    const host = hostWith();
    await run(host, async (context) => {
      context.workbook.worksheets.getItem("Inputs").getRange("A2:B2").values = [[null, ""]] as never;
    });
    expect(host.workbook.valuesAt("Inputs", "A2:B2")).toEqual([["ICT", null]]);
  });

  it("strings are read as if typed unless the cell is formatted as Text", async () => {
    const host = hostWith({ sheets: { S: {} } });
    const typed = ["2012/11", "2012/13", "(5)", "1,234", "25%", "TRUE", "'007", "N/A"];
    await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.getRange("A1:H1").values = [typed];
      const text = sheet.getRange("A2:H2");
      text.numberFormat = [typed.map(() => "@")];
      text.values = [typed];
    });
    const [asTyped, asText] = host.workbook.valuesAt("S", "A1:H2");
    expect(asTyped).toEqual([expect.any(Number), "2012/13", -5, 1234, 0.25, true, "007", "N/A"]);
    expect(asText).toEqual(typed);
  });

  it("a number written to a Text cell is stored as text, as Excel does", async () => {
    const host = hostWith({ sheets: { S: {} }, numberFormats: { S: { A1: "@" } } });
    await run(host, async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:B1").values = [[12, 12]];
    });
    expect(host.workbook.valuesAt("S", "A1:B1")).toEqual([["12", 12]]);
  });

  it("a string starting with = would be a formula, which the simulated host refuses", async () => {
    const host = hostWith({ sheets: { S: {} } });
    const error = await rejection(
      run(host, async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1").values = [["=1+1"]];
      }),
    );
    expect(error.code).toBe("NotImplemented");
  });

  it("fill colours must be #RRGGBB or a colour name, and null is refused", async () => {
    const host = hostWith({ sheets: { S: {} } });
    await run(host, async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:B1").format.fill.color = "#ff0000";
    });
    expect(host.workbook.fillsAt("S", "A1:C1")).toEqual([["#FF0000", "#FF0000", null]]);
    const error = await rejection(
      run(host, async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1").format.fill.color = null as never;
      }),
    );
    expect(error.code).toBe("InvalidArgument");
  });

  it("addresses quote sheet names that are not plain identifiers", async () => {
    const host = hostWith();
    await run(host, async (context) => {
      const quoted = context.workbook.worksheets.getItem("CBA Partners").getRange("B2:C3").load("address");
      const plain = context.workbook.worksheets.getItem("Inputs").getRange("$B$2").load("address");
      await context.sync();
      expect(quoted.address).toBe("'CBA Partners'!B2:C3");
      expect(plain.address).toBe("Inputs!B2");
    });
  });
});

describe("sheets, names and tables", () => {
  it("the last visible sheet cannot be deleted", async () => {
    const host = hostWith({ sheets: { Only: [["x"]] } });
    const error = await rejection(
      run(host, async (context) => {
        context.workbook.worksheets.getItem("Only").delete();
      }),
    );
    expect(error.code).toBe("InvalidOperation");
    expect(host.workbook.sheetNames()).toEqual(["Only"]);
  });

  it("deleting a sheet breaks the names that point at it and removes its tables", async () => {
    const host = hostWith();
    await run(host, async (context) => {
      context.workbook.worksheets.getItem("Inputs").delete();
    });
    const dump = host.workbook.describe();
    expect(dump.names).toEqual({ CBA_Costs: "#REF!$A$1:$B$3", CBA_Rate: "0.035" });
    expect(dump.tables).toEqual({});
    await run(host, async (context) => {
      const item = context.workbook.names.getItem("CBA_Costs").load("type, value");
      await context.sync();
      expect([item.type, item.value]).toEqual(["Error", "#REF!"]);
    });
  });

  it("names and tables share one namespace, compared without case", async () => {
    const host = hostWith();
    const error = await rejection(
      run(host, async (context) => {
        context.workbook.names.add("cba_lines", context.workbook.worksheets.getItem("Inputs").getRange("A1"));
      }),
    );
    expect(error.code).toBe("ItemAlreadyExists");
  });

  it("sheet names follow Excel's rules and are unique without case", async () => {
    const host = hostWith();
    for (const name of ["inputs", "a/b", "x".repeat(32), "History"]) {
      const error = await rejection(
        run(host, async (context) => {
          context.workbook.worksheets.add(name);
        }),
      );
      expect(["ItemAlreadyExists", "InvalidArgument"]).toContain(error.code);
    }
    expect(host.workbook.sheetNames()).toEqual(["Inputs", "CBA Partners"]);
  });

  it("a table turns its headers into distinct text and always keeps a data row", async () => {
    const host = hostWith({ sheets: { S: [["Year", 2024, "", "year"]] } });
    await run(host, async (context) => {
      const table = context.workbook.worksheets.getItem("S").tables.add("A1:D1", true);
      table.name = "CBA_Years";
      const range = table.getRange().load("address");
      await context.sync();
      expect(range.address).toBe("S!A1:D2");
    });
    expect(host.workbook.valuesAt("S", "A1:D1")).toEqual([["Year", "2024", "Column3", "year2"]]);
  });

  it("tables may not overlap", async () => {
    const host = hostWith();
    const error = await rejection(
      run(host, async (context) => {
        context.workbook.tables.add("Inputs!E2:F3", true);
      }),
    );
    expect(error.code).toBe("InvalidOperation");
  });

  it("named items report name, type, value and formula as Excel does", async () => {
    const host = hostWith();
    await run(host, async (context) => {
      const names = context.workbook.names.load("items/name, items/type, items/value, items/formula");
      await context.sync();
      expect(names.items.map((item) => [item.name, item.type, item.value, item.formula])).toEqual([
        ["CBA_Costs", "Range", "Inputs!$A$1:$B$3", "=Inputs!$A$1:$B$3"],
        ["CBA_Rate", "Double", 0.035, "=0.035"],
      ]);
    });
  });

  it("charts record what was asked: type, source, series orientation, title and position", async () => {
    const host = hostWith();
    await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem("CBA Partners");
      const chart = sheet.charts.add("Line", sheet.getRange("A1:C4"), "Columns");
      chart.title.text = "Cumulative net cashflow";
      chart.setPosition("E2");
    });
    expect(host.workbook.chartsOn("CBA Partners")).toEqual([
      {
        name: "Chart 1",
        type: "Line",
        source: "'CBA Partners'!A1:C4",
        seriesBy: "Columns",
        title: "Cumulative net cashflow",
        topLeft: "E2",
      },
    ]);
    const error = await rejection(
      run(host, async (context) => {
        const sheet = context.workbook.worksheets.getItem("Inputs");
        sheet.charts.add("line", sheet.getRange("A1:B3"));
      }),
    );
    expect(error.code).toBe("InvalidArgument");
  });
});

describe("seeding and dumping", () => {
  it("a dumped workbook seeds an identical workbook", () => {
    const host = hostWith();
    const dump = host.workbook.describe();
    const again = SimulatedExcel.fromDescription(dump).workbook.describe();
    expect(again).toEqual(dump);
    expect(dump.sheetOrder).toEqual(["Inputs", "CBA Partners"]);
    expect(dump.sheets["CBA Partners"]).toEqual([
      [null, null],
      [null, "kept"],
    ]);
  });
});

describe("installSimulatedOffice", () => {
  afterEach(() => uninstallSimulatedOffice(globalThis));

  it("defines Office and Excel globals that behave like office.js for the add-in", async () => {
    const host = installSimulatedOffice(globalThis, { sheets: { Inputs: [["a", 1]] } });
    const info = await Office.onReady();
    expect(info.host).toBe(Office.HostType.Excel);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.18")).toBe(false);
    const values = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Inputs").getRange("A1:B1").load("values");
      await context.sync();
      return range.values;
    });
    expect(values).toEqual([["a", 1]]);
    expect(host.statistics.syncCalls).toBe(1);
  });
});

describe("formulas that refer to other sheets", () => {
  function withFormula(): SimulatedExcel {
    return SimulatedExcel.fromDescription({
      sheets: { Summary: [["Total"]], "CBA Partners": { C5: 1424 } },
      formulas: { Summary: { B1: "='CBA Partners'!C5", B2: "=A1" } },
    });
  }

  it("evaluate to the cell referred to, follow a renamed sheet, and turn to #REF! when it is deleted", async () => {
    const host = withFormula();
    expect(host.workbook.valuesAt("Summary", "B1:B2")).toEqual([[1424], ["Total"]]);
    await run(host, async (context) => {
      context.workbook.worksheets.getItem("CBA Partners").name = "Old results";
    });
    expect(host.workbook.formulasAt("Summary", "B1")).toEqual([["='Old results'!C5"]]);
    await run(host, async (context) => {
      context.workbook.worksheets.getItem("Old results").delete();
    });
    expect(host.workbook.formulasAt("Summary", "B1:B2")).toEqual([["=#REF!"], ["=A1"]]);
    expect(host.workbook.valuesAt("Summary", "B1")).toEqual([["#REF!"]]);
  });

  it("read back through Range.formulas, written through it, and survive a dump and a reseed", async () => {
    const host = withFormula();
    const formulas = await run(host, async (context) => {
      const summary = context.workbook.worksheets.getItem("Summary");
      summary.getRange("C1").formulas = [["='CBA Partners'!$C$5"]];
      const range = summary.getRange("B1:C1").load("formulas, values");
      await context.sync();
      return [range.formulas, range.values];
    });
    expect(formulas).toEqual([[["='CBA Partners'!C5", "='CBA Partners'!$C$5"]], [[1424, 1424]]]);
    const dump = host.workbook.describe();
    expect(dump.formulas.Summary).toEqual({
      B1: "='CBA Partners'!C5",
      B2: "=A1",
      C1: "='CBA Partners'!$C$5",
    });
    expect(SimulatedExcel.fromDescription(dump).workbook.describe()).toEqual(dump);
  });

  it("a reference to a cell emptied by a clear reads 0, as in Excel", async () => {
    const host = withFormula();
    await run(host, async (context) => {
      context.workbook.worksheets.getItem("CBA Partners").getRange().clear();
    });
    expect(host.workbook.valuesAt("Summary", "B1")).toEqual([[0]]);
  });
});

describe("clearing and copying ranges", () => {
  function formatted(): SimulatedExcel {
    return SimulatedExcel.fromDescription({
      sheets: {
        Inputs: [
          ["Line", 1],
          ["ICT", 2],
        ],
        Staging: [["x", 7]],
      },
      numberFormats: { Inputs: { B1: "0.0", B2: "0%" }, Staging: { A1: "@", B1: "#,##0" } },
    });
  }

  it.each([
    [
      "All",
      [
        [null, null],
        ["ICT", 2],
      ],
      [
        ["General", "General"],
        ["General", "0%"],
      ],
    ],
    [
      "Contents",
      [
        [null, null],
        ["ICT", 2],
      ],
      [
        ["General", "0.0"],
        ["General", "0%"],
      ],
    ],
    [
      "Formats",
      [
        ["Line", 1],
        ["ICT", 2],
      ],
      [
        ["General", "General"],
        ["General", "0%"],
      ],
    ],
  ])("Range.clear(%s) removes just that from the range", async (applyTo, values, formats) => {
    const host = formatted();
    await run(host, async (context) => {
      context.workbook.worksheets
        .getItem("Inputs")
        .getRange("A1:B1")
        .clear(applyTo as Excel.ClearApplyTo);
    });
    expect(host.workbook.valuesAt("Inputs", "A1:B2")).toEqual(values);
    expect(host.workbook.numberFormatsAt("Inputs", "A1:B2")).toEqual(formats);
  });

  it("Range.copyFrom copies values and formats, blanks included, from a one-cell destination", async () => {
    const host = formatted();
    await run(host, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("Inputs").getRange("A2").copyFrom(sheets.getItem("Staging").getRange("A1:C1"));
    });
    expect(host.workbook.valuesAt("Inputs", "A2:C2")).toEqual([["x", 7, null]]);
    expect(host.workbook.numberFormatsAt("Inputs", "A2:C2")).toEqual([["@", "#,##0", "General"]]);
  });

  it("Range.copyFrom needs ExcelApi 1.9: on an older host it fails the batch with ApiNotFound", async () => {
    const host = formatted();
    host.excelApiVersion = "1.8";
    const error = await rejection(
      run(host, async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.getItem("Inputs").getRange("A2").copyFrom(sheets.getItem("Staging").getRange("A1:B1"));
      }),
    );
    expect(error.code).toBe("ApiNotFound");
    expect(host.workbook.valuesAt("Inputs", "A2:B2")).toEqual([["ICT", 2]]);
  });
});

describe("calculation, request size and requirement sets", () => {
  it("recalculation suspended by the application holds for the rest of that request only", async () => {
    const host = hostWith();
    await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Inputs");
      context.application.suspendApiCalculationUntilNextSync();
      sheet.getRange("B2").values = [[1]];
      await context.sync();
      sheet.getRange("B3").values = [[2]];
    });
    expect(host.statistics).toMatchObject({
      requestsWithCalculationSuspended: 1,
      cellWritesWhileCalculating: 1,
    });
  });

  it("suspending recalculation needs ExcelApi 1.6", async () => {
    const host = hostWith();
    host.excelApiVersion = "1.5";
    const error = await rejection(
      run(host, async (context) => {
        context.workbook.application.suspendApiCalculationUntilNextSync();
      }),
    );
    expect(error.code).toBe("ApiNotFound");
    expect(host.isSetSupported("ExcelApi", "1.5")).toBe(true);
    expect(host.isSetSupported("ExcelApi", "1.6")).toBe(false);
  });

  it("a request over the payload limit is refused whole: none of its commands runs", async () => {
    const host = hostWith();
    host.requestPayloadLimitBytes = 5_000;
    const wide = [Array.from({ length: 2000 }, (_, index) => index)];
    const error = await rejection(
      run(host, async (context) => {
        const sheet = context.workbook.worksheets.getItem("Inputs");
        sheet.getRange("B2").values = [[99]];
        sheet.getRange("A10:BXX10").values = wide;
        await context.sync();
      }),
    );
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(host.workbook.valuesAt("Inputs", "B2")).toEqual([[100]]);
    expect(host.statistics.refusedRequests).toBe(1);
    expect(host.statistics.requestBytes[0]).toBeGreaterThan(5_000);
  });

  it("a reply over the response limit fails the sync, after its commands have run", async () => {
    const host = hostWith();
    host.responsePayloadLimitBytes = 20;
    const error = await rejection(
      run(host, async (context) => {
        const sheet = context.workbook.worksheets.getItem("Inputs");
        sheet.getRange("C1").values = [[5]];
        sheet.getRange("A1:B3").load("values");
        await context.sync();
      }),
    );
    expect(error.code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(host.workbook.valuesAt("Inputs", "C1")).toEqual([[5]]);
    expect(host.statistics.refusedReplies).toBe(1);
  });

  it("charts load through their worksheet and can be deleted; a sheet can be hidden but not the last visible one", async () => {
    const host = hostWith();
    await run(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Inputs");
      sheet.charts.add("Line", sheet.getRange("A1:B3"), "Columns");
      sheet.charts.add("Line", sheet.getRange("A1:B2"), "Columns");
    });
    await run(host, async (context) => {
      const sheets = context.workbook.worksheets.load("items/name, items/charts/items/name");
      await context.sync();
      expect(sheets.items.map((sheet) => sheet.charts.items.length)).toEqual([2, 0]);
      for (const chart of sheets.items[0]!.charts.items) chart.delete();
      context.workbook.worksheets.getItem("CBA Partners").visibility = "Hidden";
    });
    expect(host.workbook.chartsOn("Inputs")).toEqual([]);
    const error = await rejection(
      run(host, async (context) => {
        context.workbook.worksheets.getItem("Inputs").visibility = "Hidden";
      }),
    );
    expect(error.code).toBe("InvalidOperation");
  });
});
