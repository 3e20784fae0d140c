// The simulator process of `npm run bench:host`: as `npm run sim` runs it, request log included
// (one JSON line per request, written synchronously like console.log to a file), but into
// <logFile> instead of the terminal. Prints {"url", "ca"} on stdout, stops on SIGTERM, and then
// writes its WAL flush counts to <logFile>.flushes.json.
// Usage: node --import tsx bench-simulator.ts <dataDir> <logFile>
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { startSimulator } from '../../simulator/index.js';

const [dataDir, logFile] = process.argv.slice(2);
if (!dataDir || !logFile) {
  console.error('usage: bench-simulator.ts <dataDir> <logFile>');
  process.exit(2);
}
const fd = openSync(logFile, 'a');
const sim = await startSimulator({
  dataDir,
  port: 0,
  log: (line) => writeSync(fd, `${JSON.stringify(line)}\n`),
});
process.stdout.write(`${JSON.stringify({ url: sim.url, ca: sim.caCertPem })}\n`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    writeFileSync(`${logFile}.flushes.json`, JSON.stringify(sim.walFlushes()));
    void sim.close().then(() => {
      closeSync(fd);
      process.exit(0);
    });
  });
}
