// A real learning record store for the tests, on loopback: a private PostgreSQL cluster, LaRS
// (the crate xapi-rs, GPL: a separate test tool, never linked into Aware; built with the fix of
// deploy/lars/) on it, and nginx with
// the shipped configuration (deploy/nginx/) in front. scripts/env.sh's setup_lrs_tools installs
// the three. Everything lives in one temporary folder and stops with `stop()`; nothing waits a
// fixed time: each step polls until its server answers.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEPLOY = resolve(dirname(fileURLToPath(import.meta.url)), '../../deploy/nginx');
/** LaRS speaks xAPI 2.0.0 only; the proxy sets this header whatever the browser sent. */
export const LRS_VERSION = '2.0.0';

/**
 * Starts the stack. `origins`: the origins the browser route accepts. Returns the browser
 * route's statements URL, the read route's endpoint and reader credential, the store's own
 * credential (so tests can check it never leaks), the time each part took to start,
 * `store.stop()`/`store.start()` for an outage of the store alone, and `stop()`.
 */
export async function startLrs({ origins }) {
  const dir = mkdtempSync(join(tmpdir(), 'aware-lrs-'));
  chmodSync(dir, 0o755);
  const processes = [];
  const stop = async () => {
    for (const child of processes.reverse()) await child.stop();
    processes.length = 0;
    rmSync(dir, { recursive: true, force: true });
  };
  const timings = {};
  try {
    const timed = async (name, start) => {
      const began = performance.now();
      const result = await start();
      timings[name] = Math.round(performance.now() - began);
      return result;
    };
    const [pgPort, larsPort, writePort, readPort] = await freePorts(4);
    const database = await timed('postgres', () => startPostgres(dir, pgPort, processes));
    const root = { email: 'root@aware.test', password: randomBytes(18).toString('base64url') };
    const storeAuth = basic(root.email, root.password);
    const store = await timed('lars', () =>
      startLars({ dir, port: larsPort, database, root, storeAuth, externalUrl: `http://127.0.0.1:${readPort}`, processes }),
    );
    const reader = { user: 'analyst', password: randomBytes(12).toString('base64url') };
    await timed('nginx', () =>
      startNginx({ dir, larsPort, writePort, readPort, origins, storeAuth, reader, processes }),
    );
    return {
      statementsUrl: `http://127.0.0.1:${writePort}/xapi/statements`,
      writeOrigin: `http://127.0.0.1:${writePort}`,
      readEndpoint: `http://127.0.0.1:${readPort}`,
      readerAuth: basic(reader.user, reader.password),
      secrets: [root.email, root.password, storeAuth, storeAuth.slice('Basic '.length)],
      timings,
      /** Stops and starts the store alone (its database and the proxy stay), as an outage. */
      store: { stop: () => store.stop(), start: () => store.start() },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One HTTP exchange, with full control of the headers (Origin included). */
export function http(method, url, { headers = {}, body } = {}) {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolvePromise({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Every statement the stack's read route returns, oldest first, following `more`. */
export async function readStatements(stack) {
  const headers = { Authorization: stack.readerAuth, 'X-Experience-API-Version': LRS_VERSION };
  const statements = [];
  let url = `${stack.readEndpoint}/statements?ascending=true`;
  for (let pages = 0; url; pages += 1) {
    if (pages >= 1000) throw new Error('the store\'s paging does not end');
    const response = await http('GET', url, { headers });
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${response.body}`);
    const page = JSON.parse(response.body);
    statements.push(...page.statements);
    url = page.more ? new URL(page.more, stack.readEndpoint).href : '';
  }
  return statements;
}

export function basic(user, password) {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

async function startPostgres(dir, port, processes) {
  const bin = postgresBin();
  const data = join(dir, 'pg');
  const socket = join(dir, 'pg-socket');
  mkdirSync(data);
  mkdirSync(socket);
  // PostgreSQL refuses to run as root: as root, run it as the `postgres` user Debian creates.
  const user = process.getuid() === 0 ? systemUser('postgres') : undefined;
  if (user) for (const path of [data, socket]) chownSync(path, user.uid, user.gid);
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-E', 'UTF8', '--auth-local=trust', '--auth-host=scram-sha-256', '--no-instructions', '--no-sync'], user);
  const postgres = launch('postgres', join(bin, 'postgres'), [
      '-D', data, '-k', socket, '-p', String(port), '-c', 'listen_addresses=127.0.0.1',
      // A throwaway cluster: no need to survive a power cut.
      '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
  ], { user, log: join(dir, 'postgres.log'), signal: 'SIGINT' });
  processes.push(postgres);
  const isReady = () => spawnSync(join(bin, 'pg_isready'), ['-q', '-h', socket, '-p', String(port)]).status === 0;
  await until('PostgreSQL', isReady, { child: postgres });
  const password = randomBytes(18).toString('hex');
  const psql = (sql) => run(join(bin, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', socket, '-p', String(port), '-U', 'postgres', '-c', sql]);
  psql(`CREATE ROLE lars LOGIN CREATEDB PASSWORD '${password}'`);
  psql('GRANT pg_signal_backend TO lars');
  psql('CREATE DATABASE lars OWNER lars');
  return { url: `postgresql://lars:${password}@127.0.0.1:${port}`, name: 'lars' };
}

async function startLars({ dir, port, database, root, storeAuth, externalUrl, processes }) {
  const work = join(dir, 'lars');
  mkdirSync(join(work, 'logs'), { recursive: true });
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? dir,
    // LaRS finds its files from CARGO_MANIFEST_DIR and logs into ./logs.
    CARGO_MANIFEST_DIR: work,
    DB_SERVER_URL: database.url,
    DB_NAME: database.name,
    DB_MIN_CONNECTIONS: '1',
    DB_MAX_CONNECTIONS: '4',
    LRS_MODE: 'auth',
    LRS_ROOT_EMAIL: root.email,
    LRS_ROOT_PASSWORD: root.password,
    LRS_EXTERNAL_URL: externalUrl,
    EXT_DEFAULT_LANGUAGE: 'en',
    RUST_LOG: 'error',
    ROCKET_ADDRESS: '127.0.0.1',
    ROCKET_PORT: String(port),
    ROCKET_SECRET_KEY: randomBytes(32).toString('base64'),
    ROCKET_CLI_COLORS: 'false',
    ROCKET_LOG_LEVEL: 'critical',
  };
  const base = `http://127.0.0.1:${port}`;
  const headers = { Authorization: storeAuth, 'X-Experience-API-Version': LRS_VERSION };
  let lars;
  let runs = 0;
  const store = {
    name: 'LaRS',
    async start() {
      runs += 1;
      lars = launch('LaRS', larsBin(), [], { cwd: work, env, log: join(dir, `lars-${runs}.log`) });
      await until('LaRS', async () => (await http('GET', `${base}/about`)).status === 200, { child: lars });
      // LaRS refuses the first authenticated request after it starts; later ones pass.
      await until('LaRS credentials', async () => (await http('GET', `${base}/statements?limit=1`, { headers })).status === 200, { child: lars });
    },
    async stop() {
      await lars?.stop();
    },
  };
  processes.push(store);
  await store.start();
  return store;
}

async function startNginx({ dir, larsPort, writePort, readPort, origins, storeAuth, reader, processes }) {
  const prefix = join(dir, 'nginx');
  mkdirSync(prefix);
  const quote = (text) => `"${text.replace(/["\\]/g, '\\$&')}"`;
  const config = readFileSync(join(DEPLOY, 'xapi-test.conf.template'), 'utf8')
    .replaceAll('@PREFIX@', prefix)
    .replaceAll('@DEPLOY@', DEPLOY)
    .replaceAll('@LRS_PORT@', String(larsPort))
    .replaceAll('@WRITE_PORT@', String(writePort))
    .replaceAll('@READ_PORT@', String(readPort))
    .replaceAll('@LRS_VERSION@', LRS_VERSION)
    .replaceAll('@ORIGINS@', origins.map((origin) => `        ${quote(origin)} $http_origin;`).join('\n'));
  writeFileSync(join(prefix, 'nginx.conf'), config);
  // Read by nginx's master process only (as root, before it drops to its worker user).
  writeFileSync(join(prefix, 'aware-lrs-credential.conf'), `map "" $aware_lrs_authorization {\n    default ${quote(storeAuth)};\n}\n`, { mode: 0o600 });
  // Read by the workers: salted SHA-1, a scheme nginx reads natively.
  const salt = randomBytes(8);
  const digest = createHash('sha1').update(reader.password).update(salt).digest();
  writeFileSync(join(prefix, 'aware-lrs-readers'), `${reader.user}:{SSHA}${Buffer.concat([digest, salt]).toString('base64')}\n`, { mode: 0o644 });
  const nginx = nginxBin();
  run(nginx, ['-t', '-q', '-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')]);
  const server = launch('nginx', nginx, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')], { log: join(prefix, 'stderr.log'), signal: 'SIGQUIT' });
  processes.push(server);
  for (const port of [writePort, readPort]) {
    // The browser route answers 404 outside /xapi/statements, the read route 401 without a password.
    await until('nginx', async () => [401, 404].includes((await http('GET', `http://127.0.0.1:${port}/`)).status), { child: server });
  }
}

/** A child process whose output goes to `log`, and a `stop()` that waits for its exit. */
export function launch(name, command, args, { cwd, env, user, log, signal = 'SIGTERM' }) {
  const child = spawn(command, args, { cwd, env, uid: user?.uid, gid: user?.gid, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = createWriteStream(log);
  // Both into one file: neither may end it before the other is done.
  child.stdout.pipe(out, { end: false });
  child.stderr.pipe(out, { end: false });
  // 'close': the process has exited and its output has been read to the end.
  let closed = false;
  const exited = new Promise((done) => child.once('close', () => {
    closed = true;
    done();
  }));
  const kill = () => child.exitCode === null && child.kill('SIGKILL');
  process.once('exit', kill);
  return {
    name,
    log,
    exited: () => closed,
    async stop() {
      process.removeListener('exit', kill);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timeout);
      }
      if (!out.writableFinished) await new Promise((done) => out.end(done));
    },
  };
}

/** Polls `ready` until it is true, for at most `timeout` ms; fails with the server's name, and
 * at once with its log if `child` exits meanwhile. */
export async function until(what, ready, { child, timeout = 60_000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (child?.exited()) {
      await child.stop();
      const log = existsSync(child.log) ? readFileSync(child.log, 'utf8').slice(-4000) : '';
      throw new Error(`${child.name} exited before it was ready:\n${log}`);
    }
    try {
      if (await ready()) return;
    } catch {
      // Not yet.
    }
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`${what} did not become ready within ${timeout} ms`);
}

export function run(command, args, user) {
  const result = spawnSync(command, args, { uid: user?.uid, gid: user?.gid, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.error}):\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

export async function freePorts(count) {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise((done, fail) => {
      const server = createServer();
      server.once('error', fail);
      server.listen(0, '127.0.0.1', () => done(server));
    })),
  );
  const ports = servers.map((server) => server.address().port);
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  return ports;
}

function systemUser(name) {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`no ${name} user: install PostgreSQL (scripts/env.sh setup_lrs_tools)`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Debian's newest PostgreSQL (`/usr/lib/postgresql/<version>/bin`). */
function postgresBin() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => b - a) : [];
  if (versions.length === 0) throw new Error('PostgreSQL is not installed (scripts/env.sh setup_lrs_tools)');
  return join(root, versions[0], 'bin');
}

function onPath(command, extra = []) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...extra];
  const found = dirs.map((d) => join(d, command)).find((path) => existsSync(path));
  if (!found) throw new Error(`${command} is not installed (scripts/env.sh setup_lrs_tools)`);
  return found;
}

/** LaRS as deploy/lars/build.sh builds it, with the fix without which a perfect score is
 * refused: AWARE_LARS, which scripts/env.sh sets, or the same default. Never an xapi-rs found on
 * PATH, which may be the unpatched one. */
function larsBin() {
  const version = readFileSync(join(DEPLOY, '..', 'lars', 'build.sh'), 'utf8').match(/^LARS_VERSION=(.+)$/m)[1];
  const bin = process.env.AWARE_LARS ?? join(homedir(), '.cache', 'aware', `lars-${version}-score-range`, 'bin', 'xapi-rs');
  if (!existsSync(bin)) throw new Error(`LaRS is not built at ${bin} (scripts/env.sh setup_lrs_tools)`);
  return bin;
}

export function nginxBin() {
  return onPath('nginx', ['/usr/sbin']);
}
