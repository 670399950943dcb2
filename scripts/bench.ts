/**
 * `npm run bench`: bulk imports in the real n8n 2.41.1, our SalesCaptain node side by side
 * with n8n's HTTP Request node (v4.2) sending the identical create request with the same
 * credential, against the sandbox's SalesCaptain. Prints one table (Markdown, ready for the
 * README) and writes it to .tmp/bench/results.md.
 *
 * Per run: the node's own execution time as n8n records it (startup excluded), the sandbox's
 * counts (429s answered, peak requests in flight, contacts created twice) and the peak
 * resident memory of the `n8n execute` process.
 *
 * The pace scenarios (pace-headers, pace-retry-after) run one execution of 1,000 items against a
 * vendor that allows 10 requests a second, with node defaults: SalesCaptain announcing its
 * window in X-RateLimit-* headers, Contactship answering 429 with Retry-After. They print a
 * second table: time against the ideal (calls ÷ limit), 429s, lost items, duplicates and the
 * busiest second the vendor saw.
 *
 * Environment: BENCH_SCALE (default 1) multiplies every item count, for a quick look;
 * BENCH_ONLY=overhead,latency,rate,scale,pace-headers,pace-retry-after picks scenarios; BENCH_PROFILE=<dir> writes a CPU
 * profile of each `n8n execute` there (open it in Chrome DevTools).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import { N8nInstance } from '../test/e2e/lib/n8n';
import { buildAndPack, installPackage, projectRoot } from '../test/e2e/lib/package';
import { freePort, removeOnExit, stopAll } from '../test/e2e/lib/processes';
import { ensureRuntime, N8N_VERSION, NODE_MAJOR } from '../test/e2e/lib/runtime';
import { PACKAGE_NAME } from '../test/e2e/lib/vendor';
import { createSandbox } from '../test/sandbox';
import type { ContactshipState } from '../test/sandbox/vendors/contactship';
import { CONTACTSHIP_API_KEY } from '../test/sandbox/vendors/contactship';
import type { SalesCaptainState } from '../test/sandbox/vendors/salesCaptain';
import { SALESCAPTAIN_TOKEN, SC_COMPANIES } from '../test/sandbox/vendors/salesCaptain';

const COMPANY = SC_COMPANIES[0].company_id;
const CREDENTIAL = {
	id: 'benchSalesCapt01',
	name: 'SalesCaptain (bench sandbox)',
	type: 'salesCaptainApi',
};
const CONTACTSHIP_CREDENTIAL = {
	id: 'benchContactsh01',
	name: 'Contactship (bench sandbox)',
	type: 'contactshipApi',
};
const say = (line: string) => console.log(`[bench] ${line}`);

type Contender = 'ours' | 'oursWide' | 'oursContactship' | 'http' | 'httpTuned';

interface Scenario {
	key: string;
	title: string;
	items: number;
	latencyMs: number;
	/** Fixed-window limit of the vendor's sandbox: 429 beyond it, in that vendor's way. */
	rateLimit?: { limit: number; windowMs: number };
	contenders: Contender[];
	/** A pace scenario: reported against the ideal time in the second table. */
	pace?: boolean;
}

interface Result {
	scenario: Scenario;
	contender: Contender;
	ms: number;
	outputItems: number;
	failed: number;
	duplicates: number;
	rateLimited: number;
	peakInFlight: number;
	peakRssMb: number;
	/** The most create requests the vendor received within any one rate window. */
	busiestWindow: number;
}

const scale = Number(process.env.BENCH_SCALE ?? 1);
const only = process.env.BENCH_ONLY?.split(',');
const n = (count: number) => Math.max(1, Math.round(count * scale));

