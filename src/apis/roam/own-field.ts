/**
 * Reads a body field only when the body itself has it. Bodies come from JSON.parse or form
 * parsing, where a `__proto__` or `constructor` key is plain data; reading through the prototype
 * chain could still pick up an inherited value, so every handler read goes through here.
 */
export function ownField<T extends object, K extends keyof T & string>(body: T, key: K): T[K] | undefined {
  return Object.hasOwn(body, key) ? body[key] : undefined;
}
