/**
 * The contact-lifecycle scenarios of `npm run bench` (BENCH_ONLY keys `getmany` and `upsert`),
 * in the real n8n 2.41.1 against the sandbox's SalesCaptain, one `n8n execute` per run:
 *  - `getmany`: 1,000 contacts seeded into one company; our node's Get Many (Return All, pages
 *    of 100) side by side with n8n's HTTP Request node (v4.2) calling the same
 *    `GET /v1/list-contacts/{company_id}` with the same credential and its Pagination option
 *    (`page_number` = `$pageCount + 1`, `items_per_page` 100, complete on the last page). Once
 *    with 50 ms latency per request, once without. Per run: the node's execution time, the
 *    requests the vendor received, the node's output items, and whether every contact was
 *    read exactly once.
 *  - `upsert`: 1,000 items, every second one a contact the vendor already has (same phone);
 *    our node's Create with If Contact Exists → Update Existing, pacing defaults, the vendor
 *    allowing 50 requests a second (429 with `X-RateLimit-*` beyond). Per run: time, requests
 *    by kind, 429s, created/updated outcomes, contacts the vendor holds twice, lost items.
 *
 * Environment: BENCH_SCALE (default 1) multiplies the contact and item counts; BENCH_ONLY picks
 * scenarios. Prints Markdown tables and writes .tmp/bench/lifecycle-results.md.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PACKAGE_NAME } from '../test/e2e/lib/vendor';
import type { SalesCaptainContact, SalesCaptainState } from '../test/sandbox/vendors/salesCaptain';
import { SALESCAPTAIN_TOKEN, SC_COMPANIES } from '../test/sandbox/vendors/salesCaptain';
import {
	countDuplicates,
	executeNode,
	measuredOn,
	prepareBench,
	runBench,
	sampleMemory,
	seconds,
} from './bench-lib';

/** Acme: no seeded contacts of its own, so the bench's are all there is. */
const COMPANY = SC_COMPANIES[0].company_id;
const CREDENTIAL = {
	id: 'benchLifeSalesC1',
	name: 'SalesCaptain (lifecycle bench sandbox)',
	type: 'salesCaptainApi',
};
const PAGE_SIZE = 100;
const NODE_NAME = 'Contacts';
const say = (line: string) => console.log(`[bench-lifecycle] ${line}`);

const scale = Number(process.env.BENCH_SCALE ?? 1);
const only = process.env.BENCH_ONLY?.split(',');
const n = (count: number) => Math.max(2, Math.round(count * scale));

type Contender = 'oursGetMany' | 'httpPaginated' | 'oursUpsert';

interface Scenario {
	key: 'getmany' | 'upsert';
	title: string;
	/** Contacts seeded (getmany) or items sent (upsert). */
	count: number;
	latencyMs: number;
	rateLimit?: { limit: number; windowMs: number };
	contenders: Contender[];
}

const allScenarios: Scenario[] = [
	{
		key: 'getmany',
		title: 'Get Many, 50 ms per request',
		count: n(1000),
		latencyMs: 50,
		contenders: ['oursGetMany', 'httpPaginated'],
	},
	{
		key: 'getmany',
		title: 'Get Many, no latency',
		count: n(1000),
		latencyMs: 0,
		contenders: ['oursGetMany', 'httpPaginated'],
	},
	{
		key: 'upsert',
		title: 'Upsert, half exist, 50 requests/s, 429 beyond',
		count: n(1000),
		latencyMs: 0,
		rateLimit: { limit: 50, windowMs: 1000 },
		contenders: ['oursUpsert'],
	},
];
const scenarios = allScenarios.filter((scenario) => !only || only.includes(scenario.key));

const label: Record<Contender, string> = {
	oursGetMany: 'SalesCaptain node, Get Many, Return All',
	httpPaginated: 'HTTP Request node, Pagination (update page_number each request)',
	oursUpsert: 'SalesCaptain node, Create, If Contact Exists → Update Existing (defaults)',
};

/** The phone of upsert item `i`, and of the contact seeded for it when it exists already. */
const itemPhone = (i: number) => `+1212${5000000 + i}`;
/** Every second upsert item is a contact the vendor already has. */
const exists = (i: number) => i % 2 === 0;

