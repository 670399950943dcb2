/**
 * The burst scenarios of `npm run bench` (BENCH_ONLY keys `burst` and `burst-queue`): leads
 * arriving one webhook call each, many executions of one workflow at once, against the
 * sandbox's SalesCaptain limited to 10 requests per second (429 with `X-RateLimit-*` beyond).
 * Our node (defaults) and n8n's HTTP Request node with Retry On Fail (5 tries, 1 s) sending
 * the identical request, side by side in the same n8n:
 *  - `burst`: one n8n process (regular mode, SQLite), as most self-hosted n8n runs;
 *  - `burst-queue`: queue mode, one main and two workers, Redis and PostgreSQL (Debian's
 *    packages, installed by scripts/ensure-queue-services.sh when missing).
 * Each n8n first runs our node against the vendor without a limit, which shows how fast that
 * n8n gets through the burst on this machine at all (the floor under every wall time).
 * Per run: created, lost (calls whose lead the vendor does not have), duplicates, 429s the
 * vendor answered, wall time (first call to last answer), the ideal (calls ÷ limit) and the
 * peak resident memory of n8n's processes (their sum, sampled during the run).
 *
 * Environment: BENCH_SCALE multiplies the 300 calls; BURST_CONCURRENCY (default 60) calls at
 * a time; BURST_LIMIT (default 10) requests per second; BURST_WORKER_CONCURRENCY (default
 * n8n's 10) executions per worker. Prints a Markdown table and writes .tmp/bench/burst-results.md.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import type { BurstContender, BurstResult } from '../test/e2e/lib/burst';
import {
	activateWorkflows,
	BURST_CONTENDERS,
	burstWorkflow,
	runBurst,
	sampleMemory,
} from '../test/e2e/lib/burst';
import type { RestClient } from '../test/e2e/lib/n8n';
import { N8nInstance } from '../test/e2e/lib/n8n';
import { buildAndPack, installPackage, projectRoot } from '../test/e2e/lib/package';
import { freePort, removeOnExit, runCommand, stopAll } from '../test/e2e/lib/processes';
import { QueueCluster } from '../test/e2e/lib/queue-cluster';
import type { Runtime } from '../test/e2e/lib/runtime';
import { cleanEnv, ensureRuntime, N8N_VERSION, NODE_MAJOR } from '../test/e2e/lib/runtime';
import type { Sandbox } from '../test/sandbox';
import { createSandbox } from '../test/sandbox';
import { SALESCAPTAIN_TOKEN } from '../test/sandbox/vendors/salesCaptain';

const say = (line: string) => console.log(`[bench-burst] ${line}`);

const only = process.env.BENCH_ONLY?.split(',');
const scale = Number(process.env.BENCH_SCALE ?? 1);
const CALLS = Math.max(10, Math.round(300 * scale));
const CONCURRENCY = Number(process.env.BURST_CONCURRENCY ?? 60);
const LIMIT = Number(process.env.BURST_LIMIT ?? 10);
const WORKER_CONCURRENCY = Number(process.env.BURST_WORKER_CONCURRENCY ?? 10);
const CREDENTIAL = {
	id: 'burstSalesCapt01',
	name: 'SalesCaptain (burst sandbox)',
	type: 'salesCaptainApi',
};
const WORKERS = 2;
/** Contenders per scenario; with several workers, also our node with Max Requests = limit ÷ workers. */
const contenders = (workers: number): BurstContender[] =>
	workers > 1 ? ['ours', 'oursShare', 'httpRetry'] : ['ours', 'httpRetry'];

interface Row {
	scenario: string;
	contender: BurstContender;
	/** False for the reference run against a vendor without a limit: how fast this n8n is here. */
	limited: boolean;
	result: BurstResult;
	peakMb: number;
}

/** n8n as it ships: SSRF protection off (the e2e suite turns it on). */
const N8N_DEFAULTS = { N8N_SSRF_PROTECTION_ENABLED: 'false' };

async function importWorkflows(
	n8n: N8nInstance,
	sandboxUrl: string,
	workers: number,
): Promise<void> {
	await n8n.importCredentials([
		{
			...CREDENTIAL,
			data: { accessToken: SALESCAPTAIN_TOKEN, baseUrl: `${sandboxUrl}/salescaptain` },
		},
	]);
	await n8n.importWorkflows(
		contenders(workers).map((contender) =>
			burstWorkflow(contender, CREDENTIAL, sandboxUrl, Math.max(1, Math.floor(LIMIT / workers))),
		),
	);
}

async function burstEach(
	scenario: string,
	workers: number,
	rest: RestClient,
	sandbox: Sandbox,
	pids: () => Array<number | undefined>,
): Promise<Row[]> {
	await activateWorkflows(
		rest,
		contenders(workers).map((contender) => BURST_CONTENDERS[contender].workflowId),
	);
	const rows: Row[] = [];
	// First our node against a vendor without a limit: n8n's own pace for this burst on this
	// machine, the floor under any wall time below (on a busy machine it can exceed the ideal).
	const runs: Array<{ contender: BurstContender; limited: boolean }> = [
		{ contender: 'ours', limited: false },
		...contenders(workers).map((contender) => ({ contender, limited: true })),
	];
	for (const { contender, limited } of runs) {
		sandbox.reset();
		if (limited) sandbox.setRateLimit('salescaptain', { limit: LIMIT, windowMs: 1000 });
		say(`${scenario}: ${rowLabel(contender, limited)}, ${CALLS} calls, ${CONCURRENCY} at a time …`);
		const memory = sampleMemory(pids());
		const result = await runBurst(
			`${rest.baseUrl}/webhook/${BURST_CONTENDERS[contender].path}`,
			sandbox,
			{ calls: CALLS, concurrency: CONCURRENCY, limitPerSecond: LIMIT },
		);
		const peakMb = memory.stop();
		rows.push({ scenario, contender, limited, result, peakMb });
		say(
			`  ${result.created} created, ${result.lost} lost, ${result.duplicates} duplicates, ${result.rateLimited} × 429, ${(result.wallMs / 1000).toFixed(1)} s, ${peakMb} MB`,
		);
		for (const { message, count } of result.errors.slice(0, 5)) say(`  ${count} × ${message}`);
	}
	return rows;
}

