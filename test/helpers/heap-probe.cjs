// Test only, loaded with `node --expose-gc --require` in front of the built
// server (test/hardening/distinct-documents.test.ts): on an IPC message
// "heap" it collects all garbage and answers with the V8 heap in use. Nothing
// of this is in the server itself.
"use strict";
process.on("message", (message) => {
  if (message !== "heap") return;
  for (let i = 0; i < 3; i++) global.gc();
  process.send({ heapUsed: process.memoryUsage().heapUsed });
});
// The channel must not keep the server alive on its own (SIGTERM ends it as usual).
process.channel?.unref();
