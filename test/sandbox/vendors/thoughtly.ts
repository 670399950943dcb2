/**
 * Thoughtly as its API document describes it (summed up in docs/vendor-facts.md): two auth headers (`x-api-token`, `team_id`) on every call, every answer in
 * the `{data, error}` envelope, POST /contact/create with `additionalProperties: false`,
 * GET /contact (`page` from 0, `limit` 1..50, `search`; list at `data.contacts`), GET
 * /interview, and 429 beyond 100 requests a minute.
 *
 * Not documented, so ASSUMED here (the README says the same):
 * - a duplicate phone number is refused with HTTP 200 and an envelope error (Thoughtly
 *   documents only 200 answers; the node also recognises a 4xx/409 with the same message);
 * - auth and validation failures are 401/403/400 with an envelope error `{code, message}`;
 * - phone numbers must be E.164, `country_code` is an ISO 3166-1 alpha-2 code, empty
 *   strings are refused (so tests catch a node that sends empty fields);
 * - the 429 answer carries no Retry-After header;
 * - GET /contact/{id} and DELETE /contact/{id} answer 404 `NOT_FOUND` for an unknown ID;
 *   a delete answers `{data: {id, deleted: true}}`;
 * - `sort` takes a contact field name, `sortDirection` ASC or DESC (case-insensitive);
 *   `search` matches name, phone number and email;
 * - POST /contact/call answers `{data: {id, status: 'QUEUED', contact_id, interview_id,
 *   metadata, created_at}}`, 404 for an unknown contact or agent; a call then goes QUEUED →
 *   IN_PROGRESS → COMPLETED over `callTimings` (ms), and when it ends every NEW_RESPONSE
 *   subscription (for that agent, or for all when it has no `data`) receives a POST with the
 *   call's response (the shape of Pipedream's Thoughtly sample event);
 * - POST /webhooks/subscribe answers the subscription `{id, type, url, data}` (the same one
 *   again for the same type, URL and data); DELETE /webhooks/unsubscribe takes the same
 *   `{type, url, data?}` body and answers 404 when nothing matches; GET /webhooks lists
 *   `data.webhooks`. Deliveries go to loopback addresses only (others are recorded as skipped).
 */
import type { SandboxRequest, SandboxResponse, SandboxVendor } from '../server';
import { header, ids, isE164, isEmail } from '../server';

export const THOUGHTLY_TOKEN = 'th-test-token-5c7a2e';
export const THOUGHTLY_TEAM_ID = 'team-8d41b6f0';
/** A real team the test token does not belong to: answers 403. */
export const THOUGHTLY_OTHER_TEAM_ID = 'team-00ff3c21';

/** The message the sandbox gives for a duplicate phone number (inside a 200 answer). */
export const THOUGHTLY_DUPLICATE_MESSAGE = 'A contact with this phone number already exists';

export interface ThoughtlyContact {
	id: string;
	phone_number: string;
	name: string | null;
	email: string | null;
	country_code: string | null;
	tags: string[];
	attributes: Record<string, unknown>;
	created_at: string;
	updated_at: string;
}

export type ThoughtlyCallStatus = 'QUEUED' | 'IN_PROGRESS' | 'COMPLETED';

export interface ThoughtlyCall {
	id: string;
	contact_id: string;
	interview_id: string;
	metadata: Record<string, unknown> | null;
	status: ThoughtlyCallStatus;
	created_at: string;
	ended_at: string | null;
}

export const THOUGHTLY_WEBHOOK_TYPES = [
	'NEW_RESPONSE',
	'PHONE_TRANSFER',
	'FOLDER_NEW_RESPONSE',
	'FOLDER_PHONE_TRANSFER',
	'ACTION_FAILED',
];

export interface ThoughtlySubscription {
	id: string;
	type: string;
	url: string;
	data: string | null;
}

export interface ThoughtlyDelivery {
	url: string;
	subscriptionId: string;
	body: Record<string, unknown>;
	/** The status the receiver answered, 0 when unreachable, -1 when not sent (not loopback). */
	status: number;
}

