/** `true` only when A and B are mutually assignable: pins a zod schema to a type it mirrors. */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
