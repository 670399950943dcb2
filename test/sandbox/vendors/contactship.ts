/**
 * Contactship as its API document describes it (summed up in docs/vendor-facts.md): `x-api-key` auth, POST /v1/contacts with its
 * required fields and formats, 409 on a phone number that exists, GET /v1/contacts/{identifier}
 * with `identifierType`, GET /v1/tags paged by `limit` (default 5) / `offset` with `count`,
 * and POST /v1/contacts/{contactId}/tags/{tagId}.
 *
 * Not documented, so assumed here (the README says so too):
 * - every error body is `{statusCode, message, error}` (message may be a list for 400s);
 * - unknown body properties are rejected with 400, as a whitelisting validator would;
 * - tagging a contact that already has the tag answers 409;
 * - 429 answers carry `Retry-After` (seconds); Contactship documents no rate limit.
 */
import type { SandboxRequest, SandboxResponse, SandboxVendor } from '../server';
import { header, ids, isEmail, isE164 } from '../server';
import type { ContactshipCallState } from './contactshipCalls';
import { handleCallRoutes, seedCalls } from './contactshipCalls';

export const CONTACTSHIP_API_KEY = 'cs-test-key-5a2b7c';
export const CONTACTSHIP_ORGANIZATION_ID = '7c0d4f5e-2a61-4b8e-9d3c-5f1a2b3c4d5e';

export interface ContactshipTag {
	id: string;
	name: string;
	color: string;
	label: string | null;
	organization_id: string;
	created_at: string;
}

export interface ContactshipContact {
	id: string;
	created_at: string;
	phone_number: string;
	full_name: string;
	country: string | null;
	email: string | null;
	description: string | null;
	additional_data: Array<{ type: string; field: string; value: string }>;
	organization_id: string;
}

export interface ContactshipState extends ContactshipCallState {
	tags: ContactshipTag[];
	contacts: ContactshipContact[];
	/** contact id -> tag ids (a plain object, so the state endpoint can show it) */
	contactTags: Record<string, string[]>;
}

/** A tag as Contactship stores it; `n` orders creation dates (oldest first). */
export function contactshipTag(
	n: number,
	name: string,
	label: string | null,
	color = '#3366FF',
): ContactshipTag {
	return {
		id: `5e1f0000-0000-4000-8000-${String(n).padStart(12, '0')}`,
		name,
		color,
		label,
		organization_id: CONTACTSHIP_ORGANIZATION_ID,
		created_at: new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString(),
	};
}

/** 12 tags: more than two default pages of 5, some without a label. */
export const CS_SEED_TAGS: ContactshipTag[] = [
	contactshipTag(1, 'hot-lead', 'Hot Lead', '#FF5733'),
	contactshipTag(2, 'customer', 'Customer', '#33FF57'),
	contactshipTag(3, 'newsletter', null),
	contactshipTag(4, 'webinar-2025', 'Webinar 2025'),
	contactshipTag(5, 'do-not-call', 'Do Not Call', '#000000'),
	contactshipTag(6, 'partner', 'Partner'),
	contactshipTag(7, 'churn-risk', 'Churn Risk'),
	contactshipTag(8, 'vip', 'VIP'),
	contactshipTag(9, 'trial', null),
	contactshipTag(10, 'referral', 'Referral'),
	contactshipTag(11, 'event-lead', 'Event Lead'),
	contactshipTag(12, 'spanish', 'Español'),
];

function seed(): ContactshipState {
	return {
		tags: CS_SEED_TAGS.map((tag) => ({ ...tag })),
		contacts: [],
		contactTags: {},
		...seedCalls(),
	};
}

const REASONS: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	404: 'Not Found',
	409: 'Conflict',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
};

function error(status: number, message: string | string[]): SandboxResponse {
	return { status, body: { statusCode: status, message, error: REASONS[status] ?? 'Error' } };
}

const CREATE_FIELDS = [
	'phone_number',
	'full_name',
	'country',
	'email',
	'description',
	'additional_data',
];
const DATA_FIELDS = ['type', 'field', 'value'];