export interface ThoughtlyState {
	/** Newest first, as the contact list returns them. */
	contacts: ThoughtlyContact[];
	interviews: Array<{ id: string; title: string; status: string }>;
	/** Every call started, in order. */
	calls: ThoughtlyCall[];
	/** How long after the start a call is in progress, and when it ends (ms). */
	callTimings: { inProgressMs: number; endMs: number };
	subscriptions: ThoughtlySubscription[];
	deliveries: ThoughtlyDelivery[];
	timers: Set<ReturnType<typeof setTimeout>>;
}

/** Starts of the same contact by the same agent beyond the first: a node must never cause one. */
export function duplicateCalls(state: ThoughtlyState): number {
	const seen = new Set<string>();
	let duplicates = 0;
	for (const call of state.calls) {
		const key = `${call.contact_id}/${call.interview_id}`;
		if (seen.has(key)) duplicates++;
		seen.add(key);
	}
	return duplicates;
}

/** Seeded contacts: enough that the tag dropdown must read three pages of 50. */
export const THOUGHTLY_SEED_CONTACTS = 120;

/** Tags in the seed, by where they first appear (newest first): the last two only on page 3. */
export const THOUGHTLY_SEED_TAGS = [
	'lead',
	'Webinar 2024',
	'VIP',
	'callback',
	'Do not call',
	'Spanish speaker',
];

function seed(): ThoughtlyState {
	const contacts: ThoughtlyContact[] = [];
	const start = Date.UTC(2024, 0, 1);
	for (let index = 0; index < THOUGHTLY_SEED_CONTACTS; index++) {
		const created = new Date(start + index * 3_600_000).toISOString();
		const tags: string[] = [];
		// Oldest contacts (last page when listed newest first) carry the rare tags.
		if (index < 5) tags.push('Do not call');
		if (index === 7) tags.push('Spanish speaker');
		if (index >= 100 && index % 2 === 0) tags.push('lead');
		if (index % 10 === 3) tags.push('Webinar 2024');
		if (index === 60) tags.push('VIP', 'callback');
		contacts.push({
			id: `ct_${String(index).padStart(4, '0')}`,
			phone_number: `+1415555${String(index).padStart(4, '0')}`,
			name: `Seed Contact ${index}`,
			email: null,
			country_code: 'US',
			tags,
			attributes: {},
			created_at: created,
			updated_at: created,
		});
	}
	return {
		contacts: contacts.reverse(),
		interviews: [
			{ id: 'int_001', title: 'Appointment setter', status: 'ACTIVE' },
			{ id: 'int_002', title: 'Lead qualifier', status: 'ACTIVE' },
		],
		calls: [],
		callTimings: { inProgressMs: 100, endMs: 300 },
		subscriptions: [],
		deliveries: [],
		timers: new Set(),
	};
}

function envelope(status: number, data: unknown): SandboxResponse {
	return { status, body: { data, error: null } };
}

function failure(status: number, code: string, message: string): SandboxResponse {
	return { status, body: { data: null, error: { code, message } } };
}

const CREATE_KEYS = ['phone_number', 'name', 'email', 'country_code', 'tags', 'attributes'];
const COUNTRY = /^[A-Z]{2}$/;

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(message: string): SandboxResponse {
	return failure(400, 'VALIDATION_ERROR', message);
}

