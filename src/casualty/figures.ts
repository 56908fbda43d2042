/** low <= best <= high (when known), all non-negative. */
export function figureRangeIsValid(low: number, best: number, high: number | null): boolean {
  return Number.isInteger(low) && Number.isInteger(best) && 0 <= low && low <= best && (high === null || (Number.isInteger(high) && best <= high));
}
