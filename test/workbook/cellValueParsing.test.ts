import fc from "fast-check";
import { Money } from "../../src/engine/money";
import { amountText } from "../../src/workbook/amountText";
import {
  isNotQuantifiedText,
  readFactorList,
  readList,
  readNumber,
  readWholeNumber,
} from "../../src/workbook/cellValueParsing";

function numberOf(value: Parameters<typeof readNumber>[0]): string | undefined {
  const parsed = readNumber(value);
  return parsed.ok ? parsed.value.toString() : undefined;
}

describe("reading numbers typed or pasted into cells", () => {
  test("numbers, separators, brackets, pound signs and percentages", () => {
    expect(numberOf(1140)).toBe("1140");
    expect(numberOf("1,140")).toBe("1140");
    expect(numberOf("(680)")).toBe("-680");
    expect(numberOf("(£1,424)")).toBe("-1424");
    expect(numberOf("3.5%")).toBe("0.035");
    expect(numberOf(" -0.5 ")).toBe("-0.5");
  });

  test("words, blanks and logical values are not numbers, and the reason says what was found", () => {
    for (const value of ["lots", "", null, true, "1,2,3x", "£"]) expect(numberOf(value)).toBeUndefined();
    const parsed = readNumber("lots");
    expect(parsed.ok ? "" : parsed.reason).toContain('"lots"');
  });

  test("any amount printed the way the documents print it (separators, brackets) reads back as the same amount", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 2 }),
        (cents, decimals) => {
          const amount = new Money(cents).div(100).toDecimalPlaces(decimals, Money.ROUND_DOWN);
          return numberOf(amountText(amount, decimals)) === amount.toString();
        },
      ),
    );
  });

  test("whole numbers within limits", () => {
    expect(readWholeNumber(10, 1, 125)).toEqual({ ok: true, value: 10 });
    expect(readWholeNumber(2.5, 1, 125).ok).toBe(false);
    expect(readWholeNumber(126, 1, 125).ok).toBe(false);
  });

  test("N/A in its usual spellings means not quantified; 0 does not", () => {
    expect(["N/A", "n/a", "NA", "Not quantified"].every(isNotQuantifiedText)).toBe(true);
    expect(isNotQuantifiedText(0)).toBe(false);
    expect(isNotQuantifiedText("None")).toBe(false);
  });
});

describe("reading lists and factor references", () => {
  test("lists split on semicolons when present, else commas; * means all", () => {
    expect(readList("HC, HFRS")).toEqual(["HC", "HFRS"]);
    expect(readList("Finance, incl. Payroll; HR")).toEqual(["Finance, incl. Payroll", "HR"]);
    expect(readList("*")).toBe("all");
    expect(readList(null)).toEqual([]);
  });

  test("factor lists as registers print them", () => {
    const factors = (text: string | number) => {
      const parsed = readFactorList(text);
      return parsed.ok ? parsed.value : parsed.reason;
    };
    expect(factors("1-8")).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(factors("1-5, 8 & 9")).toEqual([1, 2, 3, 4, 5, 8, 9]);
    expect(factors("1,2,3,4, 6 & 9")).toEqual([1, 2, 3, 4, 6, 9]);
    expect(factors("1 – 4 and 8")).toEqual([1, 2, 3, 4, 8]);
    expect(factors(4)).toEqual([4]);
    expect(factors("all of them")).toContain("not a factor number");
    expect(factors("5-2")).toContain("low to high");
  });

  test("a range a-b always reads as every whole number from a to b", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 }), (low, span) => {
        const parsed = readFactorList(`${low}-${low + span}`);
        return (
          parsed.ok &&
          parsed.value.length === span + 1 &&
          parsed.value[0] === low &&
          parsed.value[span] === low + span
        );
      }),
    );
  });
});

describe("amounts as finance documents print them", () => {
  test("pound signs with spaces, brackets around the pound sign, a minus before it, and the accounting zero", () => {
    expect(numberOf("£ 1,027.10")).toBe("1027.1");
    expect(numberOf("(£ 453.05)")).toBe("-453.05");
    expect(numberOf("-£1,463.65")).toBe("-1463.65");
    expect(numberOf("£ -")).toBe("0");
    expect(numberOf("£\u00a01,027.10")).toBe("1027.1");
    expect(numberOf("\u22121,463.65")).toBe("-1463.65");
  });

  test("abbreviated amounts are refused with a reason saying to type them in full", () => {
    for (const text of ["£1.2m", "£4k", "4k"]) {
      const parsed = readNumber(text);
      expect(parsed.ok).toBe(false);
      expect(parsed.ok ? "" : parsed.reason).toContain("abbreviated amount");
    }
  });

  test("a formula saved without its calculated value is named as such", () => {
    const parsed = readNumber("=80/120");
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.reason).toContain("formula with no calculated value (=80/120)");
  });
});