function createContact(request: SandboxRequest, state: ThoughtlyState): SandboxResponse {
	const body = request.body;
	if (!isObject(body)) return invalid('body must be a JSON object');
	const unknown = Object.keys(body).filter((key) => !CREATE_KEYS.includes(key));
	if (unknown.length)
		return invalid(`body must NOT have additional properties: ${unknown.join(', ')}`);
	for (const key of ['phone_number', 'name', 'email', 'country_code']) {
		const value = body[key];
		if (value === undefined) continue;
		if (typeof value !== 'string') return invalid(`body.${key} must be string`);
		if (value.trim() === '') return invalid(`body.${key} must NOT be empty`);
	}
	if (body.phone_number === undefined)
		return invalid("body must have required property 'phone_number'");
	if (!isE164(body.phone_number))
		return invalid('body.phone_number must be a valid phone number in E.164 format');
	if (body.email !== undefined && !isEmail(body.email))
		return invalid('body.email must be a valid email address');
	if (body.country_code !== undefined && !COUNTRY.test(body.country_code as string)) {
		return invalid('body.country_code must be a two-letter ISO 3166-1 country code');
	}
	if (body.tags !== undefined) {
		if (!Array.isArray(body.tags)) return invalid('body.tags must be array');
		if (body.tags.length === 0) return invalid('body.tags must NOT be empty');
		if (!body.tags.every((tag) => typeof tag === 'string' && tag.trim() !== ''))
			return invalid('body.tags must be an array of non-empty strings');
	}
	if (body.attributes !== undefined) {
		if (!isObject(body.attributes)) return invalid('body.attributes must be object');
		if (Object.keys(body.attributes).length === 0)
			return invalid('body.attributes must NOT be empty');
	}
	if (state.contacts.some((contact) => contact.phone_number === body.phone_number)) {
		// ASSUMPTION (undocumented): a duplicate is an envelope error on a 200 answer.
		return failure(200, 'CONTACT_ALREADY_EXISTS', THOUGHTLY_DUPLICATE_MESSAGE);
	}
	const now = new Date().toISOString();
	const contact: ThoughtlyContact = {
		id: `ct_${ids.uuid()}`,
		phone_number: body.phone_number as string,
		name: (body.name as string | undefined) ?? null,
		email: (body.email as string | undefined) ?? null,
		country_code: (body.country_code as string | undefined) ?? null,
		tags: (body.tags as string[] | undefined) ?? [],
		attributes: (body.attributes as Record<string, unknown> | undefined) ?? {},
		created_at: now,
		updated_at: now,
	};
	state.contacts.unshift(contact);
	return envelope(200, contact);
}

/** `page` from 0 and `limit` 1..50 (default 20), as documented for both list endpoints. */
function paging(request: SandboxRequest): { page: number; limit: number } | SandboxResponse {
	const page = Number(request.query.page ?? 0);
	const limit = Number(request.query.limit ?? 20);
	if (!Number.isInteger(page) || page < 0) return invalid('querystring.page must be >= 0');
	if (!Number.isInteger(limit) || limit < 1 || limit > 50)
		return invalid('querystring.limit must be between 1 and 50');
	return { page, limit };
}

function listContacts(request: SandboxRequest, state: ThoughtlyState): SandboxResponse {
	const pages = paging(request);
	if ('status' in pages) return pages;
	const search = (request.query.search ?? '').trim().toLowerCase();
	const query = new URLSearchParams(request.rawQuery);
	const tags = query.getAll('tags[]');
	const excluded = query.getAll('excluded_tags[]');
	const phoneOnly = request.query.phone_numbers_only;
	if (phoneOnly !== undefined && phoneOnly !== 'true' && phoneOnly !== 'false')
		return invalid('querystring.phone_numbers_only must be boolean');
	const matches = state.contacts.filter(
		(contact) =>
			(search === '' ||
				[contact.name, contact.phone_number, contact.email].some((value) =>
					(value ?? '').toLowerCase().includes(search),
				)) &&
			tags.every((tag) => contact.tags.includes(tag)) &&
			!excluded.some((tag) => contact.tags.includes(tag)) &&
			(phoneOnly !== 'true' || Boolean(contact.phone_number)),
	);
	const sort = request.query.sort;
	if (sort !== undefined) {
		if (!SORTABLE.includes(sort))
			return invalid(`querystring.sort must be one of ${SORTABLE.join(', ')}`);
		const direction = (request.query.sortDirection ?? 'ASC').toUpperCase();
		if (direction !== 'ASC' && direction !== 'DESC')
			return invalid('querystring.sortDirection must be ASC or DESC');
		const sign = direction === 'ASC' ? 1 : -1;
		matches.sort(
			(a, b) =>
				sign *
				String(a[sort as keyof ThoughtlyContact] ?? '').localeCompare(
					String(b[sort as keyof ThoughtlyContact] ?? ''),
				),
		);
	}
	const contacts = matches.slice(pages.page * pages.limit, (pages.page + 1) * pages.limit);
	return envelope(200, { contacts });
}

const SORTABLE = ['name', 'phone_number', 'email', 'created_at', 'updated_at'];

const notFound = (what: string) => failure(404, 'NOT_FOUND', `${what} not found`);

