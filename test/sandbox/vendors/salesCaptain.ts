/**
 * SalesCaptain as its API document describes it (summed up in docs/vendor-facts.md):
 * Bearer auth, POST /v1/create-contact with its validation rules and error shapes
 * (`{status: "failure", error}` for 400/403/409, `{error, code, timestamp, path}` for
 * 401/429/500), plus the list endpoints the node's dropdowns and lookups use. Shapes the
 * vendor does not document (companies, tags, contact list) follow the assumptions in docs/vendor-facts.md.
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

export interface SalesCaptainState {
	customFields: SalesCaptainCustomField[];
	tags: Array<{ tag_id: string; tag_name: string; company_id: string }>;
	contacts: SalesCaptainContact[];
}

const [ACME, BLUEBIRD] = SC_COMPANIES.map((company) => company.company_id);

function seed(): SalesCaptainState {
	return {
		customFields: [
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
			{ tag_id: '11111111-aaaa-4aaa-8aaa-000000000001', tag_name: 'VIP', company_id: ACME },
			{ tag_id: '11111111-aaaa-4aaa-8aaa-000000000002', tag_name: 'Newsletter', company_id: ACME },
			{ tag_id: '11111111-aaaa-4aaa-8aaa-000000000003', tag_name: 'Cold lead', company_id: ACME },
			{
				tag_id: '22222222-bbbb-4bbb-8bbb-000000000001',
				tag_name: 'Recall due',
				company_id: BLUEBIRD,
			},
		],
		contacts: [],
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
	if (
		email !== undefined &&
		(typeof email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
	) {
		return failure(400, 'contact_email must be a valid email');
	}
	const allowed = ['company_id', 'contact_name', 'contact_phone', 'contact_email', 'custom_fields'];
	const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
	if (unknown.length) return failure(400, `Unknown field(s): ${unknown.join(', ')}`);

	const customFields: Array<{ cf_name: string; cf_value: string }> = [];
	if (body.custom_fields !== undefined) {
		if (!Array.isArray(body.custom_fields)) return failure(400, 'custom_fields must be an array');
		for (const entry of body.custom_fields as Array<Record<string, unknown>>) {
			if (!isUuid(entry?.cf_id) || typeof entry.cf_value !== 'string') {
				return failure(400, 'Each custom field needs cf_id (uuid) and cf_value (string)');
			}
			const field = state.customFields.find(
				(candidate) =>
					candidate.cf_id === entry.cf_id &&
					candidate.company_id === body.company_id &&
					candidate.active,
			);
			if (!field)
				return failure(400, `Invalid or inactive custom field for this company: ${entry.cf_id}`);
			customFields.push({ cf_name: field.cf_label, cf_value: entry.cf_value });
		}
	}
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

function listContacts(
	request: SandboxRequest,
	state: SalesCaptainState,
	companyId: string,
): SandboxResponse {
	const page = Number(request.query.page_number ?? 1);
	const perPage = Number(request.query.items_per_page ?? 10);
	if (!(perPage >= 10 && perPage <= 100))
		return failure(400, 'items_per_page must be between 10 and 100');
	const key = (request.query.search_key ?? '').toLowerCase();
	const matches = state.contacts.filter(
		(contact) =>
			contact.company_id === companyId &&
			(key === '' ||
				[contact.name, contact.phone, contact.email].some((value) =>
					(value ?? '').toLowerCase().includes(key),
				)),
	);
	const data = matches.slice((page - 1) * perPage, page * perPage).map(publicContact);
	return {
		status: 200,
		body: { message: 'Contacts fetched successfully!', contacts: { data, total: matches.length } },
	};
}

function addTag(
	request: SandboxRequest,
	state: SalesCaptainState,
	companyId: string,
): SandboxResponse {
	const body = (request.body ?? {}) as Record<string, unknown>;
	const contact = state.contacts.find(
		(candidate) => candidate.contact_id === body.contact_id && candidate.company_id === companyId,
	);
	if (!contact) return failure(404, 'Contact not found!');
	if (!state.tags.some((tag) => tag.tag_id === body.tag_id && tag.company_id === companyId))
		return failure(400, 'Invalid tag for this company');
	if (contact.tag_ids.includes(body.tag_id as string))
		return failure(409, 'Tag already added to this contact!');
	contact.tag_ids.push(body.tag_id as string);
	return { status: 200, body: { message: 'Tag added to contact successfully!' } };
}

export const salesCaptainSandbox: SandboxVendor<SalesCaptainState> = {
	name: 'salescaptain',
	createState: seed,
	handle(request, state) {
		const auth = header(request, 'authorization') ?? '';
		const token = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
		if (token !== SALESCAPTAIN_TOKEN && token !== SALESCAPTAIN_TOKEN_WITHOUT_CONTACTS_ROLE) {
			return systemError(401, 'Unauthorized access', 'UNAUTHORIZED', request);
		}
		const [, version, action, companyId] = request.path.split('/');
		if (version !== 'v1') return systemError(404, 'Not found', 'NOT_FOUND', request);
		const knownCompany = SC_COMPANIES.some((company) => company.company_id === companyId);
		if (companyId !== undefined && !knownCompany) return failure(400, 'Invalid company_id');

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
			if (token === SALESCAPTAIN_TOKEN_WITHOUT_CONTACTS_ROLE)
				return failure(403, "You don't have permission to create contact!");
			return createContact(request, state);
		}
		if (request.method === 'POST' && action === 'add-tag-to-contact' && companyId)
			return addTag(request, state, companyId);
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
