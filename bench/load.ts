// Load with autocannon, in this process: a closed loop for the maximum rate
// and a fixed rate (autocannon's overallRate) for latency. Every response is
// checked by `verify`; any failure is counted.
import autocannon from "autocannon";
import type { HttpRequest } from "./servers/catalog";

export interface LoadOptions {
  origin: string;
  request: HttpRequest;
  connections: number;
  durationSeconds: number;
  verify: (body: string) => boolean;
  /** Requests per second across all connections; unset: as fast as the server answers. */
  rate?: number;
  /** Observes the moment the load starts and ends (for CPU sampling). */
  onStart?: () => void;
}

export interface LoadResult {
  /** Completed responses. */
  requests: number;
  elapsedSeconds: number;
  rps: number;
  /** Transport errors + timeouts + non-2xx + failed verification. */
  errors: number;
  errorDetail: { errors: number; timeouts: number; non2xx: number; mismatches: number };
  /** Exact latency percentiles (ms, sub-millisecond resolution). */
  p50Ms: number | null;
  p99Ms: number | null;
  /** One failing body, to explain a failure. */
  sampleFailure?: string;
}

/** Percentile of a sorted array (nearest rank). */
function percentile(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  let latencies = new Float64Array(4096);
  let count = 0;
  let sampleFailure: string | undefined;
  const verify = (body: string) => {
    const ok = options.verify(body);
    if (!ok && sampleFailure === undefined) sampleFailure = body.slice(0, 500);
    return ok;
  };
  let started = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.origin + options.request.path,
        method: "POST",
        headers: { "content-type": "application/json", ...options.request.headers },
        body: options.request.body,
        connections: options.connections,
        duration: options.durationSeconds,
        // autocannon checks for the end of the run on each sample tick: keep short runs short.
        sampleInt: 100,
        timeout: 30,
        verifyBody: (body) => verify(typeof body === "string" ? body : String(body ?? "")),
        ...(options.rate ? { overallRate: options.rate } : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        const elapsedSeconds = (performance.now() - started) / 1000;
        const r = result as autocannon.Result & { mismatches?: number; non2xx: number };
        const errorDetail = { errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, mismatches: r.mismatches ?? 0 };
        const sorted = latencies.subarray(0, count).sort();
        resolve({
          requests: count,
          elapsedSeconds,
          rps: count / elapsedSeconds,
          // timeouts are already part of autocannon's `errors`.
          errors: errorDetail.errors + errorDetail.non2xx + errorDetail.mismatches,
          errorDetail,
          p50Ms: percentile(sorted, 50),
          p99Ms: percentile(sorted, 99),
          sampleFailure,
        });
      },
    );
    started = performance.now();
    options.onStart?.();
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      if (count === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[count++] = responseTime;
    });
  });
}
