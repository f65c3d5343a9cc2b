import {
  beneficiariesRangeName,
  beneficiaryColumns,
  canonicalHeaders,
  driverColumns,
  fundingColumns,
  fundingRangeNames,
  inputRangeNames,
  lineFundingColumns,
  optimismBiasColumns,
  optimismBiasRangeNames,
  partnerColumns,
  publishedColumns,
  riskColumns,
  scenarioColumns,
} from "../inputContract";
import { withTotals } from "./baselineTotals";
import type { CellValue, InputRangeSpec, NoteSheetSpec } from "../workbookPort";

/**
 * A second worked example, constructed (not a published bid) so that every figure can be checked
 * by hand: the Northshire Community Safety Hub, a bid by a county council, a district council, the
 * police and the fire service to a central "Safer Communities Fund". Figures are £'000 in cash
 * (nominal) terms, costs positive and savings negative. It uses what Hampshire does not:
 *
 * - named cases (Optimistic, Central, Cautious) instead of Best / Worst;
 * - funding: the fund's grant meets 60% of the system and the programme team (pump-priming at most
 *   60% of the costs, with a fallback award of half the grant), the police match-fund the system,
 *   the county council's reserves meet the rest and its prudential borrowing (4%, five years,
 *   annuity) the refurbishment; capital and revenue on every cost line;
 * - wider beneficiaries: A&E attendances avoided fall wholly to the NHS; crime reduction (a social
 *   benefit) 16% to the partnership, 30% to the police alone, 24% to the NHS, 30% to the Ministry
 *   of Justice; benefits classed fiscal cashable, fiscal non-cashable or social;
 * - optimism bias: the system as equipment/development (Green Book upper bound 200%, 80% mitigated
 *   → 40%), the refurbishment as standard buildings (24%, half mitigated → 12%), and benefits
 *   reduced by confidence grade 3 (10%, the product's illustrative grade table);
 * - unit cost × volume: call-outs avoided at £350 each (20% deadweight), A&E attendances at £400,
 *   crimes at £1,200 (25% deadweight, 10% drop-off a year);
 * - nominal prices with 2% inflation, deflated to 2026/27 prices before discounting at 3.5%.
 *
 * Hand-checked figures (Central case) are in test/workbook/northshireSample.test.ts.
 */
export const northshireHorizonYears = 10;

const years = Array.from({ length: northshireHorizonYears + 1 }, (_, year) => `Year ${year}`);

const hub = "Hub";
const emergencyServices = "Emergency services";

