import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePorts } from '../../scripts/lib/test-env';

// Starts the production topology once for the cluster suite (deploy/local-cluster.sh: a
// PostgreSQL primary, a streaming replica, two portal instances on the current build, nginx
// with deploy/nginx.conf), on free ports in a scratch folder, and stops it afterwards.

export interface ClusterInfo {
  dir: string;
  nginx: string;
  instances: string[];
  primaryUrl: string;
  replicaUrl: string;
  pgPort: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    cluster: ClusterInfo;
  }
}

const script = path.resolve('deploy/local-cluster.sh');

export default async function setup(project: TestProject) {
  // While developing: CLUSTER_REUSE=1 with the same settings as a cluster already started by
  // deploy/local-cluster.sh (CLUSTER_DIR, PG_PORT, PORTAL_PORTS, NGINX_PORT) uses it as it is.
  if (process.env.CLUSTER_REUSE === '1') {
    const pgPort = Number(process.env.PG_PORT ?? 55432);
    project.provide('cluster', {
      dir: path.resolve(process.env.CLUSTER_DIR ?? 'data/cluster'),
      nginx: `http://127.0.0.1:${process.env.NGINX_PORT ?? 8080}`,
      instances: (process.env.PORTAL_PORTS ?? '3301 3302').split(' ').map((p) => `http://127.0.0.1:${p}`),
      primaryUrl: `postgresql://postgres@127.0.0.1:${pgPort}/xinyong_leshan`,
      replicaUrl: `postgresql://postgres@127.0.0.1:${pgPort + 1}/xinyong_leshan`,
      pgPort,
    });
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credit-cluster-'));
  // The replica listens on pgPort + 1: no other port may be that one.
  const ports = await freePorts(4, { firstWithNext: true });
  const [pgPort, nginxPort, portalPorts] = [ports[0]!, ports[1]!, ports.slice(2)];
  const env = {
    ...process.env,
    CLUSTER_DIR: dir,
    PG_PORT: String(pgPort),
    PORTAL_PORTS: portalPorts.join(' '),
    NGINX_PORT: String(nginxPort),
  };
  const stop = () => {
    try {
      execFileSync(script, ['stop'], { env, stdio: 'inherit' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    execFileSync(script, ['start', '--demo'], { env, stdio: 'inherit', timeout: 600_000 });
  } catch (err) {
    stop();
    throw err;
  }
  project.provide('cluster', {
    dir,
    nginx: `http://127.0.0.1:${nginxPort}`,
    instances: portalPorts.map((p) => `http://127.0.0.1:${p}`),
    primaryUrl: `postgresql://postgres@127.0.0.1:${pgPort}/xinyong_leshan`,
    replicaUrl: `postgresql://postgres@127.0.0.1:${pgPort + 1}/xinyong_leshan`,
    pgPort,
  });
  return stop;
}
