/**
 * The package in n8n's queue mode (`npm run test:queue`): Redis and a throwaway PostgreSQL
 * cluster (Debian's packages; `bash scripts/ensure-queue-services.sh` installs them), one n8n
 * main and two `n8n worker` processes, each with the packed package installed in its own user
 * folder as a community package. Production executions go through the queue:
 *  - every vendor's workflows (as the real-n8n suite runs them, with a Webhook trigger instead
 *    of the Manual one) run on a worker: the execution record says success, a worker's log
 *    names it as finished, and the vendor received exactly the expected requests;
 *  - a burst of 300 webhook calls, 60 at a time, against a vendor limited to 10 requests per
 *    second, spread over both workers, keeps every lead exactly once.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Sandbox } from '../sandbox';
import { createSandbox } from '../sandbox';
import { SALESCAPTAIN_TOKEN } from '../sandbox/vendors/salesCaptain';
import {
	activateWorkflows,
	BURST_CONTENDERS,
	burstWorkflow,
	runBurst,
	webhookNode,
} from './lib/burst';
import { expectRequests, withPlaceholders } from './lib/expect';
import type { RestClient } from './lib/n8n';
import { buildAndPack, projectRoot } from './lib/package';
import { freePort, removeOnExit, stopAll } from './lib/processes';
import { QueueCluster } from './lib/queue-cluster';
import { portOpen } from './lib/queue-services';
import { ensureRuntime } from './lib/runtime';
import type { E2eVendor, E2eWorkflow } from './lib/vendor';
import { credentialImport, workflowImport } from './lib/vendor';
import { e2eVendors } from './vendors';

const say = (line: string) => process.stdout.write(`[queue] ${line}\n`);

const workDir = mkdtempSync(join(tmpdir(), 'crm-contacts-queue-'));
removeOnExit(workDir);
const logDir = join(projectRoot, '.tmp', 'queue-logs');

const BURST = { calls: 300, concurrency: 60, limitPerSecond: 10 };
const BURST_CREDENTIAL = {
	id: 'queueBurstSC0001',
	name: 'SalesCaptain (queue burst)',
	type: 'salesCaptainApi',
};

let sandbox: Sandbox;
let sandboxUrl: string;
let cluster: QueueCluster;
let rest: RestClient;

/** The suite's workflow with a Webhook trigger (answering with every output item) in place of the Manual one. */
function queueWorkflow(vendor: E2eVendor, workflow: E2eWorkflow) {
	const imported = workflowImport(vendor, workflow);
	const id = queueWorkflowId(workflow);
	const [, ...otherNodes] = imported.nodes;
	const { 'Manual Trigger': fromTrigger, ...connections } = imported.connections;
	return {
		...imported,
		id,
		name: `Queue: ${workflow.name}`,
		active: true,
		nodes: [webhookNode(webhookPath(workflow), 'allEntries'), ...otherNodes],
		connections: { Webhook: fromTrigger, ...connections },
	};
}

const queueWorkflowId = (workflow: E2eWorkflow) => workflow.id.replace(/^e2e/, 'que');
const webhookPath = (workflow: E2eWorkflow) => `queue-${workflow.id}`;

const workflows = e2eVendors.flatMap((vendor) =>
	vendor.workflows.map((workflow) => ({ vendor, workflow })),
);

beforeAll(async () => {
	const started = Date.now();
	const runtime = await ensureRuntime(say);
	rmSync(logDir, { recursive: true, force: true });
	mkdirSync(logDir, { recursive: true });
	sandbox = createSandbox();
	sandboxUrl = await sandbox.start();
	say(`sandbox on ${sandboxUrl}; building and packing the package …`);
	const tarball = await buildAndPack(workDir, join(logDir, 'build.log'));
	say('starting Redis and PostgreSQL, installing the package for the main and two workers …');
	cluster = await QueueCluster.create({ runtime, tarball, workDir, logDir, workers: 2 });
	await cluster.main.importCredentials([
		...e2eVendors.map((vendor) => credentialImport(vendor, sandboxUrl)),
		{
			...BURST_CREDENTIAL,
			data: { accessToken: SALESCAPTAIN_TOKEN, baseUrl: `${sandboxUrl}/salescaptain` },
		},
	]);
	await cluster.main.importWorkflows([
		...workflows.map(({ vendor, workflow }) => queueWorkflow(vendor, workflow)),
		burstWorkflow('ours', BURST_CREDENTIAL, sandboxUrl),
	]);
	say('starting the main and the workers …');
	rest = await cluster.start(await freePort());
	await activateWorkflows(rest, [
		...workflows.map(({ workflow }) => queueWorkflowId(workflow)),
		BURST_CONTENDERS.ours.workflowId,
	]);
	say(`ready after ${Math.round((Date.now() - started) / 1000)} s (logs in ${logDir})`);
}, 30 * 60_000);

