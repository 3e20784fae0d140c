import { readdirSync, readFileSync } from 'node:fs';

/** CPU time a process has used so far, in ms: its main (event-loop) thread and all others. */
export interface ProcessCpu {
  mainUser: number;
  mainSys: number;
  otherUser: number;
  otherSys: number;
}

// Linux reports utime/stime in clock ticks; USER_HZ is 100 on every mainstream kernel.
const MS_PER_TICK = 10;

/**
 * Reads /proc/<pid>/task/<tid>/stat for every thread (Linux only; undefined elsewhere or when the
 * process is gone). The event-loop thread is the one whose id is the pid; the others are libuv's
 * thread pool (argon2 runs there), V8's GC and compiler helpers and tsx's loader.
 */
export function processCpu(pid: number): ProcessCpu | undefined {
  try {
    const out: ProcessCpu = { mainUser: 0, mainSys: 0, otherUser: 0, otherSys: 0 };
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      } catch {
        continue; // the thread ended between the listing and the read
      }
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const user = Number(fields[11]) * MS_PER_TICK;
      const sys = Number(fields[12]) * MS_PER_TICK;
      if (Number(tid) === pid) {
        out.mainUser += user;
        out.mainSys += sys;
      } else {
        out.otherUser += user;
        out.otherSys += sys;
      }
    }
    return out;
  } catch {
    return undefined;
  }
}

/** `after - before`, field by field. */
export function cpuDelta(before: ProcessCpu, after: ProcessCpu): ProcessCpu {
  return {
    mainUser: after.mainUser - before.mainUser,
    mainSys: after.mainSys - before.mainSys,
    otherUser: after.otherUser - before.otherUser,
    otherSys: after.otherSys - before.otherSys,
  };
}

/** Adds `b` into `a`. */
export function cpuAdd(a: ProcessCpu, b: ProcessCpu): ProcessCpu {
  return {
    mainUser: a.mainUser + b.mainUser,
    mainSys: a.mainSys + b.mainSys,
    otherUser: a.otherUser + b.otherUser,
    otherSys: a.otherSys + b.otherSys,
  };
}

/** Machine-wide CPU time so far, in ms summed over all cores: busy and idle (iowait counts as idle). */
export function machineCpu(): { busy: number; idle: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    const busy = (v[0] ?? 0) + (v[1] ?? 0) + (v[2] ?? 0) + (v[5] ?? 0) + (v[6] ?? 0) + (v[7] ?? 0);
    return { busy: busy * MS_PER_TICK, idle: idle * MS_PER_TICK };
  } catch {
    return undefined;
  }
}
