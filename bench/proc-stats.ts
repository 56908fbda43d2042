// CPU time and peak memory of processes, read from Linux's /proc (the
// benchmark's target platform). Every reader returns null elsewhere.
import fs from "node:fs";
import pg from "pg";

/** USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every mainstream Linux. */
const TICKS_PER_SECOND = 100;

function readStat(pid: number): string[] | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces; fields after it are plain.
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

// Field numbers of proc(5), minus the 3 before the split point (pid, comm, state).
const PPID = 1;
const UTIME = 11;
const STIME = 12;
const CUTIME = 13;
const CSTIME = 14;

/** User + system CPU milliseconds a process has used so far. */
export function cpuMs(pid: number): number | null {
  const fields = readStat(pid);
  if (!fields) return null;
  return ((Number(fields[UTIME]) + Number(fields[STIME])) * 1000) / TICKS_PER_SECOND;
}

/** Peak resident set (VmHWM) in MB. */
export function peakRssMb(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Resets VmHWM to the current RSS, so the next reading is the peak of one phase; false when not allowed. */
export function resetPeakRss(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

/**
 * CPU of a whole PostgreSQL server on this machine: its postmaster, every
 * child alive now, and (through the postmaster's cutime/cstime) children
 * that have exited. Null when the server is remote or /proc is closed to us.
 */
export async function postgresCpuReader(databaseUrl: string): Promise<(() => number | null) | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let postmaster: number;
  try {
    const backend = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
    // Read while the backend lives: its parent is the postmaster.
    postmaster = Number(readStat(backend)?.[PPID] ?? NaN);
  } finally {
    await client.end();
  }
  if (!Number.isInteger(postmaster) || !readStat(postmaster)) return null;
  return () => {
    const own = readStat(postmaster);
    if (!own) return null;
    let ticks = Number(own[UTIME]) + Number(own[STIME]) + Number(own[CUTIME]) + Number(own[CSTIME]);
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const fields = readStat(Number(entry));
      if (fields && Number(fields[PPID]) === postmaster) ticks += Number(fields[UTIME]) + Number(fields[STIME]);
    }
    return (ticks * 1000) / TICKS_PER_SECOND;
  };
}
