/**
 * The Thoughtly Trigger in the real n8n (2.41.1; 1.123.x with N8N_E2E_VERSION=1), installed
 * from the packed tarball, against the sandbox:
 *  - activating the workflow subscribes n8n's production webhook URL at Thoughtly (after
 *    checking the subscriptions it has), scoped to the agent chosen;
 *  - a call by that agent ends, Thoughtly delivers the response, and n8n runs one execution
 *    with it; a call by another agent starts none;
 *  - deactivating removes the subscription, and a later call is delivered nowhere.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Sandbox } from '../sandbox';
import { createSandbox } from '../sandbox';
import type { ThoughtlyState } from '../sandbox/vendors/thoughtly';
import { THOUGHTLY_TEAM_ID, THOUGHTLY_TOKEN } from '../sandbox/vendors/thoughtly';
import { stableNodeId } from './lib/burst';
import type { RestClient } from './lib/n8n';
import { N8nInstance } from './lib/n8n';
import { buildAndPack, installPackage, projectRoot } from './lib/package';
import { freePort, removeOnExit, stopAll } from './lib/processes';
import { chosenRuntime, ensureRuntime } from './lib/runtime';
import { credentialImport, PACKAGE_NAME } from './lib/vendor';
import { thoughtlyE2e } from './vendors/thoughtly';

const say = (line: string) => process.stdout.write(`[e2e trigger] ${line}\n`);

const choice = chosenRuntime();
const workDir = mkdtempSync(join(tmpdir(), 'crm-contacts-e2e-trigger-'));
removeOnExit(workDir);
const logDir = join(projectRoot, '.tmp', 'e2e-logs', `n8n-${choice.n8nVersion}-trigger`);

const WORKFLOW_ID = 'e2eThoughtlyTrg1';
const WEBHOOK_ID = stableNodeId(`${WORKFLOW_ID}/webhookId`);

let sandbox: Sandbox;
let n8n: N8nInstance;
let rest: RestClient;

const state = () => sandbox.state<ThoughtlyState>('thoughtly');

function triggerWorkflow() {
	return {
		id: WORKFLOW_ID,
		name: 'Thoughtly Trigger: new responses of the appointment setter',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: stableNodeId(`${WORKFLOW_ID}/trigger`),
				webhookId: WEBHOOK_ID,
				name: 'Thoughtly Trigger',
				type: `${PACKAGE_NAME}.thoughtlyTrigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					event: 'NEW_RESPONSE',
					agent: {
						__rl: true,
						mode: 'list',
						value: 'int_001',
						cachedResultName: 'Appointment setter',
					},
				},
				credentials: {
					thoughtlyApi: { id: thoughtlyE2e.credential.id, name: thoughtlyE2e.credential.name },
				},
			},
		],
		connections: {},
	};
}

/** Waits (bounded) until `ready` holds, polling. */
async function until(what: string, ready: () => boolean | Promise<boolean>, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	while (!(await ready())) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** Starts a call at the sandbox as Thoughtly's API would (the node's own Call → Start is tested elsewhere). */
async function startCallAtVendor(contactId: string, interviewId: string): Promise<string> {
	const response = await fetch(`${sandbox.baseUrl('thoughtly')}/contact/call`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'x-api-token': THOUGHTLY_TOKEN,
			team_id: THOUGHTLY_TEAM_ID,
		},
		body: JSON.stringify({ contact_id: contactId, interview_id: interviewId }),
	});
	const body = (await response.json()) as { data: { id: string } };
	return body.data.id;
}

interface ExecutionSummary {
	id: string;
	status: string;
}

async function executions(): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }));
	const { status, body } = await rest.request<{ data: { results: ExecutionSummary[] } }>(
		'GET',
		`/rest/executions?filter=${filter}`,
	);
	if (status !== 200) throw new Error(`GET /rest/executions answered ${status}`);
	return body.data.results;
}

/** An execution's stored data as text (n8n keeps it in its own serialised form). */
async function executionText(id: string): Promise<string> {
	const { status, body } = await rest.request('GET', `/rest/executions/${id}`);
	if (status !== 200) throw new Error(`GET /rest/executions/${id} answered ${status}`);
	return JSON.stringify(body);
}