function benchContact(
	i: number,
	fields: Pick<SalesCaptainContact, 'name' | 'phone' | 'email'>,
): SalesCaptainContact {
	const serial = String(i).padStart(12, '0');
	const at = new Date(Date.UTC(2025, 5, 1) + i * 60_000).toISOString();
	return {
		contact_id: `be0c0000-0000-4000-8000-${serial}`,
		company_id: COMPANY,
		conversation_id: `be0c0000-0000-4000-9000-${serial}`,
		created_at: at,
		updated_at: at,
		custom_fields: [],
		tag_ids: [],
		...fields,
	};
}

/** The vendor's state before a run: the contacts the scenario starts from. */
function seedContacts(scenario: Scenario): SalesCaptainContact[] {
	if (scenario.key === 'getmany') {
		return Array.from({ length: scenario.count }, (_, i) =>
			benchContact(i, {
				name: `Listed Contact ${i}`,
				phone: `+1415${5000000 + i}`,
				email: `listed${i}@example.com`,
			}),
		);
	}
	return Array.from({ length: scenario.count }, (_, i) => i)
		.filter(exists)
		.map((i) =>
			benchContact(i, {
				name: `Old Name ${i}`,
				phone: itemPhone(i),
				email: `old${i}@example.com`,
			}),
		);
}

const credentials = { salesCaptainApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } };

function contenderNode(contender: Contender, sandboxUrl: string) {
	const common = {
		id: 'c0000000-0000-4000-8000-000000000004',
		name: NODE_NAME,
		position: [660, 0],
		credentials,
		onError: 'continueRegularOutput',
	};
	if (contender === 'oursGetMany') {
		return {
			...common,
			type: `${PACKAGE_NAME}.salesCaptain`,
			typeVersion: 1,
			parameters: {
				resource: 'contact',
				operation: 'getAll',
				company: COMPANY,
				returnAll: true,
				filters: {},
				options: {},
			},
		};
	}
	if (contender === 'oursUpsert') {
		return {
			...common,
			type: `${PACKAGE_NAME}.salesCaptain`,
			typeVersion: 1,
			parameters: {
				resource: 'contact',
				operation: 'create',
				company: COMPANY,
				fullName: '={{ $json.name }}',
				phone: '={{ $json.phone }}',
				email: '={{ $json.email }}',
				options: { ifContactExists: 'updateExisting' },
			},
		};
	}
	// What a user builds by hand: the list endpoint, the same credential, n8n's pagination.
	return {
		...common,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'GET',
			url: `${sandboxUrl}/salescaptain/v1/list-contacts/${COMPANY}`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'salesCaptainApi',
			sendQuery: true,
			queryParameters: { parameters: [{ name: 'items_per_page', value: String(PAGE_SIZE) }] },
			options: {
				pagination: {
					pagination: {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: {
							parameters: [{ type: 'qs', name: 'page_number', value: '={{ $pageCount + 1 }}' }],
						},
						paginationCompleteWhen: 'other',
						completeExpression:
							'={{ $response.body.contacts.pagination.page_number >= $response.body.contacts.pagination.total_pages }}',
					},
				},
			},
		},
	};
}

/** The upsert's items: generated by one expression, so the workflow stays small. */
function upsertItems(count: number) {
	return [
		{
			id: 'c0000000-0000-4000-8000-000000000002',
			name: 'Items',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
			parameters: {
				mode: 'raw',
				jsonOutput: `={{ { items: Array.from({ length: ${count} }, (_, i) => ({ name: 'Bench Contact ' + i, email: 'bench' + i + '@example.com', phone: '+1212' + (5000000 + i) })) } }}`,
			},
		},
		{
			id: 'c0000000-0000-4000-8000-000000000003',
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [440, 0],
			parameters: { fieldToSplitOut: 'items' },
		},
	];
}

