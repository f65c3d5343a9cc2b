import {
  canonicalHeaders,
  driverColumns,
  priceIndexColumns,
  inputRangeNames,
  partnerColumns,
  publishedColumns,
  riskColumns,
} from "../inputContract";
import { withTotals } from "./baselineTotals";
import type { CellValue, InputRangeSpec, NoteSheetSpec } from "../workbookPort";

/**
 * The Hampshire joint working business case (Strategic Integrated Business Case, April 2012,
 * Appendices G, H and I) as a workbook that follows the contract. Figures are £'000, costs
 * positive, savings negative, as published.
 *
 * Modelling choices (the document does not state them):
 * - Two pools: "Joint working" shares by the baseline of the four service areas other than
 *   Occupational Health (73 / 22 / 5 after rounding to whole percent); "Occupational Health"
 *   shares between HC and HFRS by their Occupational Health baseline (73 / 27).
 * - The published set-up lines (ICT, HR in its three parts, Legal) total 2,660 / 2,980 for all
 *   joint working, of which the Occupational Health pool bears 115 / 135. A transfer pair
 *   ("Occupational Health share of set-up", −115 / −135 in Joint working, +115 / +135 in
 *   Occupational Health) moves that part, so Joint working apportions 2,545 / 2,845 as published.
 * - Organisation-specific items (procurement savings, programme management) are direct lines.
 *   HCC's category management is "N/A" in the document (prudently excluded): kept as not quantified.
 * - Phasing profiles are ours: the document shows payback graphs but no yearly figures. Set-up is
 *   spent over years 0–1, workforce costs (redundancy, pension strain, pay protection) follow the
 *   staffing reductions in years 1–2, joint working savings start in year 2 and reach their full
 *   rate in year 5, procurement savings ramp up over years 2–6, ICT running costs and the legacy
 *   offset run from year 1. They give paybacks (best–worst) of HCC 3.3–5.9 years, HC 2.4–3.7,
 *   HFRS 4.1–7.4 and the programme 3.1–5.0, close to the ranges the document's graphs show
 *   (HCC 4–6, HC 2–4, HFRS 4–7, programme 3–5), but they are illustrative, not published.
 * - Illustrative additions, marked as such on the About sheet: a contingency case (Worst with
 *   costs +25%, savings −25%) and two scenarios (benefits 20% lower; start delayed a year).
 */
export const hampshireHorizonYears = 10;

const years = Array.from({ length: hampshireHorizonYears + 1 }, (_, year) => `Year ${year}`);

