/**
 * What the one-execution benchmarks share (scripts/bench.ts, scripts/bench-lifecycle.ts): the
 * real n8n with the package installed and the sandbox's credentials imported, one workflow
 * run through `n8n execute` and read back, and the small counts and formats of their tables.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import { N8nInstance } from '../test/e2e/lib/n8n';
import { buildAndPack, installPackage, projectRoot } from '../test/e2e/lib/package';
import { freePort, removeOnExit, stopAll } from '../test/e2e/lib/processes';
import { ensureRuntime, N8N_VERSION, NODE_MAJOR } from '../test/e2e/lib/runtime';
import type { Sandbox } from '../test/sandbox';
import { createSandbox } from '../test/sandbox';

export interface BenchSetup {
	n8n: N8nInstance;
	sandbox: Sandbox;
	sandboxUrl: string;
	/** .tmp/bench: build log, n8n logs, results. */
	logDir: string;
}

/**
 * Builds and packs the package, starts the sandbox and prepares an n8n user folder with the
 * package installed and the given credentials (n8n's export format, pointed at the sandbox)
 * imported.
 */
export async function prepareBench(
	say: (line: string) => void,
	credentials: (sandboxUrl: string) => object[],
): Promise<BenchSetup> {
	const runtime = await ensureRuntime(say);
	const work = mkdtempSync(join(tmpdir(), 'crm-contacts-bench-'));
	removeOnExit(work);
	const logDir = join(projectRoot, '.tmp', 'bench');
	mkdirSync(logDir, { recursive: true });
	say('Building and packing the package …');
	const tarball = await buildAndPack(work, join(logDir, 'build.log'));

	const sandbox = createSandbox();
	const sandboxUrl = await sandbox.start();
	// n8n as it ships: SSRF protection is off by default (the e2e suite turns it on).
	const n8n = new N8nInstance({
		runtime,
		userFolder: join(work, 'n8n-user'),
		removeUserFolder: false,
		logDir,
		env: { N8N_SSRF_PROTECTION_ENABLED: 'false' },
	});
	await installPackage(n8n.userFolder, tarball);
	await n8n.importCredentials(credentials(sandboxUrl));
	return { n8n, sandbox, sandboxUrl, logDir };
}

/** One node's run as `n8n execute` reports it. */
export interface NodeRun {
	/** The node's own execution time as n8n records it (startup excluded). */
	executionTime: number;
	items: Array<{ json: Record<string, unknown> }>;
}

/**
 * Runs a workflow with `n8n execute` and returns the run of its node `nodeName`; without one,
 * keeps n8n's output in `<logDir>/<id>.out` and says so.
 */
export async function executeNode(
	{ n8n, logDir }: BenchSetup,
	workflowId: string,
	nodeName: string,
	onSpawn?: (child: ChildProcess) => void,
	extraEnv: NodeJS.ProcessEnv = {},
): Promise<NodeRun> {
	const executed = await n8n.execute(workflowId, await freePort(), onSpawn, extraEnv);
	const task = executed.run?.data.resultData.runData[nodeName]?.[0];
	if (!task) {
		const out = join(logDir, `${workflowId}.out`);
		writeFileSync(out, `${executed.stdout}\n--- stderr ---\n${executed.stderr}`);
		throw new Error(
			`The run of ${workflowId} has no data for ${nodeName} (exit ${executed.code}); see ${out}`,
		);
	}
	return { executionTime: task.executionTime, items: task.data?.main?.[0] ?? [] };
}

/** Samples a process's peak resident memory (VmHWM) until it exits. */
export function sampleMemory(child: ChildProcess): () => number {
	let peakKb = 0;
	const read = () => {
		try {
			const match = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
			if (match) peakKb = Math.max(peakKb, Number(match[1]));
		} catch {
			// Gone already.
		}
	};
	const timer = setInterval(read, 50);
	child.once('exit', () => clearInterval(timer));
	return () => {
		clearInterval(timer);
		return Math.round(peakKb / 1024);
	};
}

/** How many keys repeat one seen before: the records a vendor holds twice. */
export function countDuplicates(keys: unknown[]): number {
	const seen = new Map<string, number>();
	for (const key of keys) seen.set(String(key), (seen.get(String(key)) ?? 0) + 1);
	return [...seen.values()].reduce((sum, count) => sum + count - 1, 0);
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The line that opens a results file: when, on what, with which command. */
export function measuredOn(command: string): string {
	const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${NODE_MAJOR}, n8n ${N8N_VERSION}`;
	return `Measured ${new Date().toISOString().slice(0, 10)} on ${machine} with \`${command}\`.`;
}

/** Runs a bench's main, stops every process it started, and exits non-zero on failure. */
export function runBench(name: string, main: () => Promise<void>): void {
	main()
		.then(async () => await stopAll())
		.catch(async (error: Error) => {
			console.error(`[${name}] ${error.stack ?? error.message}`);
			await stopAll();
			process.exit(1);
		});
}
