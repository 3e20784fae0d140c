// Runs a simulator in its own process for the durability test: prints {"url", "ca"} and waits
// to be killed. Usage: node --import tsx child-simulator.ts <dataDir>
import { startSimulator } from '../../../simulator/index.js';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: child-simulator.ts <dataDir>');
  process.exit(2);
}
const sim = await startSimulator({ dataDir, port: 0 });
process.stdout.write(`${JSON.stringify({ url: sim.url, ca: sim.caCertPem })}\n`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void sim.close().then(() => process.exit(0));
  });
}
