/**
 * Money (decimal.js) values in messages to and from the simulation worker. `postMessage` copies
 * objects with the structured clone algorithm, which keeps a decimal's fields but drops its class,
 * so a decimal arriving on the other side would be a plain object with no methods. Each decimal is
 * therefore sent as its exact text, tagged so it cannot be mistaken for an ordinary string.
 */
import { Money } from "../../engine/money";

/** A decimal as sent: its exact text ("-1423.5", "1e-9", "-0"). */
export interface EncodedMoney {
  readonly $money: string;
}

/** The shape of `T` once every decimal in it has been encoded. */
export type Encoded<T> = T extends Money
  ? EncodedMoney
  : T extends readonly (infer Item)[]
    ? Encoded<Item>[]
    : T extends object
      ? { [Key in keyof T]: Encoded<T[Key]> }
      : T;

/**
 * Replaces every decimal in a tree of plain objects and arrays with its exact text. Anything else
 * that structured cloning would change (a Map, a class instance, a function) is refused here, on the
 * sending side, rather than arriving broken.
 *
 * @example
 * encodeMoney({ npv: new Money("-1423.5") }); // { npv: { $money: "-1423.5" } }
 */
export function encodeMoney<T>(value: T): Encoded<T> {
  return encodeValue(value, "message") as Encoded<T>;
}

/**
 * The inverse of `encodeMoney`: every tagged text becomes a `Money` again, equal to the original.
 *
 * @example
 * decodeMoney<{ npv: Money }>({ npv: { $money: "-1423.5" } }).npv.toFixed(1); // "-1423.5"
 */
export function decodeMoney<T>(value: Encoded<T>): T {
  return decodeValue(value) as T;
}

function encodeValue(value: unknown, path: string): unknown {
  if (Money.isDecimal(value)) {
    const decimal = value as Money;
    // toString() drops the sign of zero; keep it so the round trip is exact.
    return { $money: decimal.isZero() && decimal.isNegative() ? "-0" : decimal.toString() };
  }
  if (Array.isArray(value)) return value.map((item, index) => encodeValue(item, `${path}[${index}]`));
  if (typeof value === "function" || typeof value === "symbol") {
    throw new TypeError(`${path} is a ${typeof value}, which cannot be sent to the simulation worker`);
  }
  if (value !== null && typeof value === "object") {
    const prototype = Object.getPrototypeOf(value) as object | null;
    if (prototype !== Object.prototype && prototype !== null) {
      const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? "object";
      throw new TypeError(`${path} is a ${kind}, which cannot be sent to the simulation worker`);
    }
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, encodeValue(item, `${path}.${key}`)]),
    );
  }
  return value;
}

function isEncodedMoney(value: object): value is EncodedMoney {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === "$money" && typeof (value as EncodedMoney).$money === "string";
}

function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value !== null && typeof value === "object") {
    if (isEncodedMoney(value)) return new Money(value.$money);
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decodeValue(item)]));
  }
  return value;
}