afterAll(async () => {
	await cluster?.stop();
	await sandbox?.close();
	await stopAll();
});

/** The executions n8n recorded for a workflow, newest first. */
async function executionsOf(workflowId: string): Promise<Array<{ id: string; status: string }>> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const { status, body } = await rest.request<{
		data: { results: Array<{ id: string; status: string }> };
	}>('GET', `/rest/executions?filter=${filter}`);
	if (status !== 200)
		throw new Error(`GET /rest/executions answered ${status}: ${JSON.stringify(body)}`);
	return body.data.results;
}

describe.each(
	workflows.map(
		({ vendor, workflow }) => [vendor.displayName, workflow.name, vendor, workflow] as const,
	),
)('%s: %s', (_vendorName, _name, vendor, workflow) => {
	test('runs on a worker through the queue', async () => {
		sandbox.reset();
		for (const fault of workflow.faults ?? []) sandbox.addFault(fault);
		const response = await fetch(`${rest.baseUrl}/webhook/${webhookPath(workflow)}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		const text = await response.text();
		if (response.status !== 200)
			throw new Error(`The webhook answered ${response.status}: ${text.slice(0, 2000)}`);

		// The node's (main) output items, in order, as the webhook answers them.
		expect(JSON.parse(text)).toEqual(
			workflow.expectedOutput.map((output) => withPlaceholders(output.json)),
		);
		expectRequests(sandbox.requests(vendor.sandboxVendor), workflow.expectedRequests);

		const [execution, ...others] = await executionsOf(queueWorkflowId(workflow));
		expect(others).toEqual([]);
		expect(execution.status).toBe('success');
		// The main put it on the queue; a worker (not the main) ran it.
		expect(readFileSync(join(logDir, 'n8n-server.log'), 'utf8')).toContain(
			`Enqueued execution ${execution.id} `,
		);
		expect(cluster.workerThatRan(execution.id)).toBeDefined();
	});
});

test(
	'a burst of 300 leads through two workers keeps every lead exactly once',
	async () => {
		sandbox.reset();
		sandbox.setRateLimit('salescaptain', { limit: BURST.limitPerSecond, windowMs: 1000 });
		const before = cluster.workers.map((worker) => worker.finishedExecutions().length);
		const result = await runBurst(
			`${rest.baseUrl}/webhook/${BURST_CONTENDERS.ours.path}`,
			sandbox,
			BURST,
		);
		const perWorker = cluster.workers.map(
			(worker, index) => worker.finishedExecutions().length - before[index],
		);
		const summary = `${result.created} created, ${result.lost} lost, ${result.duplicates} duplicates, ${result.rateLimited} × 429 (${((result.rateLimited / result.calls) * 100).toFixed(1)} % of calls), wall ${(result.wallMs / 1000).toFixed(1)} s (ideal ${result.idealMs / 1000} s), executions per worker ${perWorker.join(' + ')}`;
		say(`burst: ${summary}`);
		writeFileSync(join(logDir, 'burst.txt'), `${summary}\n`);
		expect({ lost: result.lost, duplicates: result.duplicates, created: result.created }).toEqual({
			lost: 0,
			duplicates: 0,
			created: BURST.calls,
		});
		// Every call was answered with its created contact: no failed call, no item with an error.
		expect(result.errors).toEqual([]);
		expect(result.answers.filter((answer) => answer.status !== 200)).toEqual([]);
		// Both workers took part, and together they ran every call's execution.
		expect(perWorker.every((count) => count > 0)).toBe(true);
		expect(perWorker.reduce((sum, count) => sum + count, 0)).toBe(BURST.calls);
	},
	10 * 60_000,
);

test('stopping leaves nothing behind: no n8n, Redis or PostgreSQL listening, no temporary folder', async () => {
	const ports = [
		cluster.services.redisPort,
		cluster.services.postgresPort,
		Number(new URL(rest.baseUrl).port),
	];
	expect(await Promise.all(ports.map(portOpen))).toEqual([true, true, true]); // the check can see them while they run
	await cluster.stop();
	await sandbox.close();
	await stopAll();
	expect(await Promise.all(ports.map(portOpen))).toEqual([false, false, false]);
	expect(existsSync(workDir)).toBe(false);
}, 120_000);