function createContact(request: SandboxRequest, state: ContactshipState): SandboxResponse {
	if (!request.body || typeof request.body !== 'object' || Array.isArray(request.body)) {
		return error(400, 'Request body must be a JSON object');
	}
	const body = request.body as Record<string, unknown>;
	const problems: string[] = [];
	for (const key of Object.keys(body))
		if (!CREATE_FIELDS.includes(key)) problems.push(`property ${key} should not exist`);
	if (body.phone_number === undefined || body.phone_number === '')
		problems.push('phone_number should not be empty');
	else if (!isE164(body.phone_number))
		problems.push('phone_number must be a valid phone number in international format');
	if (typeof body.full_name !== 'string' || body.full_name.trim() === '')
		problems.push('full_name should not be empty');
	for (const key of ['country', 'description']) {
		if (body[key] !== undefined && typeof body[key] !== 'string')
			problems.push(`${key} must be a string`);
	}
	if (body.email !== undefined && !isEmail(body.email)) problems.push('email must be an email');
	const additionalData: ContactshipContact['additional_data'] = [];
	if (body.additional_data !== undefined) {
		if (!Array.isArray(body.additional_data)) problems.push('additional_data must be an array');
		else {
			body.additional_data.forEach((entry: unknown, index) => {
				if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
					problems.push(`additional_data.${index} must be an object`);
					return;
				}
				const record = entry as Record<string, unknown>;
				for (const key of Object.keys(record))
					if (!DATA_FIELDS.includes(key))
						problems.push(`additional_data.${index}.property ${key} should not exist`);
				for (const key of DATA_FIELDS) {
					if (typeof record[key] !== 'string' || (record[key] as string) === '')
						problems.push(`additional_data.${index}.${key} must be a non-empty string`);
				}
				additionalData.push({
					type: String(record.type),
					field: String(record.field),
					value: String(record.value),
				});
			});
		}
	}
	if (problems.length) return error(400, problems);
	if (state.contacts.some((contact) => contact.phone_number === body.phone_number)) {
		return error(409, 'Contact with this phone number already exists');
	}
	const contact: ContactshipContact = {
		id: ids.uuid(),
		created_at: new Date().toISOString(),
		phone_number: body.phone_number as string,
		full_name: body.full_name as string,
		country: (body.country as string | undefined) ?? null,
		email: (body.email as string | undefined) ?? null,
		description: (body.description as string | undefined) ?? null,
		additional_data: additionalData,
		organization_id: CONTACTSHIP_ORGANIZATION_ID,
	};
	state.contacts.push(contact);
	return { status: 201, body: contact };
}

function getContact(
	request: SandboxRequest,
	state: ContactshipState,
	identifier: string,
): SandboxResponse {
	const type = request.query.identifierType ?? 'id';
	if (!['id', 'phone_number', 'email'].includes(type))
		return error(400, 'identifierType must be one of: id, phone_number, email');
	if (type === 'phone_number' && !isE164(identifier))
		return error(400, 'Invalid identifier format');
	if (type === 'email' && !isEmail(identifier)) return error(400, 'Invalid identifier format');
	const key = type === 'id' ? 'id' : type === 'email' ? 'email' : 'phone_number';
	const contact = state.contacts.find((candidate) => candidate[key] === identifier);
	return contact ? { status: 200, body: contact } : error(404, 'Contact not found');
}

function listTags(request: SandboxRequest, state: ContactshipState): SandboxResponse {
	const limit = request.query.limit === undefined ? 5 : Number(request.query.limit);
	const offset = request.query.offset === undefined ? 0 : Number(request.query.offset);
	const order = request.query.order ?? 'desc';
	if (!Number.isInteger(limit) || limit < 0) return error(400, ['limit must not be less than 0']);
	if (!Number.isInteger(offset) || offset < 0)
		return error(400, ['offset must not be less than 0']);
	if (order !== 'asc' && order !== 'desc')
		return error(400, ['order must be one of the following values: asc, desc']);
	const name = (request.query.name ?? '').toLowerCase();
	const label = (request.query.label ?? '').toLowerCase();
	const matches = state.tags
		.filter(
			(tag) =>
				tag.name.toLowerCase().includes(name) &&
				(label === '' || (tag.label ?? '').toLowerCase().includes(label)),
		)
		.sort((a, b) => (order === 'asc' ? 1 : -1) * a.created_at.localeCompare(b.created_at));
	return {
		status: 200,
		body: { data: matches.slice(offset, offset + limit), count: matches.length },
	};
}

