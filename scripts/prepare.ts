// `npx tsx scripts/prepare.ts`: migrate, and seed the demo city on an empty database (what
// `npm start` does before it builds and serves). deploy/local-cluster.sh --demo runs it once
// against the cluster's primary before the instances start.
import { prepareDatabase } from './lib/prepare';

const started = Date.now();
await prepareDatabase(() => `${((Date.now() - started) / 1000).toFixed(1)} s`);
