/**
 * SalesCaptain as its API document describes it (summed up in docs/vendor-facts.md):
 * Bearer auth, POST /v1/create-contact with its validation rules and error shapes
 * (`{status: "failure", error}` for 400/403/404/409, `{error, code, timestamp, path}` for
 * 401/429/500), plus the list endpoints the node's dropdowns and lookups use. Shapes the
 * vendor does not document (companies, tags) follow the assumptions in docs/vendor-facts.md.
 *
 * The contact lifecycle (docs/vendor-apis-beyond.md): list-contacts with its documented
 * paging, sort and search (FACT), update-contact (FACT: an empty email removes it),
 * add-tag-to-contact (FACT); fetch-contact, delete-contact and remove-tag-from-contact are
 * PRACTICE, served here in the shapes the node assumes. Copper Kettle Cafe is seeded with
 * SC_SEEDED_CONTACTS contacts, so listing it reads several pages.
 */
import type { SandboxRequest, SandboxResponse, SandboxVendor } from '../server';
import { header, ids, isUuid } from '../server';

export const SALESCAPTAIN_TOKEN = 'sc-test-token-1f0e9d';
/** A valid token whose user lacks the "contacts" role: creating answers 403. */
export const SALESCAPTAIN_TOKEN_WITHOUT_CONTACTS_ROLE = 'sc-readonly-token-77aa';

export const SC_COMPANIES = [
	{ company_id: 'a1b2c3d4-e5f6-4890-abcd-ef1234567890', company_name: 'Acme Outdoor' },
	{ company_id: 'b2c3d4e5-f6a7-4901-bcde-f12345678901', company_name: 'Bluebird Dental' },
	{ company_id: 'c3d4e5f6-a7b8-4012-8def-123456789012', company_name: 'Copper Kettle Cafe' },
];

export interface SalesCaptainCustomField {
	cf_id: string;
	cf_name: string;
	cf_label: string;
	cf_datatype: string;
	cf_description: string;
	company_id: string;
	active: boolean;
}

export interface SalesCaptainContact {
	contact_id: string;
	company_id: string;
	name: string;
	phone: string | null;
	email: string | null;
	conversation_id: string;
	created_at: string;
	updated_at: string;
	custom_fields: Array<{ cf_name: string; cf_value: string }>;
	tag_ids: string[];
}

/** How many contacts Copper Kettle Cafe holds at the start: three pages of 100. */
export const SC_SEEDED_CONTACTS = 230;

/** Copper Kettle Cafe's custom fields and tags, for its seeded contacts. */
export const SC_COPPER = {
	favouriteDrink: '1b8c9d0e-f2a3-4b5c-8d7e-8f9a0b1c2d3e',
	visits: '2c9d0e1f-a3b4-4c6d-9e8f-9a0b1c2d3e4f',
	regularTag: '33333333-cccc-4ccc-8ccc-000000000001',
	loyaltyCardTag: '33333333-cccc-4ccc-8ccc-000000000002',
};

/**
 * The seeded contact number `n` (1-based) of Copper Kettle Cafe, as the vendor stores it:
 * each has a favourite drink, every fifth is tagged Regular.
 */
export function seededContact(n: number): SalesCaptainContact {
	const serial = String(n).padStart(3, '0');
	const at = new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString();
	return {
		contact_id: `c0ffee00-0000-4000-8000-000000000${serial}`,
		company_id: SC_COMPANIES[2].company_id,
		name: `Guest ${serial}`,
		phone: `+1415555${String(1000 + n)}`,
		email: `guest${serial}@copperkettle.example`,
		conversation_id: `c0ffee00-0000-4000-9000-000000000${serial}`,
		created_at: at,
		updated_at: at,
		custom_fields: [{ cf_name: 'Favourite Drink', cf_value: n % 2 ? 'Latte' : 'Tea' }],
		tag_ids: n % 5 === 0 ? [SC_COPPER.regularTag] : [],
	};
}

export interface SalesCaptainState {
	customFields: SalesCaptainCustomField[];
	tags: Array<{ tag_id: string; tag_name: string; company_id: string }>;
	contacts: SalesCaptainContact[];
}

const [ACME, BLUEBIRD, COPPER] = SC_COMPANIES.map((company) => company.company_id);

