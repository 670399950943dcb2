/**
 * Lead bursts: the most common way leads reach these nodes is one execution per lead (a form
 * or an ad platform posting each lead to a Webhook trigger), so n8n runs many executions of
 * the same workflow at once. Here: an active workflow Webhook → one node creating the lead,
 * a burst of webhook calls a fixed number at a time, and what the sandbox's SalesCaptain saw
 * (created, lost, duplicates, 429s). The webhook answers when the execution has finished
 * ("When Last Node Finishes"), so "60 at a time" means 60 executions in flight, as a form
 * provider with 60 open requests would cause.
 */
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import type { Sandbox } from '../../sandbox';
import type { SalesCaptainState } from '../../sandbox/vendors/salesCaptain';
import { SC_COMPANIES } from '../../sandbox/vendors/salesCaptain';
import type { RestClient } from './n8n';
import { PACKAGE_NAME } from './vendor';

export const BURST_COMPANY = SC_COMPANIES[0].company_id;

/**
 * The contenders: our node with its defaults; our node with Max Requests set to its share of
 * the vendor's limit (for several n8n workers, which do not share a pace); n8n's HTTP Request
 * node with Retry On Fail.
 */
export type BurstContender = 'ours' | 'oursShare' | 'httpRetry';

export const BURST_CONTENDERS: Record<
	BurstContender,
	{ label: string; path: string; workflowId: string }
> = {
	ours: {
		label: 'SalesCaptain node (defaults)',
		path: 'burst-salescaptain',
		workflowId: 'burstOursSalesCa',
	},
	oursShare: {
		label: 'SalesCaptain node, Max Requests = limit ÷ workers',
		path: 'burst-salescaptain-share',
		workflowId: 'burstOursShare01',
	},
	httpRetry: {
		label: 'HTTP Request node, Retry On Fail (5 tries, 1 s)',
		path: 'burst-http-request',
		workflowId: 'burstHttpRetry01',
	},
};

/** A node id that stays the same across imports (re-importing updates instead of adding). */
export function stableNodeId(seed: string): string {
	const hex = createHash('sha256').update(seed).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A Webhook trigger (POST `path`) that answers with the last node's output once the execution ends. */
export function webhookNode(
	path: string,
	responseData: 'firstEntryJson' | 'allEntries' = 'firstEntryJson',
) {
	return {
		id: stableNodeId(`${path}/webhook`),
		webhookId: stableNodeId(`${path}/webhookId`),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData, options: {} },
	};
}

/**
 * Webhook → the contender creating one SalesCaptain contact from the call's body
 * (`{name, email}`). All send the identical request with the same credential.
 * `maxRequestsPerSecond` is the `oursShare` contender's Max Requests.
 */
export function burstWorkflow(
	contender: BurstContender,
	credential: { id: string; name: string },
	sandboxUrl: string,
	maxRequestsPerSecond = 5,
) {
	const { path, workflowId } = BURST_CONTENDERS[contender];
	const credentials = { salesCaptainApi: credential };
	const create =
		contender !== 'httpRetry'
			? {
					type: `${PACKAGE_NAME}.salesCaptain`,
					typeVersion: 1,
					parameters: {
						resource: 'contact',
						operation: 'create',
						company: BURST_COMPANY,
						fullName: '={{ $json.body.name }}',
						email: '={{ $json.body.email }}',
						options:
							contender === 'oursShare'
								? { maxRequests: maxRequestsPerSecond, rateInterval: 'second' }
								: {},
					},
				}
			: {
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					retryOnFail: true,
					maxTries: 5,
					waitBetweenTries: 1000,
					parameters: {
						method: 'POST',
						url: `${sandboxUrl}/salescaptain/v1/create-contact`,
						authentication: 'predefinedCredentialType',
						nodeCredentialType: 'salesCaptainApi',
						sendBody: true,
						specifyBody: 'json',
						jsonBody: `={{ JSON.stringify({ company_id: '${BURST_COMPANY}', contact_name: $json.body.name, contact_email: $json.body.email }) }}`,
						options: {},
					},
				};
	// On Error → Continue: a lead that fails comes back in the webhook's answer with its message.
	const onError = 'continueRegularOutput';
	return {
		id: workflowId,
		name: `Burst: ${BURST_CONTENDERS[contender].label}`,
		active: true,
		settings: { executionOrder: 'v1' },
		nodes: [
			webhookNode(path),
			{
				id: stableNodeId(`${path}/create`),
				name: 'Create',
				position: [220, 0],
				credentials,
				onError,
				...create,
			},
		],
		connections: { Webhook: { main: [[{ node: 'Create', type: 'main', index: 0 }]] } },
	};
}

/**
 * Publishes (activates) imported workflows through the REST API, as the editor's toggle does,
 * and waits until n8n reports each one published. n8n 2.x publishes in the background (an
 * outbox): the activate call answers before the webhook is registered, and calls made
 * meanwhile get "The requested webhook … is not registered".
 */
