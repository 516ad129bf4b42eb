/**
 * Raised for any malformed, truncated or unsupported external-format input, so callers
 * (binary_to_term, the literal-table loader) can map one error class to `badarg`.
 */
export class TermFormatError extends Error {
  constructor(
    message: string,
    /** Byte offset in the input (or in the inflated payload of a compressed term). */
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
    this.name = 'TermFormatError';
  }
}