/** Fractions for years 0..10; a recurring line runs on at its last rate. */
const profiles: [string, number[], string][] = [
  ["Set-up year", [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "System and refurbishment in year 0"],
  ["First two years", [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], "Programme team for the change"],
  ["From year 1", [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], "Running the hub once open"],
  ["Savings ramp", [0, 0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1], "Half a year of benefits in year 1"],
];

type LineRow = [
  label: string,
  timing: string,
  allocation: string,
  kind: string,
  expenditure: string | null,
  benefitClass: string | null,
  optimismBias: string | null,
  optimistic: CellValue,
  central: CellValue,
  cautious: CellValue,
  profile: string,
];

/** Benefit lines driven by unit cost × volume leave their amounts blank: CBA_Drivers gives them. */
const lines: LineRow[] = [
  ["Case management system", "One-off", hub, "Cost", "Capital", null, "ICT", 500, 600, 700, "Set-up year"],
  [
    "Hub refurbishment",
    "One-off",
    hub,
    "Cost",
    "Capital",
    null,
    "Building works",
    400,
    400,
    450,
    "Set-up year",
  ],
  ["Programme team", "Recurring", hub, "Cost", "Revenue", null, null, 150, 150, 180, "First two years"],
  ["Hub running costs", "Recurring", hub, "Cost", "Revenue", null, null, 80, 90, 100, "From year 1"],
  [
    "Co-location staff savings",
    "Recurring",
    hub,
    "Benefit",
    null,
    "Fiscal cashable",
    "Benefits",
    -300,
    -250,
    -200,
    "Savings ramp",
  ],
  [
    "Repeat call-outs avoided",
    "Recurring",
    emergencyServices,
    "Benefit",
    null,
    "Fiscal non-cashable",
    "Benefits",
    null,
    null,
    null,
    "Savings ramp",
  ],
  [
    "A&E attendances avoided",
    "Recurring",
    hub,
    "Benefit",
    null,
    "Fiscal non-cashable",
    "Benefits",
    null,
    null,
    null,
    "Savings ramp",
  ],
  [
    "Crime reduction",
    "Recurring",
    hub,
    "Benefit",
    null,
    "Social",
    "Benefits",
    null,
    null,
    null,
    "Savings ramp",
  ],
];

/** Service area spend per partner: 900 / 540 / 1,440 / 720 of 3,600, i.e. 25% / 15% / 40% / 20%. */
const baseline: [string, number, number, number, number][] = [
  ["Anti-social behaviour", 400, 300, 800, 100],
  ["Safeguarding analysts", 200, 100, 400, 300],
  ["Prevention and education", 300, 140, 240, 320],
];

const drivers: CellValue[][] = [
  ["Repeat call-outs avoided", "Optimistic", -0.35, 1000, "call-outs", 0.2, null, null],
  ["Repeat call-outs avoided", "Central", -0.35, 800, "call-outs", 0.2, null, null],
  ["Repeat call-outs avoided", "Cautious", -0.35, 600, "call-outs", 0.2, null, null],
  ["A&E attendances avoided", "Optimistic", -0.4, 500, "attendances", null, null, null],
  ["A&E attendances avoided", "Central", -0.4, 400, "attendances", null, null, null],
  ["A&E attendances avoided", "Cautious", -0.4, 300, "attendances", null, null, null],
  ["Crime reduction", "Optimistic", -1.2, 200, "crimes", 0.25, null, 0.1],
  ["Crime reduction", "Central", -1.2, 150, "crimes", 0.25, null, 0.1],
  ["Crime reduction", "Cautious", -1.2, 100, "crimes", 0.25, null, 0.1],
];

const risks: CellValue[][] = [
  [
    "R1",
    "Funding",
    "Only part of the grant is awarded",
    3,
    4,
    null,
    "NCC S151 officer",
    "Fallback award modelled",
  ],
  [
    "R2",
    "Delivery",
    "The case management system goes live late",
    3,
    3,
    null,
    "Programme board",
    "Fixed-price contract",
  ],
  [
    "R3",
    "Benefits",
    "Call-outs avoided are fewer than forecast",
    2,
    4,
    null,
    "NP finance",
    "Quarterly benefit tracking",
  ],
  ["R4", "People", "Staff do not transfer to the hub", 2, 3, null, "HR leads", "Early consultation"],
  [
    "R5",
    "Data",
    "Partners cannot share case data lawfully",
    1,
    5,
    null,
    "Information governance",
    "Data sharing agreement",
  ],
].map((row) => [...row, null, null]);

/**
 * The Northshire ranges, as `cba sample --example northshire` and the pane write them.
 *
 * @example
 * addInputRanges(workbook, northshireSampleRanges(), [northshireSampleNotes]);
 */
export function northshireSampleRanges(): InputRangeSpec[] {
  const amount = "#,##0;(#,##0)";
  return [
    {
      name: inputRangeNames.partners,
      sheet: "Partners",
      topLeft: "A1",
      header: canonicalHeaders(partnerColumns),
      rows: [
        ["NCC", "Northshire County Council"],
        ["SDC", "Southvale District Council"],
        ["NP", "Northshire Police"],
        ["NFRS", "Northshire Fire and Rescue Service"],
      ],
      as: "table",
    },
    {
      name: inputRangeNames.baseline,
      sheet: "Baseline",
      topLeft: "A1",
      header: ["Service area", "NCC", "SDC", "NP", "NFRS", "Total"],
      rows: withTotals(baseline),
      as: "table",
      columnFormats: [null, amount, amount, amount, amount, amount],
    },
    {
      name: inputRangeNames.pools,
      sheet: "Pools",
      topLeft: "A1",
      header: ["Pool", "Basis", "Service areas", "Partners", "Share decimals", "Note"],
      rows: [
        [hub, "Baseline", "*", "*", 0, "All four by baseline: 25 / 15 / 40 / 20"],
        [emergencyServices, "Baseline", "*", "NP, NFRS", 0, "Police and fire by baseline: 67 / 33"],
      ],
      as: "table",
    },
    {
      name: inputRangeNames.lines,
      sheet: "Lines",
      topLeft: "A1",
      header: [
        "Line",
        "Timing",
        "Allocation",
        "Kind",
        "Expenditure",
        "Benefit class",
        "Optimism bias",
        "Optimistic",
        "Central",
        "Cautious",
        "Profile",
      ],
      rows: lines,
      as: "table",
      columnFormats: [null, null, null, null, null, null, null, amount, amount, amount, null],
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
        ["Discount rate", 0.035, "Green Book standard rate, real"],
        ["Horizon (years)", northshireHorizonYears, "Years after year 0"],
        ["First financial year", 2026, "Year 0 = 2026/27"],
        ["Unit label", "£'000", null],
        ["Rounding unit", 1, "Apportioned parts in whole £'000"],
        ["Cases", "Optimistic, Central, Cautious", "The value columns of the Lines"],
        ["Prices", "Nominal", "Amounts are cash, inflated at 2% a year"],
        ["Price base year", "2026/27", "Discounted figures in 2026/27 prices"],
        ["Inflation", 0.02, "GDP deflator assumption"],
        ["Optimism bias", "Include", "Results with and without"],
        ["Seed", 20261207, "For simulations"],
      ],
      as: "definedName",
    },
    {
      name: inputRangeNames.scenarios,
      sheet: "Settings",
      topLeft: "A16",
      header: canonicalHeaders(scenarioColumns),
      rows: [
        ["Benefits 20% lower", "Central", 1, 0.8, 0],
        ["Go-live a year late", "Central", 1, 1, 1],
      ],
      as: "definedName",
    },
    {
      name: inputRangeNames.drivers,
      sheet: "Drivers",
      topLeft: "A1",
      header: canonicalHeaders(driverColumns),
      rows: drivers,
      as: "table",
      columnFormats: [null, null, "#,##0.00;(#,##0.00)", "#,##0", null, "0%", "0%", "0%"],
    },
    {
      name: fundingRangeNames.funding,
      sheet: "Funding",
      topLeft: "A1",
      header: canonicalHeaders(fundingColumns),
      rows: [
        ["Safer Communities Fund", "Grant", null, 700, 0.6, null, 0.5, null, null, null],
        ["NCC prudential borrowing", "Borrowing", "NCC", null, null, "Capital", null, 0.04, 5, "Annuity"],
        ["NCC reserves", "Reserves", "NCC", null, null, null, null, null, null, null],
        ["NP match funding", "Match funding", "NP", null, null, null, null, null, null, null],
      ],
      as: "table",
      columnFormats: [null, null, null, amount, "0%", null, "0%", "0.0%", null, null],
    },
    {
      name: fundingRangeNames.lineFunding,
      sheet: "Funding",
      topLeft: "A10",
      header: canonicalHeaders(lineFundingColumns),
      rows: [
        ["Case management system", "Safer Communities Fund", null, 0.6],
        ["Case management system", "NP match funding", null, 0.4],
        ["Hub refurbishment", "NCC prudential borrowing", null, 1],
        ["Programme team", "Safer Communities Fund", null, 0.6],
        ["Programme team", "NCC reserves", null, 0.4],
        ["Hub running costs", "NCC reserves", null, 1],
      ],
      as: "table",
      columnFormats: [null, null, amount, "0%"],
    },
    {
      name: beneficiariesRangeName,
      sheet: "Beneficiaries",
      topLeft: "A1",
      header: canonicalHeaders(beneficiaryColumns),
      rows: [
        ["A&E attendances avoided", "NHS", 1],
        ["Crime reduction", "Partnership", 0.16],
        ["Crime reduction", "NP", 0.3],
        ["Crime reduction", "NHS", 0.24],
        ["Crime reduction", "Ministry of Justice", 0.3],
      ],
      as: "table",
      columnFormats: [null, null, "0%"],
    },
    {
      name: optimismBiasRangeNames.optimismBias,
      sheet: "Optimism bias",
      topLeft: "A1",
      header: canonicalHeaders(optimismBiasColumns),
      rows: [
        [
          "ICT",
          "Equipment/development",
          "Capital costs",
          null,
          0.8,
          "Off-the-shelf system already used by two forces; fixed-price contract",
          null,
        ],
        [
          "Building works",
          "Standard buildings",
          "Capital costs",
          null,
          0.5,
          "Condition survey done and the contractor's quote in hand",
          null,
        ],
        ["Benefits", null, "Benefits", null, 0, null, 3],
      ],
      as: "table",
      columnFormats: [null, null, null, "0%", "0%", null, null],
    },
    {
      name: inputRangeNames.published,
      sheet: "Published",
      topLeft: "A1",
      header: canonicalHeaders(publishedColumns),
      rows: [
        ["Set-up cost, central case", "Set-up", "Central", null, 1000, null],
        ["Set-up cost, optimistic case", "Set-up", "Optimistic", null, 900, null],
      ],
      as: "table",
      columnFormats: [null, null, null, null, amount, null],
    },
    {
      name: inputRangeNames.risks,
      sheet: "Risks",
      topLeft: "A1",
      header: canonicalHeaders(riskColumns),
      rows: risks,
      as: "table",
    },
  ];
}

export const northshireSampleNotes: NoteSheetSpec = {
  name: "About",
  lines: [
    "Northshire Community Safety Hub: a constructed example (not a published bid) whose figures can be checked by hand.",
    "Partners: Northshire County Council (NCC), Southvale District Council (SDC), Northshire Police (NP), Northshire Fire and Rescue Service (NFRS).",
    "Amounts in £'000 cash (nominal, 2% inflation); costs positive, savings negative. Cases: Optimistic, Central, Cautious.",
    "Funding: Safer Communities Fund grant (60% of the system and programme team; fallback award 50%), NP match funding, NCC reserves, NCC borrowing.",
    "Who benefits: A&E attendances avoided fall to the NHS; crime reduction 16% partnership, 30% police, 24% NHS, 30% Ministry of Justice.",
    "Optimism bias: system 200% × (1 − 80%) = 40%, refurbishment 24% × (1 − 50%) = 12%, benefits −10% (confidence grade 3).",
    "Unit cost × volume: call-outs £350 (20% deadweight), A&E attendances £400, crimes £1,200 (25% deadweight, 10% drop-off a year).",
    "Run `cba run <this file>` to write the CBA result sheets; this sheet and the input sheets are never changed.",
  ],
};
