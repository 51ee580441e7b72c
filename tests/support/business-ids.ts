const WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

/**
 * The n-th valid Finnish business ID from a base, skipping the numbers no check digit fits. Apart
 * from batch-file.ts, which brings the catalogues: Playwright's ES modules cannot import JSON
 * without an import attribute.
 */
export function businessId(n: number, base = 2_000_000) {
  for (let seven = base + n * 3; ; seven++) {
    const digits = String(seven);
    const remainder = [...digits].reduce((sum, digit, index) => sum + Number(digit) * WEIGHTS[index]!, 0) % 11;
    if (remainder !== 1) return `${digits}-${remainder === 0 ? 0 : 11 - remainder}`;
  }
}
