/**
 * The error the simulated host raises, shaped like Office.js's `OfficeExtension.Error`: a `code`
 * from Excel's list (ItemNotFound, InvalidArgument, PropertyNotLoaded, …) and `debugInfo`.
 */
export type SimulatedErrorCode =
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "InvalidObjectPath"
  | "InvalidRequestContext"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "PropertyNotLoaded"
  | "NotImplemented"
  | "ApiNotFound"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded";

export class SimulatedOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(
    readonly code: SimulatedErrorCode,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(errorLocation === undefined ? {} : { errorLocation }) };
  }
}

/** The message Office.js gives when a property is read before `load` and `sync`. */
export function propertyNotLoaded(property: string): SimulatedOfficeError {
  return new SimulatedOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}
