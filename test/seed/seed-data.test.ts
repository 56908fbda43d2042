// The seed file's own consistency checks (quotes equal body slices, references
// resolve, enum values exist, figures follow the low/best/high rule).
import { execFileSync } from "node:child_process";
import path from "node:path";

test("prisma/seed/check-seed.js passes on the committed seed data", () => {
  const output = execFileSync(process.execPath, [path.join(__dirname, "../../prisma/seed/check-seed.js")], { encoding: "utf8" });
  expect(output).toMatch(/all \d+ checks passed/);
});