/** Fractions for years 0..10; a recurring line runs on at its last rate. */
const profiles: [string, number[], string][] = [
  ["Set-up over two years", [0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0], "ICT, legal and programme set-up"],
  [
    "Workforce change",
    [0, 0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0],
    "Redundancy, pension strain and pay protection follow the staffing reductions",
  ],
  [
    "Running from year 1",
    [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    "ICT running costs and the legacy systems they replace",
  ],
  [
    "Savings ramp-up",
    [0, 0, 0.25, 0.5, 0.75, 1, 1, 1, 1, 1, 1],
    "Joint working savings after the design phase",
  ],
  [
    "Procurement ramp-up",
    [0, 0, 0.2, 0.4, 0.6, 0.8, 1, 1, 1, 1, 1],
    "Procurement savings driven out over several contract cycles",
  ],
];

type LineRow = [
  label: string,
  timing: string,
  allocation: string,
  best: CellValue,
  worst: CellValue,
  profile: string | null,
  source: string,
];

const jointWorking = "Joint working";
const occupationalHealth = "Occupational Health";

const lines: LineRow[] = [
  ["ICT set-up", "One-off", jointWorking, 1140, 1890, "Set-up over two years", "Appendix H, set-up costs"],
  ["HR: redundancy", "One-off", jointWorking, 900, 450, "Workforce change", "Appendix H, set-up costs (HR)"],
  [
    "HR: pension strain",
    "One-off",
    jointWorking,
    400,
    200,
    "Workforce change",
    "Appendix H, set-up costs (HR)",
  ],
  [
    "HR: pay protection",
    "One-off",
    jointWorking,
    140,
    340,
    "Workforce change",
    "Appendix H, set-up costs (HR)",
  ],
  ["Legal model", "One-off", jointWorking, 80, 100, "Set-up over two years", "Appendix H, set-up costs"],
  ["Estates", "One-off", jointWorking, "N/A", "N/A", null, "Appendix H, set-up costs: not quantified"],
  [
    "Occupational Health share of set-up",
    "One-off",
    jointWorking,
    -115,
    -135,
    "Set-up over two years",
    "Moves the HC/HFRS pool's part of the set-up out of Joint working",
  ],
  [
    "Occupational Health share of set-up",
    "One-off",
    occupationalHealth,
    115,
    135,
    "Set-up over two years",
    "Appendix H, Occ Health set-up (HC / HFRS)",
  ],
  [
    "ICT annual costs",
    "Recurring",
    jointWorking,
    570,
    960,
    "Running from year 1",
    "Appendix H, annual costs",
  ],
  [
    "ICT offset expenditure (legacy systems)",
    "Recurring",
    jointWorking,
    -680,
    -680,
    "Running from year 1",
    "Appendix H, annual costs",
  ],
  [
    "ICT savings",
    "Recurring",
    jointWorking,
    -520,
    -390,
    "Savings ramp-up",
    "Appendix H, joint working benefits",
  ],
  [
    "Procurement savings",
    "Recurring",
    jointWorking,
    -120,
    -90,
    "Savings ramp-up",
    "Appendix H, joint working benefits",
  ],
  [
    "Finance and Payroll savings",
    "Recurring",
    jointWorking,
    -255,
    -190,
    "Savings ramp-up",
    "Appendix H, joint working benefits",
  ],
  [
    "Human Resource savings",
    "Recurring",
    jointWorking,
    -300,
    -230,
    "Savings ramp-up",
    "Appendix H, joint working benefits",
  ],
  [
    "Transactions savings",
    "Recurring",
    jointWorking,
    -445,
    -150,
    "Savings ramp-up",
    "Appendix H, joint working benefits",
  ],
  [
    "Middle Management savings",
    "Recurring",
    jointWorking,
    -200,
    -100,
    "Savings ramp-up",
    "Appendix H, joint working benefits",
  ],
  [
    "Occupational Health savings",
    "Recurring",
    occupationalHealth,
    -60,
    -50,
    "Savings ramp-up",
    "Appendix H, joint working benefits (HC / HFRS)",
  ],
  [
    "HCC category management",
    "Recurring",
    "HCC",
    "N/A",
    "N/A",
    "Procurement ramp-up",
    "Additional procurement benefits: excluded for HCC",
  ],
  [
    "HCC demand management and standardisation",
    "Recurring",
    "HCC",
    -380,
    -190,
    "Procurement ramp-up",
    "Additional procurement benefits",
  ],
  [
    "HC category management",
    "Recurring",
    "HC",
    -1220,
    -730,
    "Procurement ramp-up",
    "Additional procurement benefits",
  ],
  [
    "HC demand management and standardisation",
    "Recurring",
    "HC",
    -170,
    -60,
    "Procurement ramp-up",
    "Additional procurement benefits",
  ],
  [
    "HFRS category management",
    "Recurring",
    "HFRS",
    -80,
    -50,
    "Procurement ramp-up",
    "Additional procurement benefits",
  ],
  [
    "HFRS demand management and standardisation",
    "Recurring",
    "HFRS",
    -70,
    -20,
    "Procurement ramp-up",
    "Additional procurement benefits",
  ],
  [
    "HCC programme management and HR professional resource",
    "One-off",
    "HCC",
    0,
    120,
    "Set-up over two years",
    "Summary for each organisation",
  ],
  [
    "HC programme management and HR professional resource",
    "One-off",
    "HC",
    150,
    200,
    "Set-up over two years",
    "Summary for each organisation",
  ],
  [
    "HFRS programme management and HR professional resource",
    "One-off",
    "HFRS",
    235,
    380,
    "Set-up over two years",
    "Summary for each organisation",
  ],
];

const baseline: [string, number, number, number][] = [
  ["Procurement", 1800, 400, 100],
  ["ICT", 44400, 15000, 2700],
  ["Finance (including Payroll)", 14100, 2800, 400],
  ["HR (including some Payroll)", 6700, 2400, 1300],
  ["Occupational Health", 800, 800, 300],
];

const baselineFte: [string, number, number, number][] = [
  ["Procurement", 36, 9, 3],
  ["ICT", 402, 0, 18],
  ["Finance (including Payroll)", 421, 69, 4],
  ["HR (including some Payroll)", 172, 61, 23],
  ["Occupational Health", 17, 9, 5],
];

/** Appendix I: each risk's likelihood, impact and linked achievability factors. */
const risks: [
  id: string,
  category: string,
  risk: string,
  likelihood: number,
  impact: number,
  factors: string,
][] = [
  [
    "BP1",
    "Business Processes",
    "Business processes underpinning the in-scope areas have not been fully explored or understood, so benefits are smaller or later",
    3,
    5,
    "1-8",
  ],
  [
    "OC1",
    "Organisational Culture and Relationships",
    "Lack of senior leadership buy-in and support prevents cultures from adapting",
    3,
    5,
    "1-5, 8",
  ],
  [
    "OC2",
    "Organisational Culture and Relationships",
    "Senior leaders are unwilling to compromise to adopt the new model",
    3,
    5,
    "1-5",
  ],
  [
    "OC3",
    "Organisational Culture and Relationships",
    "Differences in management culture and fit delay the benefits",
    3,
    4,
    "1-5",
  ],
  [
    "OC4",
    "Organisational Culture and Relationships",
    "Poor engagement with staff leaves them unclear what is sought",
    2,
    3,
    "1-5, 8 & 9",
  ],
  [
    "HR1",
    "Human Resources",
    "Loss of staff, expertise and skills during planning or implementation",
    2,
    3,
    "1-4 & 8",
  ],
  [
    "HR2",
    "Human Resources",
    "Redistributing skills during transition harms business as usual",
    2,
    3,
    "1-5 & 8",
  ],
  [
    "HR3",
    "Human Resources",
    "Organisations do not commit enough resources to implementation",
    3,
    4,
    "1-5 & 8",
  ],
  [
    "EC1",
    "Understanding of Joint Working enabling costs",
    "Enabling costs (HR, ICT, Legal, Estates) are underestimated",
    3,
    4,
    "1,4,6",
  ],
  [
    "NS1",
    "Current and Emerging National Strategies/Policies",
    "New or existing policy and legislation constrain the benefits (e.g. Police and Crime Commissioners)",
    3,
    4,
    "1,2,3,4, 6 & 9",
  ],
  [
    "NS2-3",
    "Current and Emerging National Strategies/Policies",
    "Disconnect from national or regional frameworks; strategic objectives diverge over time",
    2,
    3,
    "1,2,3,4, 6 & 9",
  ],
  [
    "OB1-2",
    "Organisational Brand",
    "Organisations lose distinctiveness; governance fails to give each an equal share in decisions",
    2,
    3,
    "1-8",
  ],
];

/**
 * Figures the document prints in Appendix H (per-organisation totals, £'000), for the CBA Checks
 * sheet to compare with what the product computes from the lines: each should agree to the £1k.
 */
const publishedFigures: (string | number | null)[][] = [
  ["Total programme set-up, best", "Set-up", "Best", null, 3045, 1],
  ["Total programme set-up, worst", "Set-up", "Worst", null, 3680, 1],
  ["Total programme annual, best", "Annual saving", "Best", null, -3930, 1],
  ["Total programme annual, worst", "Annual saving", "Worst", null, -1970, 1],
  ["HCC total set-up, best", "Set-up", "Best", "HCC", 1858, 1],
  ["HCC total annual, best", "Annual saving", "Best", "HCC", -1804, 1],
  ["HC total set-up, worst", "Set-up", "Worst", "HC", 925, 1],
  ["HFRS total annual, worst", "Annual saving", "Worst", "HFRS", -127, 1],
];

/**
 * The sample's input ranges: tables for most, defined names for the settings and scenarios,
 * since the contract accepts both.
 *
 * @example
 * addInputRanges(workbook, hampshireSampleRanges(), [hampshireSampleNotes]);
 */
export function hampshireSampleRanges(): InputRangeSpec[] {
  const amount = "#,##0;(#,##0)";
  return [
    {
      name: inputRangeNames.partners,
      sheet: "Partners",
      topLeft: "A1",
      header: canonicalHeaders(partnerColumns),
      rows: [
        ["HCC", "Hampshire County Council"],
        ["HC", "Hampshire Constabulary"],
        ["HFRS", "Hampshire Fire and Rescue Service"],
      ],
      as: "table",
    },
    {
      name: inputRangeNames.baseline,
      sheet: "Baseline",
      topLeft: "A1",
      header: ["Service area", "HCC", "HC", "HFRS", "Total"],
      rows: withTotals(baseline),
      as: "table",
      columnFormats: [null, amount, amount, amount, amount],
    },
    {
      name: inputRangeNames.baselineFte,
      sheet: "Baseline",
      topLeft: "A10",
      header: ["Service area", "HCC", "HC", "HFRS", "Total"],
      rows: withTotals(baselineFte),
      as: "table",
    },
    {
      name: inputRangeNames.pools,
      sheet: "Pools",
      topLeft: "A1",
      header: ["Pool", "Basis", "Service areas", "Partners", "Share decimals", "Note"],
      rows: [
        [
          jointWorking,
          "Baseline",
          "Procurement; ICT; Finance (including Payroll); HR (including some Payroll)",
          "*",
          0,
          "Four integrated service areas: 73 / 22 / 5",
        ],
        [
          occupationalHealth,
          "Baseline",
          occupationalHealth,
          "HC, HFRS",
          0,
          "Occ Health excluding HCC: 73 / 27",
        ],
      ],
      as: "table",
    },
    {
      name: inputRangeNames.lines,
      sheet: "Lines",
      topLeft: "A1",
      header: ["Line", "Timing", "Allocation", "Best", "Worst", "Profile", "Source"],
      rows: lines,
      as: "table",
      columnFormats: [null, null, null, amount, amount, null, null],
    },
    {
      name: inputRangeNames.profiles,
      sheet: "Profiles",
      topLeft: "A1",
      header: ["Profile", ...years, "Used for"],
      rows: profiles.map(([name, fractions, note]) => [name, ...fractions, note]),
      as: "table",
      columnFormats: [null, ...years.map(() => "0%"), null],
    },
    {
      name: inputRangeNames.settings,
      sheet: "Settings",
      topLeft: "A1",
      header: ["Setting", "Value", "Note"],
      rows: [
        ["Discount rate", 0.035, "Green Book standard rate"],
        ["Horizon (years)", hampshireHorizonYears, "Years after year 0"],
        ["First financial year", 2012, "Year 0 = 2012/13"],
        ["Unit label", "£'000", null],
        ["Rounding unit", 1, "Apportioned parts in whole £'000"],
        ["Risk band thresholds", "10, 15", "1–10 Low, 11–15 Medium, 16–25 High"],
        ["Risk band labels", "Low, Medium, High", null],
        ["Achievability factors", 10, "Pages 28–29 of the business case"],
        ["Contingency on costs", 0.25, "Illustrative: not in the published case"],
        ["Contingency on savings", 0.25, "Illustrative: not in the published case"],
        ["Seed", 20120401, "For simulations"],
      ],
      as: "definedName",
    },
    {
      name: inputRangeNames.scenarios,
      sheet: "Settings",
      topLeft: "A16",
      header: ["Scenario", "Case", "Cost factor", "Saving factor", "Delay (years)"],
      rows: [
        ["Benefits 20% lower", "Best", 1, 0.8, 0],
        ["Start delayed a year", "Best", 1, 1, 1],
      ],
      as: "definedName",
    },
    {
      // Empty: the published case gives no unit costs; here to show where unit cost × volume goes.
      name: inputRangeNames.drivers,
      sheet: "Settings",
      topLeft: "A22",
      header: canonicalHeaders(driverColumns),
      rows: [canonicalHeaders(driverColumns).map(() => null)],
      as: "definedName",
    },
    {
      // Empty: the sample's amounts are real (Prices not given); a nominal case would fill this.
      name: inputRangeNames.priceIndex,
      sheet: "Settings",
      topLeft: "A26",
      header: canonicalHeaders(priceIndexColumns),
      rows: [[null, null]],
      as: "definedName",
    },
    {
      name: inputRangeNames.published,
      sheet: "Published",
      topLeft: "A1",
      header: canonicalHeaders(publishedColumns),
      rows: publishedFigures,
      as: "table",
      columnFormats: [null, null, null, null, amount, null],
    },
    {
      name: inputRangeNames.risks,
      sheet: "Risks",
      topLeft: "A1",
      header: canonicalHeaders(riskColumns),
      rows: risks.map(([id, category, risk, likelihood, impact, factors]) => [
        id,
        category,
        risk,
        likelihood,
        impact,
        factors,
        null,
        null,
        null,
        null,
      ]),
      as: "table",
    },
  ];
}

export const hampshireSampleNotes: NoteSheetSpec = {
  name: "About",
  lines: [
    "Joint Working in Hampshire: Strategic Integrated Business Case (April 2012), Appendices G, H and I.",
    "Partners: Hampshire County Council (HCC), Hampshire Constabulary (HC), Hampshire Fire and Rescue Service (HFRS).",
    "Amounts in £'000; costs positive, savings negative (shown in brackets). N/A = not quantified, which is not zero.",
    "Pools: Joint working = baseline of Procurement, ICT, Finance, HR (73/22/5); Occupational Health = HC and HFRS only (73/27).",
    "The transfer pair 'Occupational Health share of set-up' moves 115 / 135 of set-up from Joint working to the Occupational Health pool.",
    "Phasing profiles are illustrative: the document shows payback graphs without yearly figures (see the Profiles sheet).",
    "Illustrative additions not in the document: a contingency case (Worst, costs +25%, savings -25%) and two scenarios.",
    "Run `cba run <this file>` to write the CBA result sheets; this sheet and the input sheets are never changed.",
  ],
};
