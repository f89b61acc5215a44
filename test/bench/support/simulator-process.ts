// Runs the Slack simulator in its own process for benchmarks, so it never competes with the
// measured process for CPU, and prints one JSON line with its URLs and tokens.
import { startSimulator, type SimulatorOptions } from '../../../src/simulator/index.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as SimulatorOptions;
const sim = await startSimulator(options);
process.stdout.write(`${JSON.stringify({ apiUrl: sim.apiUrl, scimUrl: sim.scimUrl, tokens: sim.tokens, plan: sim.plan })}\n`);
process.on('SIGTERM', () => void sim.close().then(() => process.exit(0)));