async function oneProcess(
	runtime: Runtime,
	tarball: string,
	work: string,
	logDir: string,
	sandbox: Sandbox,
	sandboxUrl: string,
): Promise<Row[]> {
	const n8n = new N8nInstance({
		runtime,
		userFolder: join(work, 'n8n-one'),
		removeUserFolder: false,
		logDir: join(logDir, 'burst-one'),
		env: N8N_DEFAULTS,
	});
	await installPackage(n8n.userFolder, tarball);
	await importWorkflows(n8n, sandboxUrl, 1);
	const rest = await n8n.start(await freePort(), await freePort());
	try {
		await rest.setupOwnerAndLogin();
		return await burstEach('Burst, one n8n process', 1, rest, sandbox, () => [
			n8n.serverProcess?.pid,
		]);
	} finally {
		await n8n.stop();
	}
}

async function queueMode(
	runtime: Runtime,
	tarball: string,
	work: string,
	logDir: string,
	sandbox: Sandbox,
	sandboxUrl: string,
): Promise<Row[]> {
	await runCommand('bash', [join(projectRoot, 'scripts', 'ensure-queue-services.sh')], {
		env: cleanEnv(),
		logFile: join(logDir, 'ensure-queue-services.log'),
	});
	const cluster = await QueueCluster.create({
		runtime,
		tarball,
		workDir: join(work, 'queue'),
		logDir: join(logDir, 'burst-queue'),
		workers: WORKERS,
		concurrency: WORKER_CONCURRENCY,
		env: N8N_DEFAULTS,
	});
	try {
		await importWorkflows(cluster.main, sandboxUrl, WORKERS);
		const rest = await cluster.start(await freePort());
		const scenario = `Burst, queue mode: main + ${WORKERS} workers (concurrency ${WORKER_CONCURRENCY} each)`;
		return await burstEach(scenario, WORKERS, rest, sandbox, () => [
			cluster.main.serverProcess?.pid,
			...cluster.workers.map((worker) => worker.pid),
		]);
	} finally {
		await cluster.stop();
	}
}

function rowLabel(contender: BurstContender, limited: boolean): string {
	const label = BURST_CONTENDERS[contender].label;
	if (!limited) return `${label}, vendor without a limit (n8n's own pace)`;
	return contender === 'oursShare'
		? `${label} (${Math.max(1, Math.floor(LIMIT / WORKERS))} per second)`
		: label;
}

function table(rows: Row[]): string {
	const lines = [
		`| scenario | node | calls | created | lost | duplicates | 429s answered | wall | ideal | wall ÷ ideal | n8n peak memory |`,
		'|---|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const { scenario, contender, limited, result, peakMb } of rows) {
		const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
		const ideal = limited
			? `${seconds(result.idealMs)} | ${(result.wallMs / result.idealMs).toFixed(2)}×`
			: '— | —';
		lines.push(
			`| ${scenario} | ${rowLabel(contender, limited)} | ${result.calls} | ${result.created} | ${result.lost} | ${result.duplicates} | ${result.rateLimited} | ${seconds(result.wallMs)} | ${ideal} | ${peakMb} MB |`,
		);
	}
	return lines.join('\n');
}

async function main(): Promise<void> {
	const wanted = (key: string) => !only || only.includes(key);
	if (!wanted('burst') && !wanted('burst-queue')) return;
	const runtime = await ensureRuntime(say);
	const work = mkdtempSync(join(tmpdir(), 'crm-contacts-bench-burst-'));
	removeOnExit(work);
	const logDir = join(projectRoot, '.tmp', 'bench');
	mkdirSync(logDir, { recursive: true });
	say('Building and packing the package …');
	const tarball = await buildAndPack(work, join(logDir, 'build-burst.log'));
	const sandbox = createSandbox();
	const sandboxUrl = await sandbox.start();
	const rows: Row[] = [];
	try {
		if (wanted('burst'))
			rows.push(...(await oneProcess(runtime, tarball, work, logDir, sandbox, sandboxUrl)));
		if (wanted('burst-queue'))
			rows.push(...(await queueMode(runtime, tarball, work, logDir, sandbox, sandboxUrl)));
	} finally {
		await sandbox.close();
	}
	const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${NODE_MAJOR}, n8n ${N8N_VERSION}`;
	const report = [
		`Measured ${new Date().toISOString().slice(0, 10)} on ${machine} with \`npm run bench\`: ${CALLS} webhook calls, ${CONCURRENCY} at a time, vendor limit ${LIMIT} requests per second.`,
		'',
		table(rows),
		'',
	].join('\n');
	writeFileSync(join(logDir, 'burst-results.md'), report);
	console.log(`\n${report}`);
}

main()
	.then(async () => await stopAll())
	.catch(async (error: Error) => {
		console.error(`[bench-burst] ${error.stack ?? error.message}`);
		await stopAll();
		process.exit(1);
	});