function workflow(id: string, scenario: Scenario, contender: Contender, sandboxUrl: string) {
	const trigger = {
		id: 'c0000000-0000-4000-8000-000000000001',
		name: 'Manual Trigger',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const link = (to: string) => ({ main: [[{ node: to, type: 'main', index: 0 }]] });
	const upsert = scenario.key === 'upsert';
	return {
		id,
		name: `Bench ${scenario.key} ${contender}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			trigger,
			...(upsert ? upsertItems(scenario.count) : []),
			contenderNode(contender, sandboxUrl),
		],
		connections: upsert
			? {
					'Manual Trigger': link('Items'),
					Items: link('Split Out'),
					'Split Out': link(NODE_NAME),
				}
			: { 'Manual Trigger': link(NODE_NAME) },
	};
}

interface Result {
	scenario: Scenario;
	contender: Contender;
	ms: number;
	outputItems: number;
	failed: number;
	peakRssMb: number;
	/** Requests the vendor received by kind (refused ones included), e.g. `GET list-contacts`. */
	requests: Map<string, number>;
	rateLimited: number;
	/** getmany: contacts in the output (pages unpacked for the HTTP node), distinct, expected. */
	read?: { total: number; distinct: number; missing: number };
	/** upsert: the outcomes the node reported, and the vendor's contacts afterwards. */
	upsert?: {
		created: number;
		updated: number;
		vendorContacts: number;
		duplicates: number;
		updatedAtVendor: number;
		lost: number;
	};
}

/** `GET list-contacts`: a request's method and the endpoint, without IDs. */
const kindOf = (request: { method: string; path: string }) =>
	`${request.method} ${request.path.split('/')[2] ?? request.path}`;

function countKinds(requests: Array<{ method: string; path: string }>): Map<string, number> {
	const kinds = new Map<string, number>();
	for (const request of requests) kinds.set(kindOf(request), (kinds.get(kindOf(request)) ?? 0) + 1);
	return kinds;
}

const count = (value: number) => value.toLocaleString('en');
/** `1,000 POST create-contact, 500 GET list-contacts`: what the vendor received, most first. */
const byKind = (kinds: Map<string, number>) =>
	[...kinds]
		.sort((a, b) => b[1] - a[1])
		.map(([kind, times]) => `${count(times)} ${kind}`)
		.join(', ');
const total = (kinds: Map<string, number>) => [...kinds.values()].reduce((a, b) => a + b, 0);

function getManyTable(results: Result[]): string {
	const rows = [
		'| scenario | node | contacts | time | requests | output items | contacts read (distinct, missing) | to get one item per contact |',
		'|---|---|---|---|---|---|---|---|',
	];
	for (const result of results.filter((candidate) => candidate.read)) {
		const read = result.read!;
		rows.push(
			`| ${result.scenario.title} | ${label[result.contender]} | ${count(result.scenario.count)} | ${seconds(result.ms)} | ${total(result.requests)} | ${count(result.outputItems)} | ${count(read.total)} (${count(read.distinct)} distinct, ${read.missing} missing) | ${result.contender === 'httpPaginated' ? 'add a Split Out on `contacts.data`' : 'nothing: one item per contact'} |`,
		);
	}
	return rows.join('\n');
}

function upsertTable(results: Result[]): string {
	const rows = [
		'| scenario | node | items (existing) | time | ideal (accepted requests ÷ limit) | requests by kind | 429s | outcomes: created / updated | contacts at the vendor | duplicates | updated at the vendor | lost | n8n peak memory |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const result of results.filter((candidate) => candidate.upsert)) {
		const upsert = result.upsert!;
		const { items, existing } = upsertCounts(result.scenario);
		const limit = result.scenario.rateLimit!;
		const idealMs = ((total(result.requests) - result.rateLimited) / limit.limit) * limit.windowMs;
		rows.push(
			`| ${result.scenario.title} | ${label[result.contender]} | ${count(items)} (${count(existing)}) | ${seconds(result.ms)} | ${seconds(idealMs)} | ${byKind(result.requests)} | ${result.rateLimited} | ${upsert.created} / ${upsert.updated} | ${count(upsert.vendorContacts)} | ${upsert.duplicates} | ${upsert.updatedAtVendor} of ${existing} | ${upsert.lost} | ${result.peakRssMb} MB |`,
		);
	}
	return rows.join('\n');
}

function upsertCounts(scenario: Scenario) {
	const existing = Array.from({ length: scenario.count }, (_, i) => i).filter(exists).length;
	return { items: scenario.count, existing };
}

/** Every contact the node handed on: its items, or the HTTP node's pages unpacked. */
function contactsRead(contender: Contender, items: Array<{ json: Record<string, unknown> }>) {
	if (contender === 'oursGetMany') return items.map((item) => item.json);
	return items.flatMap(
		(item) =>
			((item.json.contacts as { data?: unknown[] } | undefined)?.data ?? []) as Array<
				Record<string, unknown>
			>,
	);
}

async function main(): Promise<void> {
	if (scenarios.length === 0) return; // BENCH_ONLY named only scenarios of the other bench scripts
	const setup = await prepareBench(say, (sandboxUrl) => [
		{
			...CREDENTIAL,
			data: { accessToken: SALESCAPTAIN_TOKEN, baseUrl: `${sandboxUrl}/salescaptain` },
		},
	]);
	const { n8n, sandbox, sandboxUrl, logDir } = setup;

	const runs = scenarios.flatMap((scenario, scenarioIndex) =>
		scenario.contenders.map((contender, index) => ({
			scenario,
			contender,
			id: `benchlife${scenarioIndex}${index}`.padEnd(16, '0'),
		})),
	);
	await n8n.importWorkflows(
		runs.map((run) => workflow(run.id, run.scenario, run.contender, sandboxUrl)),
	);

	const results: Result[] = [];
	for (const { scenario, contender, id } of runs) {
		sandbox.reset();
		const seeded = seedContacts(scenario);
		sandbox.state<SalesCaptainState>('salescaptain').contacts.push(...seeded);
		sandbox.setLatency(scenario.latencyMs);
		sandbox.setRateLimit('salescaptain', scenario.rateLimit);
		say(`${scenario.title}: ${label[contender]}, ${scenario.count} …`);
		let peakMemory = () => 0;
		const { executionTime, items } = await executeNode(
			setup,
			id,
			NODE_NAME,
			(child) => (peakMemory = sampleMemory(child)),
		);
		const requests = sandbox.requests('salescaptain');
		const result: Result = {
			scenario,
			contender,
			ms: executionTime,
			outputItems: items.length,
			failed: items.filter((item) => item.json.error !== undefined).length,
			peakRssMb: peakMemory(),
			requests: countKinds(requests),
			rateLimited: sandbox.stats.rateLimited,
		};
		if (scenario.key === 'getmany') {
			const ids = contactsRead(contender, items).map((contact) => contact.contact_id);
			const distinct = new Set(ids);
			result.read = {
				total: ids.length,
				distinct: distinct.size,
				missing: seeded.filter((contact) => !distinct.has(contact.contact_id)).length,
			};
		} else {
			const held = sandbox
				.state<SalesCaptainState>('salescaptain')
				.contacts.filter((contact) => contact.company_id === COMPANY);
			const byPhone = new Map(held.map((contact) => [contact.phone, contact]));
			const outcomes = items.map((item) => item.json.outcome);
			result.upsert = {
				created: outcomes.filter((outcome) => outcome === 'created').length,
				updated: outcomes.filter((outcome) => outcome === 'updated').length,
				vendorContacts: held.length,
				duplicates: countDuplicates(held.map((contact) => contact.phone)),
				// An existing contact took the item's name: the update reached the vendor.
				updatedAtVendor: seeded.filter((contact) => {
					const i = Number(contact.contact_id.slice(-12));
					return byPhone.get(contact.phone)?.name === `Bench Contact ${i}`;
				}).length,
				// An item is lost when it failed, or when the vendor has no contact with its phone.
				lost:
					result.failed +
					Array.from({ length: scenario.count }, (_, i) => itemPhone(i)).filter(
						(phone) => !byPhone.has(phone),
					).length,
			};
		}
		results.push(result);
		say(
			`  ${seconds(result.ms)}, ${total(result.requests)} requests, ${result.outputItems} output items, ${result.failed} failed, ${result.rateLimited} × 429`,
		);
		for (const failure of items.filter((item) => item.json.error !== undefined).slice(0, 3))
			say(`  error: ${JSON.stringify(failure.json.error).slice(0, 300)}`);
	}
	await sandbox.close();

	const tables = [
		results.some((result) => result.read) ? [getManyTable(results), ''] : [],
		results.some((result) => result.upsert) ? [upsertTable(results), ''] : [],
	].flat();
	const report = [
		measuredOn(
			`${scale === 1 ? '' : `BENCH_SCALE=${scale} `}BENCH_ONLY=${only?.join(',') ?? 'getmany,upsert'} npm run bench`,
		),
		'',
		...tables,
	].join('\n');
	writeFileSync(join(logDir, 'lifecycle-results.md'), report);
	console.log(`\n${report}`);
}

runBench('bench-lifecycle', main);
