/**
 * A .beam file that cannot be read. Always names the file and, when the problem is inside a
 * chunk, the chunk id; `offset` is the byte offset within the file when known.
 */
export class BeamFormatError extends Error {
  constructor(
    readonly file: string,
    readonly chunk: string | undefined,
    readonly detail: string,
    readonly offset?: number,
  ) {
    super(
      `${file}: ${chunk === undefined ? '' : `chunk ${chunk}: `}${detail}` +
        (offset === undefined ? '' : ` (at byte ${offset})`),
    );
    this.name = 'BeamFormatError';
  }
}

/** An opcode number that no OTP release up to 28 defines (or one no longer loadable). */
export class UnknownOpcodeError extends BeamFormatError {
  constructor(
    file: string,
    readonly opcode: number,
    /** `module:function/arity` being decoded, or a description of where we were. */
    readonly where: string,
    offset: number,
  ) {
    super(file, 'Code', `unknown opcode ${opcode} in ${where}`, offset);
    this.name = 'UnknownOpcodeError';
  }
}