function tagContact(state: ContactshipState, contactId: string, tagId: string): SandboxResponse {
	if (!state.contacts.some((contact) => contact.id === contactId))
		return error(404, 'Contact not found');
	if (!state.tags.some((tag) => tag.id === tagId)) return error(404, 'Tag not found');
	const tags = state.contactTags[contactId] ?? [];
	if (tags.includes(tagId)) return error(409, 'Tag already assigned to this contact');
	state.contactTags[contactId] = [...tags, tagId];
	return {
		status: 201,
		body: {
			id: ids.uuid(),
			contact_id: contactId,
			tag_id: tagId,
			created_at: new Date().toISOString(),
		},
	};
}

// ---- The contact lifecycle (issue 15): list, update, delete, tag removal -----------------
// As documented: GET /v1/contacts (partial-match filters `full_name`, `email`, `phone_number`;
// a bare array, no paging), PATCH /v1/contacts/{id} (partial; `additional_data` replaces the
// whole array; 404 unknown; 409 when the phone is another contact's), DELETE /v1/contacts/{id}
// (204), DELETE /v1/contacts/{id}/tags/{tagId} (`true`; 404 contact, tag or assignment).
// Assumed like the rest: unknown query or body properties answer 400.

const LIST_FILTERS = ['full_name', 'email', 'phone_number'];

/** A stored contact for tests to seed with: `n` makes its ID, phone and creation date. */
export function contactshipContact(
	n: number,
	fields: Partial<Omit<ContactshipContact, 'id' | 'organization_id'>> = {},
): ContactshipContact {
	return {
		id: `c0de0000-0000-4000-8000-${String(n).padStart(12, '0')}`,
		created_at: new Date(Date.UTC(2025, 1, 1) + n * 60_000).toISOString(),
		phone_number: `+1212555${String(n).padStart(4, '0')}`,
		full_name: `Contact ${n}`,
		country: null,
		email: null,
		description: null,
		additional_data: [],
		...fields,
		organization_id: CONTACTSHIP_ORGANIZATION_ID,
	};
}

function listContacts(request: SandboxRequest, state: ContactshipState): SandboxResponse {
	const unknown = Object.keys(request.query).filter((key) => !LIST_FILTERS.includes(key));
	if (unknown.length)
		return error(
			400,
			unknown.map((key) => `property ${key} should not exist`),
		);
	const matches = (value: string | null, filter: string | undefined) =>
		filter === undefined || (value ?? '').toLowerCase().includes(filter.toLowerCase());
	return {
		status: 200,
		body: state.contacts.filter(
			(contact) =>
				matches(contact.full_name, request.query.full_name) &&
				matches(contact.email, request.query.email) &&
				matches(contact.phone_number, request.query.phone_number),
		),
	};
}

function updateContact(
	request: SandboxRequest,
	state: ContactshipState,
	contactId: string,
): SandboxResponse {
	if (!request.body || typeof request.body !== 'object' || Array.isArray(request.body))
		return error(400, 'Request body must be a JSON object');
	const body = request.body as Record<string, unknown>;
	const problems: string[] = [];
	for (const key of Object.keys(body))
		if (!CREATE_FIELDS.includes(key)) problems.push(`property ${key} should not exist`);
	if (body.phone_number !== undefined && !isE164(body.phone_number))
		problems.push('phone_number must be a valid phone number in international format');
	if (
		body.full_name !== undefined &&
		(typeof body.full_name !== 'string' || !body.full_name.trim())
	)
		problems.push('full_name should not be empty');
	for (const key of ['country', 'description'])
		if (body[key] !== undefined && typeof body[key] !== 'string')
			problems.push(`${key} must be a string`);
	if (body.email !== undefined && !isEmail(body.email)) problems.push('email must be an email');
	const data = body.additional_data;
	if (data !== undefined) {
		if (!Array.isArray(data)) problems.push('additional_data must be an array');
		else
			data.forEach((entry: unknown, index) => {
				const record = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
				for (const key of Object.keys(record))
					if (!DATA_FIELDS.includes(key))
						problems.push(`additional_data.${index}.property ${key} should not exist`);
				for (const key of DATA_FIELDS)
					if (typeof record[key] !== 'string' || record[key] === '')
						problems.push(`additional_data.${index}.${key} must be a non-empty string`);
			});
	}
	if (problems.length) return error(400, problems);
	const contact = state.contacts.find((candidate) => candidate.id === contactId);
	if (!contact) return error(404, 'Contact not found');
	if (
		body.phone_number !== undefined &&
		state.contacts.some(
			(other) => other.id !== contactId && other.phone_number === body.phone_number,
		)
	)
		return error(409, 'The update would create a duplicate phone number');
	for (const key of ['phone_number', 'full_name', 'country', 'email', 'description'] as const)
		if (body[key] !== undefined) (contact as unknown as Record<string, unknown>)[key] = body[key];
	// Replaced wholesale, as documented: whatever is not sent again is gone.
	if (Array.isArray(data))
		contact.additional_data = (data as Array<Record<string, string>>).map(
			({ type, field, value }) => ({
				type,
				field,
				value,
			}),
		);
	return { status: 200, body: contact };
}

