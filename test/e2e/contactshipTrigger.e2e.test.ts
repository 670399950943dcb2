/**
 * The Contactship Trigger in the real n8n (2.41.1; 1.123.x with N8N_E2E_VERSION=1): an active
 * workflow polls the sandbox, whose calls end with the clock, and each call it emits is fetched
 * by a Contactship node (Call → Get `{{ $json.id }}`), so the sandbox counts what the trigger
 * emitted: every call that ends after activation exactly once, across several polls, including
 * one that runs for over a minute while other calls end; none of the calls that had ended before.
 *
 * Poll times: n8n polls at most once a minute per entry. n8n 2.x refuses a cron whose seconds
 * field is anything but one number (isSubMinuteCron), n8n 1.x only one with a `*` there; both
 * take several entries. So the workflow has four "custom" entries, at seconds 0, 15, 30 and 45:
 * four polls a minute on both lines, each entry passing n8n's check.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Sandbox } from '../sandbox';
import { createSandbox } from '../sandbox';
import { CONTACTSHIP_API_KEY } from '../sandbox/vendors/contactship';
import { CS_SEED_AGENTS, CS_SEED_PHONE_NUMBERS } from '../sandbox/vendors/contactshipCalls';
import type { RestClient } from './lib/n8n';
import { N8nInstance } from './lib/n8n';
import { buildAndPack, installPackage, projectRoot } from './lib/package';
import { freePort, removeOnExit, stopAll } from './lib/processes';
import { chosenRuntime, ensureRuntime } from './lib/runtime';
import { PACKAGE_NAME } from './lib/vendor';

const say = (line: string) => process.stdout.write(`[e2e trigger] ${line}\n`);

const choice = chosenRuntime();
const workDir = mkdtempSync(join(tmpdir(), 'crm-contacts-trigger-'));
removeOnExit(workDir);
const logDir = join(projectRoot, '.tmp', 'e2e-logs', `trigger-n8n-${choice.n8nVersion}`);

const WORKFLOW_ID = 'e2eCsTriggerWf01';
const CREDENTIAL = {
	id: 'e2eCsTriggerCr01',
	name: 'Contactship (trigger)',
	type: 'contactshipApi',
};
const [AGENT] = CS_SEED_AGENTS;
const FROM = CS_SEED_PHONE_NUMBERS[0];

let sandbox: Sandbox;
let n8n: N8nInstance;
let rest: RestClient;

function triggerWorkflow() {
	const credentials = { contactshipApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } };
	return {
		id: WORKFLOW_ID,
		name: 'Contactship Trigger: fetch each ended call',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: '7a1c0000-0000-4000-8000-000000000001',
				name: 'Contactship Trigger',
				type: `${PACKAGE_NAME}.contactshipTrigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					pollTimes: {
						item: [0, 15, 30, 45].map((second) => ({
							mode: 'custom',
							cronExpression: `${second} * * * * *`,
						})),
					},
					event: 'callEnded',
				},
				credentials,
			},
			{
				id: '7a1c0000-0000-4000-8000-000000000002',
				name: 'Get the call',
				type: `${PACKAGE_NAME}.contactship`,
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'call', operation: 'get', callId: '={{ $json.id }}' },
				credentials,
			},
		],
		connections: {
			'Contactship Trigger': { main: [[{ node: 'Get the call', type: 'main', index: 0 }]] },
		},
	};
}

/** Activates the workflow as the editor's toggle does, and waits until n8n has it running. */
async function activate(id: string): Promise<void> {
	const { body } = await rest.request<{ data: { versionId: string } }>(
		'GET',
		`/rest/workflows/${id}`,
	);
	const activated = await rest.request('POST', `/rest/workflows/${id}/activate`, {
		versionId: body.data.versionId,
	});
	if (activated.status !== 200)
		throw new Error(`Activating answered ${activated.status}: ${JSON.stringify(activated.body)}`);
	// n8n 2.x publishes in the background; 1.x has no publication status and is active on answering.
	const deadline = Date.now() + 120_000;
	for (;;) {
		const status = await rest.request<{ data: { status: string; triggers: unknown } }>(
			'GET',
			`/rest/workflows/${id}/publication-status`,
		);
		if (status.status === 404 || status.body?.data?.status === 'published') return;
		if (['failed', 'partial'].includes(status.body?.data?.status))
			throw new Error(`Publishing failed: ${JSON.stringify(status.body.data.triggers)}`);
		if (Date.now() > deadline) throw new Error('The trigger workflow was not published in 120 s');
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** Starts a call through the sandbox's API, as Contactship's own app would. */
async function startCall(to: string, delayMinutes = 0): Promise<string> {
	const answer = await fetch(`${sandbox.baseUrl('contactship')}/v1/calls/single-phone-call`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-api-key': CONTACTSHIP_API_KEY },
		body: JSON.stringify({
			from_number: FROM.phone_number,
			to_number: to,
			full_name: 'Trigger Test',
			agent_id: AGENT.id,
			...(delayMinutes ? { delay: delayMinutes } : {}),
		}),
	});
	const body = (await answer.json()) as { call_id: string };
	return body.call_id;
}

/** How many times the workflow fetched each call (= how many times the trigger emitted it). */
function fetchedCalls(): Map<string, number> {
	const counts = new Map<string, number>();
	for (const request of sandbox.requests('contactship')) {
		const match = /^\/v1\/calls\/([0-9a-f-]{36})$/.exec(request.path);
		if (request.method === 'GET' && match) counts.set(match[1], (counts.get(match[1]) ?? 0) + 1);
	}
	return counts;
}

const polls = () =>
	sandbox
		.requests('contactship')
		.filter((request) => request.path === '/v1/calls' && request.query.date_from !== undefined);

async function waitFor(what: string, done: () => boolean, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!done()) {
		if (Date.now() > deadline)
			throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

beforeAll(async () => {
	const runtime = await ensureRuntime(say, choice);
	say(`n8n ${runtime.n8nVersion} on Node ${runtime.nodeMajor}`);
	sandbox = createSandbox();
	const sandboxUrl = await sandbox.start();
	rmSync(logDir, { recursive: true, force: true });
	mkdirSync(logDir, { recursive: true });
	const tarball = await buildAndPack(workDir, join(logDir, 'build.log'));
	n8n = new N8nInstance({
		runtime,
		userFolder: join(workDir, 'n8n-user'),
		removeUserFolder: false,
		logDir,
	});
	await installPackage(n8n.userFolder, tarball);
	await n8n.importCredentials([
		{
			...CREDENTIAL,
			data: { apiKey: CONTACTSHIP_API_KEY, baseUrl: `${sandboxUrl}/contactship` },
		},
	]);
	await n8n.importWorkflows([triggerWorkflow()]);
	rest = await n8n.start(await freePort(), await freePort());
	await rest.setupOwnerAndLogin();
}, 30 * 60_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
	await stopAll();
});

test(
	'an active workflow emits each ended call exactly once across several polls',
	async () => {
		// Calls that ended before the workflow was activated are not emitted.
		const before = [await startCall('+12025554001'), await startCall('+12025554002')];
		await new Promise((resolve) => setTimeout(resolve, 4_000));

		await activate(WORKFLOW_ID);
		await waitFor('the poll on activation', () => polls().length >= 1, 60_000);

		// A call that waits a minute before it is placed: it holds the cursor while the others end.
		const long = await startCall('+12025554010', 1);
		const first = [await startCall('+12025554011'), await startCall('+12025554012')];
		await waitFor(
			'the first calls to be emitted',
			() => first.every((id) => fetchedCalls().has(id)),
			90_000,
		);

		const second = [await startCall('+12025554021'), await startCall('+12025554022')];
		await waitFor(
			'the second calls to be emitted',
			() => second.every((id) => fetchedCalls().has(id)),
			90_000,
		);
		await waitFor('the long call to be emitted', () => fetchedCalls().has(long), 150_000);
		// One more poll after the last emission: it must emit nothing again.
		const seen = polls().length;
		await waitFor('one more poll', () => polls().length > seen, 60_000);
		await new Promise((resolve) => setTimeout(resolve, 3_000));

		const fetched = fetchedCalls();
		say(`${polls().length} polls; fetched ${JSON.stringify([...fetched.values()])}`);
		expect(polls().length).toBeGreaterThanOrEqual(4);
		for (const id of [...first, ...second, long]) expect(fetched.get(id)).toBe(1);
		for (const id of before) expect(fetched.has(id)).toBe(false);
		expect([...fetched.keys()].sort()).toEqual([...first, ...second, long].sort());
	},
	10 * 60_000,
);