beforeAll(async () => {
	const runtime = await ensureRuntime(say, choice);
	say(`n8n ${runtime.n8nVersion} on Node ${runtime.nodeMajor}`);
	rmSync(logDir, { recursive: true, force: true });
	mkdirSync(logDir, { recursive: true });
	sandbox = createSandbox();
	const sandboxUrl = await sandbox.start();
	const tarball = await buildAndPack(workDir, join(logDir, 'build.log'));
	n8n = new N8nInstance({
		runtime,
		userFolder: join(workDir, 'n8n-user'),
		removeUserFolder: false,
		logDir,
	});
	await installPackage(n8n.userFolder, tarball);
	await n8n.importCredentials([credentialImport(thoughtlyE2e, sandboxUrl)]);
	await n8n.importWorkflows([triggerWorkflow()]);
	rest = await n8n.start(await freePort(), await freePort());
	await rest.setupOwnerAndLogin();
}, 30 * 60_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
	await stopAll();
});

test('activate: subscribed; a call ends: one execution with the delivery; deactivate: unsubscribed', async () => {
	sandbox.reset();
	const webhookUrl = `${rest.baseUrl}/webhook/${WEBHOOK_ID}/webhook`;

	const { body: workflow } = await rest.request<{ data: { versionId: string } }>(
		'GET',
		`/rest/workflows/${WORKFLOW_ID}`,
	);
	const activated = await rest.request('POST', `/rest/workflows/${WORKFLOW_ID}/activate`, {
		versionId: workflow.data.versionId,
	});
	expect(activated.status).toBe(200);
	// n8n 2.x publishes in the background: wait for the subscription itself.
	await until('Thoughtly has the subscription', () => state().subscriptions.length > 0);
	expect(state().subscriptions).toEqual([
		{ id: expect.any(String), type: 'NEW_RESPONSE', url: webhookUrl, data: 'int_001' },
	]);
	const lifecycle = () =>
		sandbox
			.requests('thoughtly')
			.filter((request) => request.path.startsWith('/webhooks'))
			.map((request) => ({ method: request.method, path: request.path, body: request.body }));
	// Checked first (it was not there), then made, with both auth headers.
	expect(lifecycle()).toEqual([
		{ method: 'GET', path: '/webhooks', body: undefined },
		{
			method: 'POST',
			path: '/webhooks/subscribe',
			body: { type: 'NEW_RESPONSE', url: webhookUrl, data: 'int_001' },
		},
	]);
	for (const request of sandbox.requests('thoughtly'))
		expect(request.headers['x-api-token']).toBe(THOUGHTLY_TOKEN);

	// A call by another agent ends first: not for this subscription.
	const contact = state().contacts[0];
	await startCallAtVendor(contact.id, 'int_002');
	const callId = await startCallAtVendor(contact.id, 'int_001');
	await until('both calls ended', () => state().calls.every((call) => call.status === 'COMPLETED'));
	await until('the delivery was answered', () => state().deliveries[0]?.status === 200);
	expect(state().deliveries.map((delivery) => delivery.url)).toEqual([webhookUrl]);

	await until('n8n ran the execution', async () => (await executions()).length > 0);
	await until(
		'the execution finished',
		async () => (await executions()).every((execution) => execution.status === 'success'),
		30_000,
	);
	const [execution, ...others] = await executions();
	expect(others).toEqual([]);
	// The delivered response is what the trigger output: the call, its agent and its contact.
	const text = await executionText(execution.id);
	for (const value of [callId, 'int_001', contact.id, contact.phone_number, 'COMPLETED'])
		expect(text).toContain(value);

	const deactivated = await rest.request('POST', `/rest/workflows/${WORKFLOW_ID}/deactivate`, {});
	expect(deactivated.status).toBe(200);
	await until('Thoughtly has no subscription', () => state().subscriptions.length === 0);
	expect(lifecycle().at(-1)).toEqual({
		method: 'DELETE',
		path: '/webhooks/unsubscribe',
		body: { type: 'NEW_RESPONSE', url: webhookUrl, data: 'int_001' },
	});

	// A call that ends now is delivered nowhere, and n8n runs nothing more.
	await startCallAtVendor(contact.id, 'int_001');
	await until('the last call ended', () =>
		state().calls.every((call) => call.status === 'COMPLETED'),
	);
	expect(state().deliveries).toHaveLength(1);
	expect(await executions()).toHaveLength(1);
}, 300_000);
