/** The text-level pieces of adding parts to a package: escaping, attributes, the drawing element's place. */
import fc from "fast-check";
import {
  relationshipsPartOf,
  resolveTarget,
  withDrawingElement,
} from "../../../src/workbook/xlsxPackage/addCharts";
import { elementsNamed, escapeXml, unescapeXml } from "../../../src/workbook/xlsxPackage/xmlText";

/** Control characters, U+FFFE and U+FFFF, and halves of a surrogate pair standing alone. */
const forbidden =
  // eslint-disable-next-line no-control-regex -- control characters are what the property is about
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

describe("XML text", () => {
  test("unescaping an escaped string gives the string back, less the characters XML 1.0 forbids", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(unescapeXml(escapeXml(text))).toBe(text.replace(forbidden, ""));
      }),
    );
  });

  test("an escaped string, as an attribute value, reads back as itself", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(
          elementsNamed(`<sheets><sheet name="${escapeXml(text)}" r:id="rId1"/></sheets>`, "sheet"),
        ).toEqual([{ name: text.replace(forbidden, ""), "r:id": "rId1" }]);
      }),
    );
  });

  test("elements are found with or without a namespace prefix, and not by a longer name", () => {
    const xml = `<x:sheets><x:sheet name='A' r:id="rId1"/><sheet name="B"></sheet><sheetPr name="C"/></x:sheets>`;
    expect(elementsNamed(xml, "sheet").map((a) => a["name"])).toEqual(["A", "B"]);
  });
});

describe("the sheet's <drawing> element", () => {
  const sheet = (body: string, prefix = "") =>
    `<?xml version="1.0"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ""}="m">${body}</${prefix}worksheet>`;
  const drawing = (prefix = "") =>
    `<${prefix}drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId9"/>`;

  test("goes after the page set-up and before the table parts", () => {
    expect(withDrawingElement(sheet("<sheetData/><pageMargins/><pageSetup/><tableParts/>"), "rId9")).toBe(
      sheet(`<sheetData/><pageMargins/><pageSetup/>${drawing()}<tableParts/>`),
    );
  });

  test("goes before a legacy drawing, and last when nothing follows it", () => {
    expect(withDrawingElement(sheet("<sheetData/><legacyDrawing r:id='x'/><tableParts/>"), "rId9")).toBe(
      sheet(`<sheetData/>${drawing()}<legacyDrawing r:id='x'/><tableParts/>`),
    );
    expect(withDrawingElement(sheet("<sheetData/><pageMargins/>"), "rId9")).toBe(
      sheet(`<sheetData/><pageMargins/>${drawing()}`),
    );
  });

  test("takes the sheet's namespace prefix", () => {
    expect(withDrawingElement(sheet("<x:sheetData/><x:extLst/>", "x:"), "rId9")).toBe(
      sheet(`<x:sheetData/>${drawing("x:")}<x:extLst/>`, "x:"),
    );
  });
});

describe("part paths", () => {
  test("relationship targets resolve against the source part's folder, or from the root", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml")).toBe(
      "xl/drawings/drawing1.xml",
    );
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet2.xml")).toBe("xl/worksheets/sheet2.xml");
    expect(relationshipsPartOf("xl/drawings/drawing1.xml")).toBe("xl/drawings/_rels/drawing1.xml.rels");
  });
});