function contactPath(path: string): string | undefined {
	const match = /^\/contact\/([^/]+)$/.exec(path);
	return match && match[1] !== 'create' && match[1] !== 'call'
		? decodeURIComponent(match[1])
		: undefined;
}

function getContact(id: string, state: ThoughtlyState): SandboxResponse {
	const contact = state.contacts.find((candidate) => candidate.id === id);
	return contact ? envelope(200, contact) : notFound('Contact');
}

function deleteContact(id: string, state: ThoughtlyState): SandboxResponse {
	const index = state.contacts.findIndex((candidate) => candidate.id === id);
	if (index === -1) return notFound('Contact');
	state.contacts.splice(index, 1);
	return envelope(200, { id, deleted: true });
}

const CALL_KEYS = ['contact_id', 'interview_id', 'metadata'];

function startCall(request: SandboxRequest, state: ThoughtlyState): SandboxResponse {
	const body = request.body;
	if (!isObject(body)) return invalid('body must be a JSON object');
	const unknown = Object.keys(body).filter((key) => !CALL_KEYS.includes(key));
	if (unknown.length)
		return invalid(`body must NOT have additional properties: ${unknown.join(', ')}`);
	for (const key of ['contact_id', 'interview_id']) {
		if (typeof body[key] !== 'string' || (body[key] as string).trim() === '')
			return invalid(`body must have required property '${key}' as a non-empty string`);
	}
	if (body.metadata !== undefined && body.metadata !== null && !isObject(body.metadata))
		return invalid('body.metadata must be object');
	const contact = state.contacts.find((candidate) => candidate.id === body.contact_id);
	if (!contact) return notFound('Contact');
	if (!state.interviews.some((interview) => interview.id === body.interview_id))
		return notFound('Agent');
	const call: ThoughtlyCall = {
		id: `call_${ids.uuid()}`,
		contact_id: contact.id,
		interview_id: body.interview_id as string,
		metadata: (body.metadata as Record<string, unknown> | undefined) ?? null,
		status: 'QUEUED',
		created_at: new Date().toISOString(),
		ended_at: null,
	};
	state.calls.push(call);
	later(state, state.callTimings.inProgressMs, () => (call.status = 'IN_PROGRESS'));
	later(state, state.callTimings.endMs, () => endCall(call, contact, state));
	return envelope(200, { ...call });
}

function later(state: ThoughtlyState, ms: number, action: () => void): void {
	const timer = setTimeout(() => {
		state.timers.delete(timer);
		action();
	}, ms);
	timer.unref?.();
	state.timers.add(timer);
}

/** The response a delivery carries (undocumented; the shape of Pipedream's sample event). */
function responseOf(call: ThoughtlyCall, contact: ThoughtlyContact): Record<string, unknown> {
	const durationMs = Date.parse(call.ended_at ?? call.created_at) - Date.parse(call.created_at);
	return {
		id: call.id,
		created: call.created_at,
		updated: call.ended_at,
		interview: { id: call.interview_id },
		contact: { ...contact },
		type: 'PHONE_CALL',
		status: call.status,
		start_time: call.created_at,
		end_time: call.ended_at,
		duration_ms: String(durationMs),
		phone_number: contact.phone_number,
		transcript: 'Agent: Hello, this is a call from the sandbox.',
		summary_data: null,
		metadata: call.metadata,
	};
}

function isLoopback(url: string): boolean {
	try {
		return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
	} catch {
		return false;
	}
}

function endCall(call: ThoughtlyCall, contact: ThoughtlyContact, state: ThoughtlyState): void {
	call.status = 'COMPLETED';
	call.ended_at = new Date().toISOString();
	const body = responseOf(call, contact);
	for (const subscription of state.subscriptions) {
		if (subscription.type !== 'NEW_RESPONSE') continue;
		if (subscription.data !== null && subscription.data !== call.interview_id) continue;
		const delivery: ThoughtlyDelivery = {
			url: subscription.url,
			subscriptionId: subscription.id,
			body,
			status: -1,
		};
		state.deliveries.push(delivery);
		if (!isLoopback(subscription.url)) continue;
		void fetch(subscription.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(30_000),
		})
			.then(async (response) => {
				delivery.status = response.status;
				await response.arrayBuffer();
			})
			.catch(() => (delivery.status = 0));
	}
}