const allScenarios: Scenario[] = [
	{
		key: 'overhead',
		title: '1. Overhead: no latency, no limit',
		items: n(1000),
		latencyMs: 0,
		contenders: ['ours', 'http'],
	},
	{
		key: 'latency',
		title: '2. Latency-bound: 50 ms per request',
		items: n(1000),
		latencyMs: 50,
		contenders: ['ours', 'oursWide', 'http'],
	},
	{
		key: 'rate',
		title: '3. Rate-limited: 50 requests/s, 429 beyond',
		items: n(600),
		latencyMs: 0,
		rateLimit: { limit: 50, windowMs: 1000 },
		contenders: ['ours', 'http', 'httpTuned'],
	},
	{
		key: 'scale',
		title: '4. Scale: no latency, no limit',
		items: n(10000),
		latencyMs: 0,
		contenders: ['ours', 'http'],
	},
	{
		key: 'pace-headers',
		title: '5. One execution, vendor allows 10/s, announced in X-RateLimit-* headers',
		items: n(1000),
		latencyMs: 0,
		rateLimit: { limit: 10, windowMs: 1000 },
		contenders: ['ours'],
		pace: true,
	},
	{
		key: 'pace-retry-after',
		title: '6. One execution, vendor allows 10/s, 429 with Retry-After beyond',
		items: n(1000),
		latencyMs: 0,
		rateLimit: { limit: 10, windowMs: 1000 },
		contenders: ['oursContactship'],
		pace: true,
	},
];
const scenarios = allScenarios.filter((scenario) => !only || only.includes(scenario.key));

const label: Record<Contender, string> = {
	ours: 'SalesCaptain node (defaults: 5 at a time)',
	oursWide: 'SalesCaptain node, Max Concurrent Requests 20',
	oursContactship: 'Contactship node (defaults: 5 at a time, 10 per second)',
	http: 'HTTP Request node (defaults)',
	httpTuned: 'HTTP Request node, batching 50 per 1,000 ms',
};

/** The items: generated by one expression, so a 10,000-item workflow stays small. */
function itemsNode(count: number) {
	return {
		id: 'b0000000-0000-4000-8000-000000000002',
		name: 'Items',
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [220, 0],
		parameters: {
			mode: 'raw',
			jsonOutput: `={{ { items: Array.from({ length: ${count} }, (_, i) => ({ name: 'Bench Contact ' + i, email: 'bench' + i + '@example.com', phone: '+1212' + (5000000 + i) })) } }}`,
		},
	};
}

/** Both contenders send exactly this body, with the credential's Bearer token. */
const CONTACT_BODY = `={{ JSON.stringify({ company_id: '${COMPANY}', contact_name: $json.name, contact_email: $json.email }) }}`;

function contenderNode(contender: Contender, sandboxUrl: string) {
	const credentials = { salesCaptainApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } };
	const common = {
		id: 'b0000000-0000-4000-8000-000000000004',
		position: [660, 0],
		credentials,
		onError: 'continueRegularOutput',
	};
	if (contender === 'oursContactship') {
		return {
			...common,
			credentials: {
				contactshipApi: { id: CONTACTSHIP_CREDENTIAL.id, name: CONTACTSHIP_CREDENTIAL.name },
			},
			name: 'Create',
			type: `${PACKAGE_NAME}.contactship`,
			typeVersion: 1,
			parameters: {
				resource: 'contact',
				operation: 'create',
				phone: '={{ $json.phone }}',
				fullName: '={{ $json.name }}',
				options: {},
			},
		};
	}
	if (contender === 'ours' || contender === 'oursWide') {
		return {
			...common,
			name: 'Create',
			type: `${PACKAGE_NAME}.salesCaptain`,
			typeVersion: 1,
			parameters: {
				resource: 'contact',
				operation: 'create',
				company: COMPANY,
				fullName: '={{ $json.name }}',
				email: '={{ $json.email }}',
				options: contender === 'oursWide' ? { maxConcurrency: 20 } : {},
			},
		};
	}
	return {
		...common,
		name: 'Create',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${sandboxUrl}/salescaptain/v1/create-contact`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'salesCaptainApi',
			sendBody: true,
			specifyBody: 'json',
			jsonBody: CONTACT_BODY,
			options:
				contender === 'httpTuned'
					? { batching: { batch: { batchSize: 50, batchInterval: 1000 } } }
					: {},
		},
	};
}

function workflow(id: string, scenario: Scenario, contender: Contender, sandboxUrl: string) {
	return {
		id,
		name: `Bench ${scenario.key} ${contender}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'b0000000-0000-4000-8000-000000000001',
				name: 'Manual Trigger',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			itemsNode(scenario.items),
			{
				id: 'b0000000-0000-4000-8000-000000000003',
				name: 'Split Out',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [440, 0],
				parameters: { fieldToSplitOut: 'items' },
			},
			contenderNode(contender, sandboxUrl),
		],
		connections: {
			'Manual Trigger': { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			'Split Out': { main: [[{ node: 'Create', type: 'main', index: 0 }]] },
		},
	};
}

