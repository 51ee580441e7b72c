/** A LIKE/ILIKE pattern matching `value` anywhere, its own % and _ taken literally. */
export const containsPattern = (value: string) => `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