function readSubscription(
	body: unknown,
): { type: string; url: string; data: string | null } | SandboxResponse {
	if (!isObject(body)) return invalid('body must be a JSON object');
	const unknown = Object.keys(body).filter((key) => !['type', 'url', 'data'].includes(key));
	if (unknown.length)
		return invalid(`body must NOT have additional properties: ${unknown.join(', ')}`);
	if (typeof body.type !== 'string' || !THOUGHTLY_WEBHOOK_TYPES.includes(body.type))
		return invalid(`body.type must be one of ${THOUGHTLY_WEBHOOK_TYPES.join(', ')}`);
	if (typeof body.url !== 'string' || !/^https?:\/\/\S+$/.test(body.url))
		return invalid('body.url must be an http(s) URL');
	if (body.data !== undefined && (typeof body.data !== 'string' || body.data.trim() === ''))
		return invalid('body.data must be a non-empty string');
	return { type: body.type, url: body.url, data: (body.data as string | undefined) ?? null };
}

const sameSubscription =
	(wanted: { type: string; url: string; data: string | null }) =>
	(subscription: ThoughtlySubscription) =>
		subscription.type === wanted.type &&
		subscription.url === wanted.url &&
		subscription.data === wanted.data;

function subscribe(request: SandboxRequest, state: ThoughtlyState): SandboxResponse {
	const wanted = readSubscription(request.body);
	if ('status' in wanted) return wanted;
	const existing = state.subscriptions.find(sameSubscription(wanted));
	if (existing) return envelope(200, existing);
	const subscription = { id: `wh_${ids.uuid()}`, ...wanted };
	state.subscriptions.push(subscription);
	return envelope(200, subscription);
}

function unsubscribe(request: SandboxRequest, state: ThoughtlyState): SandboxResponse {
	const wanted = readSubscription(request.body);
	if ('status' in wanted) return wanted;
	const index = state.subscriptions.findIndex(sameSubscription(wanted));
	if (index === -1) return notFound('Webhook subscription');
	const [removed] = state.subscriptions.splice(index, 1);
	return envelope(200, removed);
}

function listInterviews(request: SandboxRequest, state: ThoughtlyState): SandboxResponse {
	const pages = paging(request);
	if ('status' in pages) return pages;
	return envelope(200, {
		interviews: state.interviews.slice(pages.page * pages.limit, (pages.page + 1) * pages.limit),
	});
}

export const thoughtlySandbox: SandboxVendor<ThoughtlyState> = {
	name: 'thoughtly',
	createState: seed,
	disposeState(state) {
		for (const timer of state.timers) clearTimeout(timer);
		state.timers.clear();
	},
	handle(request, state) {
		if (header(request, 'x-api-token') !== THOUGHTLY_TOKEN)
			return failure(401, 'UNAUTHORIZED', 'Invalid or missing API token');
		const team = header(request, 'team_id');
		if (!team) return failure(401, 'UNAUTHORIZED', 'Missing team_id header');
		if (team !== THOUGHTLY_TEAM_ID)
			return failure(403, 'FORBIDDEN', 'This API token does not belong to the given team');

		if (request.method === 'POST' && request.path === '/contact/create')
			return createContact(request, state);
		if (request.method === 'GET' && request.path === '/contact')
			return listContacts(request, state);
		if (request.method === 'GET' && request.path === '/interview')
			return listInterviews(request, state);
		if (request.method === 'POST' && request.path === '/contact/call')
			return startCall(request, state);
		const contactId = contactPath(request.path);
		if (contactId !== undefined && request.method === 'GET') return getContact(contactId, state);
		if (contactId !== undefined && request.method === 'DELETE')
			return deleteContact(contactId, state);
		if (request.method === 'GET' && request.path === '/webhooks')
			return envelope(200, { webhooks: state.subscriptions });
		if (request.method === 'POST' && request.path === '/webhooks/subscribe')
			return subscribe(request, state);
		if (request.method === 'DELETE' && request.path === '/webhooks/unsubscribe')
			return unsubscribe(request, state);
		return failure(404, 'NOT_FOUND', `Cannot ${request.method} ${request.path}`);
	},
	rateLimited() {
		return failure(429, 'RATE_LIMITED', 'Rate limit exceeded: 100 requests per minute');
	},
};
