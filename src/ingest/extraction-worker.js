// Where an extraction-pool worker thread starts when the pool runs from its
// TypeScript sources (Jest, through @swc/jest; or any TS runner). A worker
// thread has none of its parent's require hooks, and Node 20 cannot load .ts,
// so this registers one: each .ts file is compiled with @swc/core (a dev
// dependency, with Jest's options) as it is required, and "./x.js" imports
// from .ts files resolve to ./x.ts as tsc and Jest's moduleNameMapper do.
// Then it hands piscina the pool module, whose runExtractionTask does the work.
//
// From dist/ this file is not used: the compiled extraction-pool.js is the
// worker entry itself, plain JavaScript with no hook.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const Module = require("node:module");
const { workerData } = require("node:worker_threads");
const swc = require("@swc/core");

const SWC_OPTIONS = {
  jsc: {
    target: "es2022",
    parser: { syntax: "typescript", decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
  },
  module: { type: "commonjs" },
  sourceMaps: "inline",
};

require.extensions[".ts"] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, "utf8"), { ...SWC_OPTIONS, filename });
  module._compile(code, filename);
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request.startsWith(".") && parent && typeof parent.filename === "string" && parent.filename.endsWith(".ts")) {
    const base = path.resolve(path.dirname(parent.filename), request);
    for (const candidate of [base.replace(/\.js$/, ".ts"), `${base}.ts`, path.join(base, "index.ts")]) {
      if (candidate.endsWith(".ts") && fs.existsSync(candidate)) return candidate;
    }
  }
  return resolveFilename.call(this, request, parent, ...rest);
};

module.exports = require(workerData && workerData.sourceModule ? workerData.sourceModule : path.join(__dirname, "extraction-pool.ts"));
