/**
 * A boxed float. The BEAM distinguishes the float 1.0 from the integer 1 (`=:=`, `is_float`,
 * printing), and JS numbers cannot, so floats carry a class of their own.
 * Invariant: `value` is finite (the BEAM has no NaN or infinities).
 */
export class ErlFloat {
  constructor(readonly value: number) {}
}

export function float(value: number): ErlFloat {
  return new ErlFloat(value);
}
