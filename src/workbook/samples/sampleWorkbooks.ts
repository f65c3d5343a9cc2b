import type { InputRangeSpec, NoteSheetSpec } from "../workbookPort";
import { hampshireSampleNotes, hampshireSampleRanges } from "./hampshireSample";
import { northshireSampleNotes, northshireSampleRanges } from "./northshireSample";

/** A worked example the CLI (`cba sample --example NAME`) and the task pane can insert. */
export interface SampleWorkbook {
  /** The name typed after `--example`, lower case. */
  name: string;
  /** How the pane and the CLI name it: "Insert the Hampshire example". */
  title: string;
  /** One sentence on what the example shows, for the pane and `cba help`. */
  description: string;
  ranges(): InputRangeSpec[];
  notes: NoteSheetSpec;
}

/** Every worked example, the default first. */
export const sampleWorkbooks: readonly SampleWorkbook[] = [
  {
    name: "hampshire",
    title: "Hampshire",
    description: "Hampshire joint working (2012): three bodies sharing back-office services, as published.",
    ranges: hampshireSampleRanges,
    notes: hampshireSampleNotes,
  },
  {
    name: "northshire",
    title: "Northshire",
    description:
      "Northshire Community Safety Hub (constructed): a grant-funded bid with wider beneficiaries, optimism bias, unit costs × volumes and nominal prices.",
    ranges: northshireSampleRanges,
    notes: northshireSampleNotes,
  },
];

export const defaultSampleWorkbook: SampleWorkbook = sampleWorkbooks[0]!;

/** The example of that name (any case), or undefined. */
export function sampleWorkbookNamed(name: string): SampleWorkbook | undefined {
  const wanted = name.trim().toLowerCase();
  return sampleWorkbooks.find((sample) => sample.name === wanted);
}
