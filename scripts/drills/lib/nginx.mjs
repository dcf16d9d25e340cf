// nginx for the drills: the same settings as deploy/nginx/sesame.conf.template
// (the compose profile's proxy), rendered for loopback ports, run in the
// foreground from a throw-away folder with its own pid file, logs and
// temporary folders (no system configuration is read or changed).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The nginx binary: NGINX_BIN, else `nginx` on the PATH (also /usr/sbin); null when there is none. */
export function findNginx() {
  const candidates = [process.env.NGINX_BIN, 'nginx', '/usr/sbin/nginx'].filter(Boolean);
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ['-v'], { encoding: 'utf8' });
    if (probe.status === 0) return { bin: candidate, version: (probe.stderr || probe.stdout).trim().replace(/^nginx version: /, '') };
  }
  return null;
}

/**
 * The configuration: the template's `server {…}` blocks and upstreams, with
 * its placeholders filled in, inside a minimal main context of our own.
 * `webs` and `apis` are lists of `host:port`.
 */
export function renderConfig({ template, dir, listen, apiListen, webs, apis }) {
  const upstream = (servers) => servers.map((server) => `    server ${server} max_fails=1 fail_timeout=5s;`).join('\n');
  const http = template
    .replaceAll('${SESAME_LISTEN}', listen)
    .replaceAll('${SESAME_API_LISTEN}', apiListen)
    .replaceAll('${SESAME_WEB_SERVERS}', upstream(webs).trimStart())
    .replaceAll('${SESAME_API_SERVERS}', upstream(apis).trimStart());
  const left = /\$\{[A-Z_]+\}/.exec(http);
  if (left) throw new Error(`nginx template: ${left[0]} was not filled in`);
  return `# Rendered by scripts/drills/lib/nginx.mjs from deploy/nginx/sesame.conf.template
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${http.replace(/^/gm, '  ')}
}
`;
}

/** Starts nginx in the foreground with the rendered configuration; resolves once it accepted it. */
export async function startNginx({ bin, root, dir, ...ports }) {
  mkdirSync(dir, { recursive: true });
  // As root, nginx's workers run as `nobody`: they must reach their temporary folders.
  if (process.getuid?.() === 0) chmodSync(dir, 0o777);
  const template = readFileSync(path.join(root, 'deploy/nginx/sesame.conf.template'), 'utf8');
  const file = path.join(dir, 'nginx.conf');
  writeFileSync(file, renderConfig({ template, dir, ...ports }));
  const test = spawnSync(bin, ['-t', '-q', '-p', dir, '-c', file], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx refused its configuration:\n${test.stderr}`);
  const child = spawn(bin, ['-p', dir, '-c', file, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)));
  return {
    child,
    errors: () => errors + readFileSync(path.join(dir, 'error.log'), 'utf8'),
    stop: async () => {
      // SIGQUIT: graceful (finish the requests under way, then exit).
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