/** Samples a process's peak resident memory (VmHWM) until it exits. */
function sampleMemory(child: ChildProcess): () => number {
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

function countDuplicates(keys: unknown[]): number {
	const seen = new Map<string, number>();
	for (const key of keys) seen.set(String(key), (seen.get(String(key)) ?? 0) + 1);
	return [...seen.values()].reduce((sum, count) => sum + count - 1, 0);
}

/** The most requests within any window of `windowMs` (half open, as a vendor counts). */
function busiestWindow(times: number[], windowMs: number): number {
	const sorted = [...times].sort((a, b) => a - b);
	let most = 0;
	let first = 0;
	for (let last = 0; last < sorted.length; last++) {
		while (sorted[last] - sorted[first] >= windowMs) first++;
		most = Math.max(most, last - first + 1);
	}
	return most;
}

/** The second table: one-execution pace against the ideal time (calls ÷ the vendor's limit). */
function paceTable(results: Result[]): string {
	const rows = [
		'| scenario | node | items | time | ideal | time ÷ ideal | 429s (% of calls) | lost | duplicates | busiest window at the vendor |',
		'|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const result of results.filter((candidate) => candidate.scenario.pace)) {
		const limit = result.scenario.rateLimit!;
		const idealMs = (result.scenario.items / limit.limit) * limit.windowMs;
		const calls = result.scenario.items + result.rateLimited;
		rows.push(
			`| ${result.scenario.title} | ${label[result.contender]} | ${result.outputItems.toLocaleString('en')} | ${seconds(result.ms)} | ${seconds(idealMs)} | ${(result.ms / idealMs).toFixed(3)}× | ${result.rateLimited} (${((100 * result.rateLimited) / calls).toFixed(1)} %) | ${result.failed} | ${result.duplicates} | ${result.busiestWindow} of ${limit.limit} |`,
		);
	}
	return rows.join('\n');
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The HTTP Request node's best run in a scenario that lost no item: what ours is measured against. */
function reference(results: Result[], scenario: Scenario): Result | undefined {
	return results
		.filter(
			(other) =>
				other.scenario === scenario && other.contender.startsWith('http') && other.failed === 0,
		)
		.sort((a, b) => a.ms - b.ms)[0];
}

function table(results: Result[]): string {
	const rows = [
		'| scenario | node | items | time | ours ÷ best HTTP Request run that lost no item | 429s seen | failed items | duplicates | peak in flight | n8n peak memory |',
		'|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const result of results.filter((candidate) => !candidate.scenario.pace)) {
		const best = reference(results, result.scenario);
		const ratio =
			result.contender.startsWith('ours') && best ? `${(result.ms / best.ms).toFixed(2)}×` : '';
		rows.push(
			`| ${result.scenario.title} | ${label[result.contender]} | ${result.outputItems.toLocaleString('en')} | ${seconds(result.ms)} | ${ratio} | ${result.rateLimited} | ${result.failed} | ${result.duplicates} | ${result.peakInFlight} | ${result.peakRssMb} MB |`,
		);
	}
	return rows.join('\n');
}

async function main(): Promise<void> {
	if (scenarios.length === 0) return; // BENCH_ONLY named only scenarios of scripts/bench-burst.ts
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
	await n8n.importCredentials([
		{
			...CREDENTIAL,
			data: { accessToken: SALESCAPTAIN_TOKEN, baseUrl: `${sandboxUrl}/salescaptain` },
		},
		{
			...CONTACTSHIP_CREDENTIAL,
			data: { apiKey: CONTACTSHIP_API_KEY, baseUrl: `${sandboxUrl}/contactship` },
		},
	]);

	const runs = scenarios.flatMap((scenario) =>
		scenario.contenders.map((contender, index) => ({
			scenario,
			contender,
			id: `bench${scenario.key.replace(/[^a-z]/g, '').slice(0, 8)}${index}`.padEnd(16, '0'),
		})),
	);
	await n8n.importWorkflows(
		runs.map((run) => workflow(run.id, run.scenario, run.contender, sandboxUrl)),
	);

	const results: Result[] = [];
	for (const { scenario, contender, id } of runs) {
		sandbox.reset();
		sandbox.setLatency(scenario.latencyMs);
		const vendor = contender === 'oursContactship' ? 'contactship' : 'salescaptain';
		sandbox.setRateLimit(vendor, scenario.rateLimit);
		say(`${scenario.title}: ${label[contender]}, ${scenario.items} items …`);
		let peakMemory = () => 0;
		const profile = process.env.BENCH_PROFILE
			? {
					NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_PROFILE} --cpu-prof-name=${id}.cpuprofile`,
				}
			: {};
		const executed = await n8n.execute(
			id,
			await freePort(),
			(child) => (peakMemory = sampleMemory(child)),
			profile,
		);
		const peakRssMb = peakMemory();
		const task = executed.run?.data.resultData.runData.Create?.[0];
		if (!task) {
			writeFileSync(
				join(logDir, `${id}.out`),
				`${executed.stdout}\n--- stderr ---\n${executed.stderr}`,
			);
			throw new Error(
				`The run of ${id} has no data for the node (exit ${executed.code}); see ${join(logDir, `${id}.out`)}`,
			);
		}
		const items: Array<{ json: Record<string, unknown> }> = task.data?.main?.[0] ?? [];
		const result: Result = {
			scenario,
			contender,
			ms: task.executionTime,
			outputItems: items.length,
			failed: items.filter((item) => item.json.error !== undefined).length,
			duplicates:
				vendor === 'contactship'
					? countDuplicates(
							sandbox
								.state<ContactshipState>('contactship')
								.contacts.map((contact) => contact.phone_number),
						)
					: countDuplicates(
							sandbox
								.state<SalesCaptainState>('salescaptain')
								.contacts.map((contact) => contact.email),
						),
			rateLimited: sandbox.stats.rateLimited,
			peakInFlight: sandbox.stats.peakInFlight,
			peakRssMb,
			busiestWindow: busiestWindow(
				sandbox
					.requests(vendor)
					.filter((request) => request.method === 'POST')
					.map((request) => request.at),
				scenario.rateLimit?.windowMs ?? 1000,
			),
		};
		results.push(result);
		// When each create reached the vendor, for a closer look at the pace (ms since the first).
		const arrivals = sandbox
			.requests(vendor)
			.filter((request) => request.method === 'POST')
			.map((request) => request.at);
		writeFileSync(
			join(logDir, `${id}.arrivals.json`),
			JSON.stringify(arrivals.map((at) => at - arrivals[0])),
		);
		say(
			`  ${seconds(result.ms)}, ${result.failed} failed, ${result.rateLimited} × 429, peak ${result.peakInFlight} in flight, ${peakRssMb} MB`,
		);
	}
	await sandbox.close();

	const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${NODE_MAJOR}, n8n ${N8N_VERSION}`;
	const paced = results.some((result) => result.scenario.pace) ? [paceTable(results), ''] : [];
	const others = results.some((result) => !result.scenario.pace) ? [table(results), ''] : [];
	const report = [
		`Measured ${new Date().toISOString().slice(0, 10)} on ${machine} with \`npm run bench\`.`,
		'',
		...others,
		...paced,
	].join('\n');
	writeFileSync(join(logDir, 'results.md'), report);
	console.log(`\n${report}`);
}

main()
	.then(async () => await stopAll())
	.catch(async (error: Error) => {
		console.error(`[bench] ${error.stack ?? error.message}`);
		await stopAll();
		process.exit(1);
	});
