// Counts SQL statements on the wire, whatever the server under test: a TCP
// proxy between it and PostgreSQL that forwards every byte unchanged and
// reads the frontend messages of the PostgreSQL protocol on the side.
// A simple Query ('Q') or an Execute ('E') of a prepared portal is one
// statement; transaction control and session settings are not counted.
// It adds latency, so the harness only uses it in a separate counting phase.
import net from "node:net";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

/** Statements that are not the query itself: transaction control, session settings. */
const NOT_COUNTED = /^\s*(BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|SET|RESET|SHOW|DISCARD|DEALLOCATE)\b|^\s*SELECT\s+set_config\s*\(/i;

export interface SqlCounts {
  /** Statements counted. */
  statements: number;
  /** Transaction control and settings seen (not counted). */
  ignored: number;
}

/**
 * Bind parameters of an extended-protocol statement, as text; null for a
 * simple Query (no parameters) or when a parameter was sent in binary format.
 */
export type BindParams = (string | null)[] | null;

export interface SqlCounter {
  port: number;
  counts(): SqlCounts;
  /** Called with each counted statement's text and its bind parameters (debugging, and the plans of what a server really sends). */
  onStatement?: (sql: string, params: BindParams) => void;
  close(): Promise<void>;
}

/** Reads a NUL-terminated string at `offset`; returns it and the offset after the NUL. */
function cstring(buffer: Buffer, offset: number): [string, number] {
  const end = buffer.indexOf(0, offset);
  return [buffer.toString("utf8", offset, end), end + 1];
}

/** Parses one client's stream; `record` gets each executed statement's text. */
class FrontendParser {
  private pending: Buffer = Buffer.alloc(0);
  private startupDone = false;
  private readonly statements = new Map<string, string>();
  private readonly portals = new Map<string, { sql: string; params: BindParams }>();

  constructor(
    private readonly record: (sql: string, params: BindParams) => void,
    private readonly answerClient: (byte: string) => void,
  ) {}

  /** Returns false when the chunk must not be forwarded (an SSL/GSS request we answered ourselves). */
  push(chunk: Buffer): boolean {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    let forward = true;
    for (;;) {
      if (!this.startupDone) {
        if (this.pending.length < 8) break;
        const length = this.pending.readInt32BE(0);
        if (this.pending.length < length) break;
        const code = this.pending.readInt32BE(4);
        this.pending = this.pending.subarray(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          // No TLS to the proxy: say "no" and let the client go on in plain text.
          this.answerClient("N");
          forward = false;
          continue;
        }
        if (code !== CANCEL_REQUEST) this.startupDone = true;
        continue;
      }
      if (this.pending.length < 5) break;
      const length = this.pending.readInt32BE(1);
      if (this.pending.length < 1 + length) break;
      this.message(String.fromCharCode(this.pending[0]), this.pending.subarray(5, 1 + length));
      this.pending = this.pending.subarray(1 + length);
    }
    return forward;
  }

  private message(type: string, body: Buffer): void {
    if (type === "Q") {
      this.record(cstring(body, 0)[0], null);
    } else if (type === "P") {
      const [name, next] = cstring(body, 0);
      this.statements.set(name, cstring(body, next)[0]);
    } else if (type === "B") {
      const [portal, next] = cstring(body, 0);
      const [statement, offset] = cstring(body, next);
      this.portals.set(portal, { sql: this.statements.get(statement) ?? "", params: bindParams(body, offset) });
    } else if (type === "E") {
      const portal = this.portals.get(cstring(body, 0)[0]);
      this.record(portal?.sql ?? "", portal?.params ?? null);
    }
  }
}

/** A Bind message's parameter values from `offset` (after the portal and statement names); null if any is binary. */
export function bindParams(body: Buffer, offset: number): BindParams {
  let at = offset;
  const formatCount = body.readInt16BE(at);
  at += 2;
  const formats: number[] = [];
  for (let i = 0; i < formatCount; i++, at += 2) formats.push(body.readInt16BE(at));
  const count = body.readInt16BE(at);
  at += 2;
  const params: (string | null)[] = [];
  for (let i = 0; i < count; i++) {
    // No format codes: all text; one: it applies to every parameter; else one per parameter.
    const format = formatCount === 0 ? 0 : formatCount === 1 ? formats[0] : formats[i];
    const length = body.readInt32BE(at);
    at += 4;
    if (length === -1) {
      params.push(null);
      continue;
    }
    if (format !== 0) return null;
    params.push(body.toString("utf8", at, at + length));
    at += length;
  }
  return params;
}

export async function startSqlCounter(target: { host: string; port: number }): Promise<SqlCounter> {
  const counts: SqlCounts = { statements: 0, ignored: 0 };
  const sockets = new Set<net.Socket>();
  const counter: SqlCounter = {
    port: 0,
    counts: () => ({ ...counts }),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const record = (sql: string, params: BindParams) => {
    if (NOT_COUNTED.test(sql)) counts.ignored++;
    else {
      counts.statements++;
      counter.onStatement?.(sql, params);
    }
  };

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    // Forward each message at once: Nagle's algorithm would hold small packets back by tens of ms.
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    sockets.add(client).add(upstream);
    const parser = new FrontendParser(record, (byte) => client.write(byte));
    client.on("data", (chunk) => {
      if (parser.push(chunk)) upstream.write(chunk);
    });
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", close).on("error", close);
    upstream.on("close", close).on("error", close);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  counter.port = (server.address() as net.AddressInfo).port;
  return counter;
}

/** The same connection string, pointed at the proxy. */
export function viaProxy(databaseUrl: string, proxyPort: number): string {
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(proxyPort);
  return url.toString();
}