function deleteContact(state: ContactshipState, contactId: string): SandboxResponse {
	const index = state.contacts.findIndex((contact) => contact.id === contactId);
	if (index < 0) return error(404, 'Contact not found');
	state.contacts.splice(index, 1);
	delete state.contactTags[contactId];
	return { status: 204 };
}

function untagContact(state: ContactshipState, contactId: string, tagId: string): SandboxResponse {
	if (!state.contacts.some((contact) => contact.id === contactId))
		return error(404, 'Contact not found');
	if (!state.tags.some((tag) => tag.id === tagId)) return error(404, 'Tag not found');
	const tags = state.contactTags[contactId] ?? [];
	if (!tags.includes(tagId)) return error(404, 'Tag is not assigned to this contact');
	state.contactTags[contactId] = tags.filter((tag) => tag !== tagId);
	return { status: 200, body: true };
}

/** The lifecycle routes; undefined for any other request. */
function contactLifecycle(
	request: SandboxRequest,
	state: ContactshipState,
	segments: string[],
): SandboxResponse | undefined {
	const [, resource, id, sub, subId] = segments;
	if (resource !== 'contacts') return undefined;
	if (segments.length === 2 && request.method === 'GET') return listContacts(request, state);
	if (segments.length === 3 && request.method === 'PATCH') return updateContact(request, state, id);
	if (segments.length === 3 && request.method === 'DELETE') return deleteContact(state, id);
	if (segments.length === 5 && sub === 'tags' && request.method === 'DELETE')
		return untagContact(state, id, subId);
	return undefined;
}

export const contactshipSandbox: SandboxVendor<ContactshipState> = {
	name: 'contactship',
	createState: seed,
	handle(request, state) {
		if (header(request, 'x-api-key') !== CONTACTSHIP_API_KEY)
			return error(401, 'Invalid or missing API key');
		const segments = request.path
			.split('/')
			.slice(1)
			.map((segment) => decodeURIComponent(segment));
		const [version, resource, id, sub, subId] = segments;
		if (version !== 'v1') return error(404, `Cannot ${request.method} ${request.path}`);
		const lifecycle = contactLifecycle(request, state, segments);
		if (lifecycle) return lifecycle;
		const callRoute = handleCallRoutes(request, state, segments.slice(1));
		if (callRoute) return callRoute;
		if (resource === 'tags' && id === undefined && request.method === 'GET')
			return listTags(request, state);
		if (resource === 'contacts') {
			if (id === undefined && request.method === 'POST') return createContact(request, state);
			if (id !== undefined && sub === undefined && request.method === 'GET')
				return getContact(request, state, id);
			if (
				id !== undefined &&
				sub === 'tags' &&
				subId !== undefined &&
				segments.length === 5 &&
				request.method === 'POST'
			) {
				return tagContact(state, id, subId);
			}
		}
		return error(404, `Cannot ${request.method} ${request.path}`);
	},
	rateLimited(_request, limit) {
		return {
			...error(429, 'Too many requests, please slow down'),
			headers: {
				'Retry-After': String(Math.max(0, Math.ceil((limit.windowEnd - Date.now()) / 1000))),
			},
		};
	},
};
