/**
 * Workbooks carrying the parts a user's real file has and ExcelJS cannot round-trip: a chart, a
 * macro project, a pivot table, printer settings, constant, formula and sheet-scoped names, and
 * tables without a style entry (as LibreOffice saves them). Built in the test with jszip from a
 * small contract workbook, so no binary fixtures are needed.
 */
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { addInputRanges } from "../../src/workbook/excelJs/inputRangesWriter";
import type { InputRangeSpec } from "../../src/workbook/workbookPort";

const mainNamespace = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export async function contractPackage(ranges: readonly InputRangeSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  addInputRanges(workbook, ranges);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`fixture has no ${path}`);
  return file.async("string");
}

/** The part of a sheet, by name, found through the workbook part as a reader would. */
export async function sheetPartOf(zip: JSZip, sheet: string): Promise<string> {
  const workbook = await text(zip, "xl/workbook.xml");
  const entry = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook);
  const rels = await text(zip, "xl/_rels/workbook.xml.rels");
  const target = new RegExp(`Id="${entry![1]}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
  return `xl/${target.replace(/^\/?xl\//, "")}`;
}

function addRelationship(rels: string, id: string, type: string, target: string): string {
  return rels.replace(
    "</Relationships>",
    `<Relationship Id="${id}" Type="${relationshipNamespace}/${type}" Target="${target}"/></Relationships>`,
  );
}

async function addSheetRelationship(zip: JSZip, sheetPart: string, id: string, type: string, target: string) {
  const relsPath = sheetPart.replace(/([^/]+)$/, "_rels/$1.rels");
  const rels =
    zip.file(relsPath) === null
      ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
      : await text(zip, relsPath);
  zip.file(relsPath, addRelationship(rels, id, type, target));
}

export interface UserParts {
  /** Make it an .xlsm with a vbaProject.bin part. */
  macros?: boolean;
}

/**
 * The contract workbook with the user's extra parts: a chart on the Lines sheet, a pivot table
 * (cache and records) on the Partners sheet, printer settings, a macro project when asked, and
 * the names ExcelJS loses or garbles.
 */
export async function withUserParts(bytes: Buffer, parts: UserParts = {}): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  let types = await text(zip, "[Content_Types].xml");
  let workbookRels = await text(zip, "xl/_rels/workbook.xml.rels");
  let workbook = await text(zip, "xl/workbook.xml");
  const override = (part: string, type: string) =>
    (types = types.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`));

  // A chart drawn on the Lines sheet.
  const lines = await sheetPartOf(zip, "Lines");
  zip.file(
    "xl/charts/chart1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:title><c:tx><c:rich><a:p><a:r><a:t>My own chart</a:t></a:r></a:p></c:rich></c:tx></c:title><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Lines!$D$2:$D$4</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>',
  );
  zip.file(
    "xl/drawings/drawing1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>15</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>',
  );
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationshipNamespace}/chart" Target="../charts/chart1.xml"/></Relationships>`,
  );
  override("xl/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
  override("xl/drawings/drawing1.xml", "application/vnd.openxmlformats-officedocument.drawing+xml");
  await addSheetRelationship(zip, lines, "rIdUserChart", "drawing", "../drawings/drawing1.xml");
  await addSheetRelationship(
    zip,
    lines,
    "rIdUserPrinter",
    "printerSettings",
    "../printerSettings/printerSettings1.bin",
  );
  zip.file(
    "xl/printerSettings/printerSettings1.bin",
    Buffer.from("printer settings of the user's own printer"),
  );
  types = types.replace(
    "</Types>",
    '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/></Types>',
  );
  const linesXml = await text(zip, lines);
  zip.file(lines, linesXml.replace(/(<tableParts|<\/worksheet>)/, '<drawing r:id="rIdUserChart"/>$1'));

  // A pivot table on the Partners sheet, with its cache.
  const partners = await sheetPartOf(zip, "Partners");
  zip.file(
    "xl/pivotCache/pivotCacheDefinition1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition ${mainNamespace} xmlns:r="${relationshipNamespace}" r:id="rId1" refreshOnLoad="1" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="Partners"/></cacheSource><cacheFields count="2"><cacheField name="Code" numFmtId="0"><sharedItems/></cacheField><cacheField name="Name" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`,
  );
  zip.file(
    "xl/pivotCache/pivotCacheRecords1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords ${mainNamespace} count="0"/>`,
  );
  zip.file(
    "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationshipNamespace}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`,
  );
  zip.file(
    "xl/pivotTables/pivotTable1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition ${mainNamespace} name="MyPivot" cacheId="7" dataCaption="Values"><location ref="E1:F3" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/></pivotTableDefinition>`,
  );
  zip.file(
    "xl/pivotTables/_rels/pivotTable1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationshipNamespace}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
  );
  await addSheetRelationship(zip, partners, "rIdUserPivot", "pivotTable", "../pivotTables/pivotTable1.xml");
  override(
    "xl/pivotCache/pivotCacheDefinition1.xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
  );
  override(
    "xl/pivotCache/pivotCacheRecords1.xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
  );
  override(
    "xl/pivotTables/pivotTable1.xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml",
  );
  workbookRels = addRelationship(
    workbookRels,
    "rIdUserPivotCache",
    "pivotCacheDefinition",
    "pivotCache/pivotCacheDefinition1.xml",
  );
  workbook = workbook.replace(
    /(<calcPr[^>]*\/>)/,
    '$1<pivotCaches><pivotCache cacheId="7" r:id="rIdUserPivotCache"/></pivotCaches>',
  );

  // Names ExcelJS drops (a constant), garbles (a formula) or widens (sheet-scoped).
  const names =
    '<definedName name="VAT_Rate">0.2</definedName>' +
    '<definedName name="Dyn_Lines">OFFSET(Lines!$A$1,0,0,COUNTA(Lines!$A:$A),6)</definedName>' +
    '<definedName name="Local_Note" localSheetId="0">Partners!$B$2</definedName>' +
    '<definedName name="_xlnm.Print_Area" localSheetId="0">Partners!$A$1:$B$3</definedName>';
  workbook = workbook.includes("<definedNames>")
    ? workbook.replace("<definedNames>", `<definedNames>${names}`)
    : workbook.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`);

  if (parts.macros) {
    zip.file(
      "xl/vbaProject.bin",
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4, 5]),
    );
    workbookRels = addRelationship(workbookRels, "rIdUserVba", "vbaProject", "vbaProject.bin").replace(
      `${relationshipNamespace}/vbaProject`,
      "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
    );
    override("xl/vbaProject.bin", "application/vnd.ms-office.vbaProject");
    types = types.replace(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    );
  }
  zip.file("[Content_Types].xml", types);
  zip.file("xl/_rels/workbook.xml.rels", workbookRels);
  zip.file("xl/workbook.xml", workbook);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Tables as LibreOffice saves them: no table style entry. */
export async function withoutTableStyles(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p)))
    zip.file(path, (await text(zip, path)).replace(/<tableStyleInfo[^>]*\/>/, ""));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Every entry of a package, uncompressed, by path (folders left out). */
export async function packageEntries(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const entries = new Map<string, Buffer>();
  for (const [path, file] of Object.entries(zip.files)) {
    if (!file.dir) entries.set(path, await file.async("nodebuffer"));
  }
  return entries;
}
