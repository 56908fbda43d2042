// Starts one server under test as its own process (on the benchmark's Node),
// waits until it answers, and stops it again.
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "crisis-graph/dev";
import path from "node:path";
import type { HttpRequest, ServerDefinition } from "./servers/catalog";

export interface RunningServer {
  pid: number;
  origin: string;
  /** The last lines the server printed (for error messages). */
  output(): string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 90_000;
const OUTPUT_LINES = 40;


export async function startServer(options: {
  definition: ServerDefinition;
  node: string;
  projectRoot: string;
  databaseUrl: string;
}): Promise<RunningServer> {
  const { definition, node, projectRoot, databaseUrl } = options;
  const port = await freePort();
  const child = spawn(node, [definition.script()], {
    cwd: projectRoot,
    // Rate limits off: the load generator is one address sending thousands of requests a second on purpose.
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      RATE_LIMIT_PER_ADDRESS: "0",
      RATE_LIMIT_PER_KEY: "0",
      ...definition.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - OUTPUT_LINES));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const running: RunningServer = {
    pid: child.pid as number,
    origin: `http://127.0.0.1:${port}`,
    output: () => lines.join("\n"),
    stop: () => stop(child, exited),
  };
  try {
    await waitUntilReady(running, definition, exited);
  } catch (error) {
    await running.stop();
    throw new Error(`${definition.name} did not start: ${(error as Error).message}\n--- its output ---\n${running.output()}`);
  }
  return running;
}

async function waitUntilReady(server: RunningServer, definition: ServerDefinition, exited: Promise<number | null>): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`it exited with code ${exitCode}`);
    try {
      const ready = definition.healthPath
        ? (await fetch(server.origin + definition.healthPath)).ok
        : (await post(server.origin, definition.readiness)).status === 200;
      if (ready) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`not ready after ${READY_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function post(origin: string, request: HttpRequest): Promise<{ status: number; body: string }> {
  const response = await fetch(origin + request.path, {
    method: "POST",
    headers: { "content-type": "application/json", ...request.headers },
    body: request.body,
  });
  return { status: response.status, body: await response.text() };
}

async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
