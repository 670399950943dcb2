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
 * - the 429 answer carries no Retry-After header.
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

export interface ThoughtlyState {
	/** Newest first, as the contact list returns them. */
	contacts: ThoughtlyContact[];
	interviews: Array<{ id: string; title: string; status: string }>;
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
	const matches = state.contacts.filter(
		(contact) =>
			search === '' ||
			[contact.name, contact.phone_number, contact.email].some((value) =>
				(value ?? '').toLowerCase().includes(search),
			),
	);
	const contacts = matches.slice(pages.page * pages.limit, (pages.page + 1) * pages.limit);
	return envelope(200, { contacts });
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
		return failure(404, 'NOT_FOUND', `Cannot ${request.method} ${request.path}`);
	},
	rateLimited() {
		return failure(429, 'RATE_LIMITED', 'Rate limit exceeded: 100 requests per minute');
	},
};
