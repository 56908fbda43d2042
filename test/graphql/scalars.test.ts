// Our Date scalar writes Dates itself (faster); it must write exactly what
// graphql-scalars writes, and refuse exactly what it refuses.
import { DateResolver } from "graphql-scalars";
import { DateScalar } from "../../src/graphql/scalars";

function outcome(serialize: (value: unknown) => unknown, value: unknown) {
  try {
    return { value: serialize(value) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

test("Date serializes every value as graphql-scalars does", () => {
  const values: unknown[] = [
    new Date(Date.UTC(2022, 0, 5)),
    new Date(Date.UTC(2022, 0, 5, 23, 59, 59, 999)),
    new Date("2022-01-05T23:30:00-05:00"), // the next UTC day
    new Date(Date.UTC(1000, 0, 1)),
    new Date(Date.UTC(9999, 11, 31)),
    new Date(Date.UTC(999, 11, 31)),
    new Date(Date.UTC(10000, 0, 1)),
    new Date(Date.UTC(-5, 0, 1)),
    new Date(Number.NaN),
    "2022-01-05",
    "2022-02-30",
    "yesterday",
    42,
    null,
  ];
  for (let i = 0; i < 2000; i++) values.push(new Date(Date.UTC(1000, 0, 1) + Math.floor(((i * 7919) % 2000) / 2000 * 2.5e14)));
  for (const value of values) {
    expect([value, outcome((v) => DateScalar.serialize(v), value)]).toEqual([value, outcome((v) => DateResolver.serialize(v), value)]);
  }
});

test("Date keeps graphql-scalars' name, description and input parsing", () => {
  expect(DateScalar.toConfig()).toMatchObject({ name: DateResolver.name, description: DateResolver.description, specifiedByURL: DateResolver.specifiedByURL });
  expect(DateScalar.parseValue("2022-01-05")).toEqual(DateResolver.parseValue("2022-01-05"));
});
