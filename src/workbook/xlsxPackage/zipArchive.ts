import { crc32, deflateRaw } from "node:zlib";
import { promisify } from "node:util";
import type JSZip from "jszip";

const deflate = promisify(deflateRaw);

/** The deflate level the package is saved with (JSZip's DEFLATE at level 4 before). */
const deflateLevel = 4;

/** Sizes and offsets of a ZIP without its ZIP64 extension: 4 GB, 65,535 entries. */
const largestZipNumber = 0xffffffff;
const largestEntryCount = 0xffff;

/** Bit 11 of the general-purpose flags: the entry's name is UTF-8. */
const utf8NameFlag = 0x0800;

interface ArchivedEntry {
  name: Buffer;
  flags: number;
  method: 0 | 8;
  dosTime: number;
  dosDate: number;
  crc: number;
  size: number;
  data: Buffer;
  directory: boolean;
  offset: number;
}

/** A date's DOS time and date fields, in UTC as JSZip writes them. */
function dosDateTime(date: Date): { dosTime: number; dosDate: number } {
  return {
    dosTime: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    dosDate: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

function localHeader(entry: ArchivedEntry): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(entry.flags, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(entry.dosTime, 10);
  header.writeUInt16LE(entry.dosDate, 12);
  header.writeUInt32LE(entry.crc, 14);
  header.writeUInt32LE(entry.data.length, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(entry.name.length, 26);
  header.writeUInt16LE(0, 28);
  return header;
}

function centralHeader(entry: ArchivedEntry): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4); // made by: DOS, version 2.0
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(entry.flags, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(entry.dosTime, 12);
  header.writeUInt16LE(entry.dosDate, 14);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(entry.data.length, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  header.writeUInt32LE(entry.directory ? 0x10 : 0, 38); // the DOS directory attribute
  header.writeUInt32LE(entry.offset, 42);
  return header;
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(count, 8);
  record.writeUInt16LE(count, 10);
  record.writeUInt32LE(size, 12);
  record.writeUInt32LE(offset, 16);
  return record;
}

/**
 * A JSZip package saved as .zip bytes, its entries deflated by Node's own zlib: several times
 * quicker than JSZip's JavaScript deflate on large result sheets. Entries keep JSZip's order,
 * names and dates.
 *
 * @example
 * await writeFile("results.xlsx", await zipArchive(zip));
 */
export async function zipArchive(zip: JSZip): Promise<Buffer> {
  const files = Object.values(zip.files);
  if (files.length > largestEntryCount) throw new Error("the package has too many parts for a .zip file");
  // One part at a time, so only one part's uncompressed bytes are held beyond JSZip's own.
  const entries: ArchivedEntry[] = [];
  for (const file of files) {
    const name = Buffer.from(file.name, "utf8");
    const flags = name.length === file.name.length ? 0 : utf8NameFlag;
    const common = { name, flags, ...dosDateTime(file.date), offset: 0 };
    if (file.dir) {
      entries.push({ ...common, method: 0, crc: 0, size: 0, data: Buffer.alloc(0), directory: true });
      continue;
    }
    const content = await file.async("nodebuffer");
    const data = await deflate(content, { level: deflateLevel });
    entries.push({ ...common, method: 8, crc: crc32(content), size: content.length, data, directory: false });
  }
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    entry.offset = offset;
    const header = localHeader(entry);
    chunks.push(header, entry.name, entry.data);
    offset += header.length + entry.name.length + entry.data.length;
  }
  const directoryStart = offset;
  for (const entry of entries) {
    const header = centralHeader(entry);
    chunks.push(header, entry.name);
    offset += header.length + entry.name.length;
  }
  if (offset > largestZipNumber || entries.some((entry) => entry.size > largestZipNumber))
    throw new Error("the package is larger than a .zip file without ZIP64 can hold (4 GB)");
  chunks.push(endOfCentralDirectory(entries.length, offset - directoryStart, directoryStart));
  return Buffer.concat(chunks);
}