function seed(): SalesCaptainState {
	return {
		customFields: [
			{
				cf_id: SC_COPPER.favouriteDrink,
				cf_name: 'favourite_drink',
				cf_label: 'Favourite Drink',
				cf_datatype: 'text',
				cf_description: '',
				company_id: COPPER,
				active: true,
			},
			{
				cf_id: SC_COPPER.visits,
				cf_name: 'visits',
				cf_label: 'Visits',
				cf_datatype: 'number',
				cf_description: 'Visits so far',
				company_id: COPPER,
				active: true,
			},
			{
				cf_id: 'd4e5f6a7-b8c9-4d1e-8f3a-4b5c6d7e8f9a',
				cf_name: 'industry',
				cf_label: 'Industry',
				cf_datatype: 'text',
				cf_description: 'Sector',
				company_id: ACME,
				active: true,
			},
			{
				cf_id: 'e5f6a7b8-c9d0-4e2f-9a4b-5c6d7e8f9a0b',
				cf_name: 'budget',
				cf_label: 'Budget',
				cf_datatype: 'number',
				cf_description: 'Yearly budget',
				company_id: ACME,
				active: true,
			},
			{
				cf_id: 'f6a7b8c9-d0e1-4f3a-8b5c-6d7e8f9a0b1c',
				cf_name: 'legacy_id',
				cf_label: 'Legacy ID',
				cf_datatype: 'text',
				cf_description: 'Old CRM id',
				company_id: ACME,
				active: false,
			},
			{
				cf_id: '0a7b8c9d-e1f2-4a4b-9c6d-7e8f9a0b1c2d',
				cf_name: 'insurer',
				cf_label: 'Insurer',
				cf_datatype: 'text',
				cf_description: '',
				company_id: BLUEBIRD,
				active: true,
			},
		],
		tags: [
			{ tag_id: SC_COPPER.regularTag, tag_name: 'Regular', company_id: COPPER },
			{ tag_id: SC_COPPER.loyaltyCardTag, tag_name: 'Loyalty Card', company_id: COPPER },
			{ tag_id: '11111111-aaaa-4aaa-8aaa-000000000001', tag_name: 'VIP', company_id: ACME },
			{ tag_id: '11111111-aaaa-4aaa-8aaa-000000000002', tag_name: 'Newsletter', company_id: ACME },
			{ tag_id: '11111111-aaaa-4aaa-8aaa-000000000003', tag_name: 'Cold lead', company_id: ACME },
			{
				tag_id: '22222222-bbbb-4bbb-8bbb-000000000001',
				tag_name: 'Recall due',
				company_id: BLUEBIRD,
			},
		],
		contacts: Array.from({ length: SC_SEEDED_CONTACTS }, (_, index) => seededContact(index + 1)),
	};
}

function failure(status: number, error: string): SandboxResponse {
	return { status, body: { status: 'failure', error } };
}

function systemError(
	status: number,
	error: string,
	code: string,
	request: SandboxRequest,
): SandboxResponse {
	return { status, body: { error, code, timestamp: new Date().toISOString(), path: request.path } };
}

function publicContact(contact: SalesCaptainContact) {
	const { company_id: _company, tag_ids: _tags, ...rest } = contact;
	return rest;
}