export async function activateWorkflows(
	rest: RestClient,
	workflowIds: string[],
	timeoutMs = 120_000,
): Promise<void> {
	for (const id of workflowIds) {
		const { status, body } = await rest.request<{ data: { versionId: string } }>(
			'GET',
			`/rest/workflows/${id}`,
		);
		if (status !== 200)
			throw new Error(`GET workflow ${id} answered ${status}: ${JSON.stringify(body)}`);
		const activated = await rest.request('POST', `/rest/workflows/${id}/activate`, {
			versionId: body.data.versionId,
		});
		if (activated.status !== 200)
			throw new Error(
				`Activating workflow ${id} answered ${activated.status}: ${JSON.stringify(activated.body)}`,
			);
	}
	const deadline = Date.now() + timeoutMs;
	for (const id of workflowIds) {
		for (;;) {
			const { status, body } = await rest.request<{
				data: { status: string; triggers: unknown[] };
			}>('GET', `/rest/workflows/${id}/publication-status`);
			if (status !== 200)
				throw new Error(
					`The publication status of workflow ${id} answered ${status}: ${JSON.stringify(body)}`,
				);
			if (body.data.status === 'published') break;
			if (body.data.status === 'failed' || body.data.status === 'partial')
				throw new Error(`Publishing workflow ${id} failed: ${JSON.stringify(body.data.triggers)}`);
			if (Date.now() > deadline)
				throw new Error(
					`Workflow ${id} was not published within ${timeoutMs / 1000} s (status ${body.data.status})`,
				);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}
}

export interface BurstCall {
	/** HTTP status the webhook answered, or 0 when the call itself failed. */
	status: number;
	body: string;
}

export interface BurstResult {
	calls: number;
	created: number;
	/** Calls whose lead the vendor does not have. */
	lost: number;
	/** Leads the vendor has more than once. */
	duplicates: number;
	/** 429s the vendor answered. */
	rateLimited: number;
	/** From the first call sent to the last answer. */
	wallMs: number;
	/** Calls ÷ the vendor's limit: the least time the burst can take. */
	idealMs: number;
	/** Calls the webhook did not answer with a 2xx. */
	failedCalls: number;
	/** What failed calls and failed items said, with how often (most frequent first). */
	errors: Array<{ message: string; count: number }>;
	answers: BurstCall[];
}

/** The failure an answer carries: a non-2xx answer's body, or the item's `error` (On Error → Continue). */
function failureOf(answer: BurstCall): string | undefined {
	if (answer.status < 200 || answer.status >= 300)
		return `${answer.status || 'no answer'}: ${answer.body.slice(0, 300)}`;
	try {
		const item = JSON.parse(answer.body) as { error?: unknown };
		if (item.error === undefined) return undefined;
		// n8n's nodes and ours give an error object: its message (and hint) groups alike failures.
		const error = item.error as { message?: unknown; description?: unknown };
		const text =
			typeof error === 'object' && error !== null
				? [error.message, error.description].filter(Boolean).join(': ') || JSON.stringify(error)
				: String(error);
		return text.slice(0, 300);
	} catch {
		return undefined;
	}
}

function tally(messages: Array<string | undefined>): Array<{ message: string; count: number }> {
	const counts = new Map<string, number>();
	for (const message of messages)
		if (message !== undefined) counts.set(message, (counts.get(message) ?? 0) + 1);
	return [...counts]
		.map(([message, count]) => ({ message, count }))
		.sort((a, b) => b.count - a.count);
}

export const burstLead = (index: number) => ({
	name: `Burst Lead ${index}`,
	email: `burst${index}@example.com`,
});

/**
 * Fires `calls` webhook calls, `concurrency` at a time (a new one as soon as one is answered),
 * against `url`, and counts what the sandbox's SalesCaptain has afterwards. The sandbox must
 * have been reset and its limit set by the caller; `limitPerSecond` gives the ideal time.
 */
export async function runBurst(
	url: string,
	sandbox: Sandbox,
	options: { calls: number; concurrency: number; limitPerSecond: number; timeoutMs?: number },
): Promise<BurstResult> {
	const answers: BurstCall[] = new Array(options.calls);
	let next = 0;
	const started = Date.now();
	const caller = async () => {
		while (next < options.calls) {
			const index = next++;
			try {
				const response = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(burstLead(index)),
					signal: AbortSignal.timeout(options.timeoutMs ?? 300_000),
				});
				answers[index] = { status: response.status, body: await response.text() };
			} catch (error) {
				answers[index] = { status: 0, body: String(error) };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(options.concurrency, options.calls) }, caller));
	const wallMs = Date.now() - started;

	const contacts = sandbox.state<SalesCaptainState>('salescaptain').contacts;
	const perEmail = new Map<string, number>();
	for (const contact of contacts)
		perEmail.set(String(contact.email), (perEmail.get(String(contact.email)) ?? 0) + 1);
	const leads = Array.from({ length: options.calls }, (_, index) => burstLead(index).email);
	return {
		calls: options.calls,
		created: leads.filter((email) => perEmail.has(email)).length,
		lost: leads.filter((email) => !perEmail.has(email)).length,
		duplicates: [...perEmail.values()].reduce((sum, count) => sum + count - 1, 0),
		rateLimited: sandbox.stats.rateLimited,
		wallMs,
		idealMs: (options.calls / options.limitPerSecond) * 1000,
		failedCalls: answers.filter((answer) => answer.status < 200 || answer.status >= 300).length,
		errors: tally(answers.map(failureOf)),
		answers,
	};
}

/** Samples the resident memory (VmRSS) of processes until stopped; answers the peak of their sum in MB. */
export function sampleMemory(
	processes: Array<ChildProcess | number | undefined>,
	everyMs = 200,
): { stop(): number } {
	const pids = processes
		.map((entry) => (typeof entry === 'number' ? entry : entry?.pid))
		.filter((pid): pid is number => pid !== undefined);
	let peakKb = 0;
	const read = () => {
		let totalKb = 0;
		for (const pid of pids) {
			try {
				const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
				if (match) totalKb += Number(match[1]);
			} catch {
				// Gone already.
			}
		}
		peakKb = Math.max(peakKb, totalKb);
	};
	read();
	const timer = setInterval(read, everyMs);
	return {
		stop: () => {
			clearInterval(timer);
			read();
			return Math.round(peakKb / 1024);
		},
	};
}
