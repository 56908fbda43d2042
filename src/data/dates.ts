/** UTC midnight of the UTC calendar day of `date`: how `@db.Date` columns and `Date` arguments compare. */
export function utcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