/** A contact as the list and fetch endpoints show it: with its tags. */
function listedContact(contact: SalesCaptainContact, state: SalesCaptainState) {
	const tags = contact.tag_ids.map((tagId) => ({
		tag_id: tagId,
		tag_name: state.tags.find((tag) => tag.tag_id === tagId)?.tag_name,
	}));
	return { ...publicContact(contact), tags };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `custom_fields` of a create or update body, checked as create checks them; a failure answer otherwise. */
function readCustomFields(
	value: unknown,
	companyId: unknown,
	state: SalesCaptainState,
): Array<{ cf_name: string; cf_value: string }> | SandboxResponse {
	const customFields: Array<{ cf_name: string; cf_value: string }> = [];
	if (value === undefined) return customFields;
	if (!Array.isArray(value)) return failure(400, 'custom_fields must be an array');
	for (const entry of value as Array<Record<string, unknown>>) {
		if (!isUuid(entry?.cf_id) || typeof entry.cf_value !== 'string') {
			return failure(400, 'Each custom field needs cf_id (uuid) and cf_value (string)');
		}
		const field = state.customFields.find(
			(candidate) =>
				candidate.cf_id === entry.cf_id && candidate.company_id === companyId && candidate.active,
		);
		if (!field)
			return failure(400, `Invalid or inactive custom field for this company: ${entry.cf_id}`);
		customFields.push({ cf_name: field.cf_label, cf_value: entry.cf_value });
	}
	return customFields;
}

function createContact(request: SandboxRequest, state: SalesCaptainState): SandboxResponse {
	const body = (request.body ?? {}) as Record<string, unknown>;
	if (!body.company_id) return failure(400, 'company_id is required');
	if (!isUuid(body.company_id)) return failure(400, 'company_id must be a valid UUID');
	if (!SC_COMPANIES.some((company) => company.company_id === body.company_id)) {
		return failure(403, "You don't have access to this company!");
	}
	if (typeof body.contact_name !== 'string' || body.contact_name.trim() === '')
		return failure(400, 'contact_name is required');
	const phone = body.contact_phone;
	const email = body.contact_email;
	if (!phone && !email)
		return failure(400, 'At least one of contact_phone or contact_email must be provided');
	if (phone !== undefined && typeof phone !== 'string')
		return failure(400, 'contact_phone must be a string');
	if (email !== undefined && (typeof email !== 'string' || !EMAIL.test(email))) {
		return failure(400, 'contact_email must be a valid email');
	}
	const allowed = ['company_id', 'contact_name', 'contact_phone', 'contact_email', 'custom_fields'];
	const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
	if (unknown.length) return failure(400, `Unknown field(s): ${unknown.join(', ')}`);

	const customFields = readCustomFields(body.custom_fields, body.company_id, state);
	if (!Array.isArray(customFields)) return customFields;
	if (
		phone &&
		state.contacts.some(
			(contact) => contact.company_id === body.company_id && contact.phone === phone,
		)
	) {
		return failure(409, 'Contact with this phone already exists!');
	}
	const now = new Date().toISOString();
	const contact: SalesCaptainContact = {
		contact_id: ids.uuid(),
		company_id: body.company_id as string,
		name: body.contact_name,
		phone: (phone as string | undefined) ?? null,
		email: (email as string | undefined) ?? null,
		conversation_id: ids.uuid(),
		created_at: now,
		updated_at: now,
		custom_fields: customFields,
		tag_ids: [],
	};
	state.contacts.push(contact);
	return {
		status: 201,
		body: { message: 'Contact created successfully!', contact: { data: publicContact(contact) } },
	};
}

const SORT_KEYS: Record<string, (contact: SalesCaptainContact) => string> = {
	name: (contact) => contact.name.toLowerCase(),
	number: (contact) => contact.phone ?? '',
	email: (contact) => (contact.email ?? '').toLowerCase(),
	created_at: (contact) => contact.created_at,
};

/** GET /v1/list-contacts/{company_id}: paged, searchable, sortable, as documented. */
function listContacts(
	request: SandboxRequest,
	state: SalesCaptainState,
	companyId: string,
): SandboxResponse {
	const { query } = request;
	if (query.page_number === undefined) return failure(400, 'page_number is required');
	const page = Number(query.page_number);
	if (!Number.isInteger(page) || page < 1)
		return failure(400, 'page_number must be an integer of at least 1');
	const perPage = Number(query.items_per_page ?? 10);
	if (!Number.isInteger(perPage) || perPage < 10 || perPage > 100)
		return failure(400, 'items_per_page must be between 10 and 100');
	if (query.sort_by !== undefined && !(query.sort_by in SORT_KEYS))
		return failure(400, 'sort_by must be one of name, number, email, created_at');
	if (query.sort_dir !== undefined && !['asc', 'desc'].includes(query.sort_dir))
		return failure(400, 'sort_dir must be asc or desc');
	const key = (query.search_key ?? '').toLowerCase();
	const matches = state.contacts.filter(
		(contact) =>
			contact.company_id === companyId &&
			(key === '' ||
				[contact.name, contact.phone, contact.email].some((value) =>
					(value ?? '').toLowerCase().includes(key),
				)),
	);
	if (query.sort_by) {
		const sortKey = SORT_KEYS[query.sort_by];
		const direction = query.sort_dir === 'desc' ? -1 : 1;
		matches.sort((a, b) => direction * sortKey(a).localeCompare(sortKey(b)));
	}
	const data = matches
		.slice((page - 1) * perPage, page * perPage)
		.map((contact) => listedContact(contact, state));
	return {
		status: 200,
		body: {
			message: 'Contacts fetched successfully!',
			contacts: {
				data,
				pagination: {
					page_number: page,
					items_per_page: perPage,
					total_count: matches.length,
					total_pages: Math.ceil(matches.length / perPage),
				},
			},
		},
	};
}

function findContact(state: SalesCaptainState, contactId: unknown, companyId?: unknown) {
	return state.contacts.find(
		(contact) =>
			contact.contact_id === contactId &&
			(companyId === undefined || contact.company_id === companyId),
	);
}

/** GET /v1/fetch-contact/{contact_id} (PRACTICE): the contact, in the create answer's shape. */
function fetchContact(state: SalesCaptainState, contactId: string): SandboxResponse {
	if (!isUuid(contactId)) return failure(400, 'contact_id must be a valid UUID');
	const contact = findContact(state, contactId);
	if (!contact) return failure(404, 'Contact not found!');
	return {
		status: 200,
		body: {
			message: 'Contact fetched successfully!',
			contact: { data: listedContact(contact, state) },
		},
	};
}

/** PUT /v1/update-contact/{contact_id} (FACT): only what is given changes; an empty email removes it. */
function updateContact(
	request: SandboxRequest,
	state: SalesCaptainState,
	contactId: string,
): SandboxResponse {
	const body = (request.body ?? {}) as Record<string, unknown>;
	if (!isUuid(contactId)) return failure(400, 'contact_id must be a valid UUID');
	if (!body.company_id) return failure(400, 'company_id is required');
	if (!isUuid(body.company_id)) return failure(400, 'company_id must be a valid UUID');
	if (!SC_COMPANIES.some((company) => company.company_id === body.company_id))
		return failure(403, "You don't have access to this company!");
	const allowed = ['company_id', 'name', 'phone', 'email', 'custom_fields'];
	const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
	if (unknown.length) return failure(400, `Unknown field(s): ${unknown.join(', ')}`);
	const contact = findContact(state, contactId, body.company_id);
	if (!contact) return failure(404, 'Contact not found!');
	const { name, phone, email } = body;
	if (name !== undefined && (typeof name !== 'string' || name.trim() === ''))
		return failure(400, 'name must be a non-empty string');
	if (phone !== undefined && (typeof phone !== 'string' || phone === ''))
		return failure(400, 'phone must be a non-empty string');
	if (email !== undefined && (typeof email !== 'string' || (email !== '' && !EMAIL.test(email))))
		return failure(400, 'email must be a valid email');
	const customFields = readCustomFields(body.custom_fields, body.company_id, state);
	if (!Array.isArray(customFields)) return customFields;
	if (
		phone &&
		state.contacts.some(
			(other) =>
				other !== contact && other.company_id === contact.company_id && other.phone === phone,
		)
	)
		return failure(409, 'Contact with this phone already exists!');

	if (name !== undefined) contact.name = name as string;
	if (phone !== undefined) contact.phone = phone as string;
	if (email !== undefined) contact.email = email === '' ? null : (email as string);
	for (const field of customFields) {
		const stored = contact.custom_fields.find((entry) => entry.cf_name === field.cf_name);
		if (stored) stored.cf_value = field.cf_value;
		else contact.custom_fields.push(field);
	}
	contact.updated_at = new Date().toISOString();
	return {
		status: 200,
		body: { message: 'Contact updated successfully!', contact: { data: publicContact(contact) } },
	};
}

/** DELETE /v1/delete-contact/{company_id}/{contact_id} (PRACTICE). */
function deleteContact(
	state: SalesCaptainState,
	companyId: string,
	contactId: string | undefined,
): SandboxResponse {
	if (!isUuid(contactId)) return failure(400, 'contact_id must be a valid UUID');
	const contact = findContact(state, contactId, companyId);
	if (!contact) return failure(404, 'Contact not found!');
	state.contacts.splice(state.contacts.indexOf(contact), 1);
	return { status: 200, body: { message: 'Contact deleted successfully!' } };
}

/** The contact and tag a tag call names, checked; a failure answer otherwise. */
function tagTarget(
	request: SandboxRequest,
	state: SalesCaptainState,
	companyId: string,
): { contact: SalesCaptainContact; tagId: string } | SandboxResponse {
	const body = (request.body ?? {}) as Record<string, unknown>;
	if (!isUuid(body.contact_id)) return failure(400, 'contact_id must be a valid UUID');
	if (!isUuid(body.tag_id)) return failure(400, 'tag_id must be a valid UUID');
	const contact = findContact(state, body.contact_id, companyId);
	if (!contact) return failure(404, 'Contact not found!');
	if (!state.tags.some((tag) => tag.tag_id === body.tag_id && tag.company_id === companyId))
		return failure(400, 'Invalid tag for this company');
	return { contact, tagId: body.tag_id as string };
}

function addTag(
	request: SandboxRequest,
	state: SalesCaptainState,
	companyId: string,
): SandboxResponse {
	const target = tagTarget(request, state, companyId);
	if ('status' in target) return target;
	const { contact, tagId } = target;
	if (contact.tag_ids.includes(tagId)) return failure(409, 'Tag already added to this contact!');
	contact.tag_ids.push(tagId);
	return { status: 200, body: { message: 'Tag added to contact successfully!' } };
}

/** DELETE /v1/remove-tag-from-contact/{company_id} (PRACTICE; body assumed `{contact_id, tag_id}`). */
function removeTag(
	request: SandboxRequest,
	state: SalesCaptainState,
	companyId: string,
): SandboxResponse {
	const target = tagTarget(request, state, companyId);
	if ('status' in target) return target;
	const { contact, tagId } = target;
	if (!contact.tag_ids.includes(tagId)) return failure(404, 'Tag is not added to this contact!');
	contact.tag_ids.splice(contact.tag_ids.indexOf(tagId), 1);
	return { status: 200, body: { message: 'Tag removed from contact successfully!' } };
}

/** Endpoints whose first path segment after the action is a company ID. */
const COMPANY_IN_PATH = new Set([
	'list-custom-fields',
	'list-tags',
	'list-contacts',
	'add-tag-to-contact',
	'remove-tag-from-contact',
	'delete-contact',
]);

export const salesCaptainSandbox: SandboxVendor<SalesCaptainState> = {
	name: 'salescaptain',
	createState: seed,
	handle(request, state) {
		const auth = header(request, 'authorization') ?? '';
		const token = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
		if (token !== SALESCAPTAIN_TOKEN && token !== SALESCAPTAIN_TOKEN_WITHOUT_CONTACTS_ROLE) {
			return systemError(401, 'Unauthorized access', 'UNAUTHORIZED', request);
		}
		const [, version, action, segment, lastSegment] = request.path.split('/');
		if (version !== 'v1') return systemError(404, 'Not found', 'NOT_FOUND', request);
		const companyId = COMPANY_IN_PATH.has(action) ? segment : undefined;
		const knownCompany = SC_COMPANIES.some((company) => company.company_id === companyId);
		if (companyId !== undefined && !knownCompany) return failure(400, 'Invalid company_id');
		const readOnly = token === SALESCAPTAIN_TOKEN_WITHOUT_CONTACTS_ROLE;

		if (request.method === 'GET' && action === 'fetch-companies') {
			return {
				status: 200,
				body: { message: 'Companies fetched successfully!', companies: SC_COMPANIES },
			};
		}
		if (request.method === 'GET' && action === 'list-custom-fields' && companyId) {
			const data = state.customFields
				.filter((field) => field.company_id === companyId && field.active)
				.map(({ company_id: _c, active: _a, ...field }) => field);
			return {
				status: 200,
				body: { message: 'Custom fields fetched successfully!', custom_fields: { data } },
			};
		}
		if (request.method === 'GET' && action === 'list-tags' && companyId) {
			const data = state.tags
				.filter((tag) => tag.company_id === companyId)
				.map(({ company_id: _c, ...tag }) => tag);
			return { status: 200, body: { message: 'Tags fetched successfully!', tags: { data } } };
		}
		if (request.method === 'GET' && action === 'list-contacts' && companyId)
			return listContacts(request, state, companyId);
		if (request.method === 'POST' && action === 'create-contact') {
			if (readOnly) return failure(403, "You don't have permission to create contact!");
			return createContact(request, state);
		}
		if (request.method === 'GET' && action === 'fetch-contact' && segment)
			return fetchContact(state, segment);
		if (request.method === 'PUT' && action === 'update-contact' && segment) {
			if (readOnly) return failure(403, "You don't have permission to update contact!");
			return updateContact(request, state, segment);
		}
		if (request.method === 'DELETE' && action === 'delete-contact' && companyId) {
			if (readOnly) return failure(403, "You don't have permission to delete contact!");
			return deleteContact(state, companyId, lastSegment);
		}
		if (request.method === 'POST' && action === 'add-tag-to-contact' && companyId)
			return addTag(request, state, companyId);
		if (request.method === 'DELETE' && action === 'remove-tag-from-contact' && companyId)
			return removeTag(request, state, companyId);
		return systemError(404, 'Not found', 'NOT_FOUND', request);
	},
	rateLimited(request) {
		return systemError(
			429,
			'Too many requests, please try again later',
			'RATE_LIMIT_EXCEEDED',
			request,
		);
	},
	rateLimitHeaders(limit) {
		return {
			'X-RateLimit-Limit': String(limit.limit),
			'X-RateLimit-Remaining': String(Math.max(0, limit.limit - limit.used)),
			'X-RateLimit-Reset': String(Math.ceil(limit.windowEnd / 1000)),
		};
	},
};
