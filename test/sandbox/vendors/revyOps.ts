/**
 * RevyOps as its API document describes it (summed up in docs/vendor-facts.md).
 *
 * - Auth (both documented ways): the workspace API key in `x-api-key` (PRACTICE) and/or the
 *   workspace `client_id` query parameter (the vendor reference). 403 `{detail}` when neither
 *   is given or one is wrong.
 * - POST /public/v2/contacts?structure=NESTED|FLAT: `company_id` as an integer ID or a
 *   domain; 201 with the contact; 400 / 401 (company of another client) / 404 (unknown
 *   company) / 409 (email or LinkedIn URL already used in this client) as documented.
 * - GET /public/v2/companies and /public/v2/contacts with `page` (from 1), `page_size`
 *   (at most 100) and their filters, answered `{count, next, previous, results}`.
 * - GET /public/v2/contacts/{id} and PATCH /public/v2/contacts/{contact_id}?structure=: one
 *   contact of the caller's client (404 otherwise); the patch is partial, takes `company_id`
 *   as an ID or a domain as create does, and answers 200 with the contact.
 * - Errors are `{detail}` (FACT). Field validation answers the way the vendor's framework
 *   (Django REST framework, whose `{detail}` and paging shapes RevyOps shows) does:
 *   `{"email": ["Enter a valid email address."]}` (PRACTICE). The 429 a throttled DRF API
 *   sends: `{detail: "Request was throttled. ..."}` with Retry-After.
 * - Assumptions, marked where they are made: a contact needs an email or a LinkedIn URL; a
 *   domain is resolved only to a company of the caller's own client; the sandbox rejects
 *   body properties RevyOps does not define (RevyOps may silently ignore them), so the node's
 *   body is checked exactly; the patch takes `contact_custom_fields_input` as create does and
 *   sets the named fields only (a name matched in any case), keeping the contact's others;
 *   a patch to an email or LinkedIn URL another contact has is a 409, as on create.
 */
import type { SandboxRequest, SandboxResponse, SandboxVendor } from '../server';
import { header } from '../server';

export interface RevyOpsClient {
	clientId: string;
	apiKey: string;
}

/**
 * The workspace the tests' credentials open. Secrets look random, as real ones do: the node
 * masks any 6-character run of a credential value in messages, so a client_id containing
 * a word RevyOps also writes ("client") would mask that word in its messages.
 */
export const REVYOPS_CLIENT: RevyOpsClient = {
	clientId: 'rvo-cid-4d1f8a93',
	apiKey: 'rvo-key-9c2e71b4d5',
};
/** Another workspace: its companies must not be usable with REVYOPS_CLIENT's credentials. */
export const REVYOPS_OTHER_CLIENT: RevyOpsClient = {
	clientId: 'rvo-cid-77b0c3e1',
	apiKey: 'rvo-key-other-51aa08',
};

export const MAX_FIELD_VALUE = 2500;
const MAX_PAGE_SIZE = 100;

export interface RevyOpsCompany {
	id: number;
	clientId: string;
	name: string;
	domain: string;
}

export interface RevyOpsCustomField {
	id: number;
	updated_time: string;
	field_name: string;
	field_value: string;
}

export interface RevyOpsContact {
	id: number;
	clientId: string;
	updated_time: string;
	email: string | null;
	linkedin_url: string | null;
	first_name: string;
	last_name: string;
	company_id: number | null;
	custom_fields: RevyOpsCustomField[];
	origin: string;
	contact_status: string;
}

export interface RevyOpsState {
	companies: RevyOpsCompany[];
	contacts: RevyOpsContact[];
	nextContactId: number;
	nextFieldId: number;
}

/** Named companies of REVYOPS_CLIENT; 125 generated ones follow so the picker has two pages. */
export const RO_COMPANIES = [
	{ id: 1001, name: 'Acme Outdoor', domain: 'acme-outdoor.com' },
	{ id: 1002, name: 'Bluebird Dental', domain: 'bluebird-dental.com' },
	{ id: 1003, name: 'Copper Kettle Cafe', domain: 'copperkettle.cafe' },
];
export const RO_GENERATED_COMPANIES = 125;
/** A company of REVYOPS_OTHER_CLIENT. */
export const RO_FOREIGN_COMPANY = {
	id: 2001,
	name: 'Harbor Freight Lines',
	domain: 'harborfreight.example',
};

/** A contact that already exists in REVYOPS_CLIENT (for 409 and "Return Existing"). */
export const RO_EXISTING_CONTACT = {
	id: 5001,
	email: 'dana.reyes@acme-outdoor.com',
	linkedin_url: 'https://www.linkedin.com/in/dana-reyes',
	first_name: 'Dana',
	last_name: 'Reyes',
};
/** Seeded contacts of REVYOPS_CLIENT: three pages of 100, the last one short. */
export const RO_SEEDED_CONTACTS = 250;
/** Custom field names the seeded contacts use; "Deal Size" only on contacts past the first 100. */
export const RO_FIELD_NAMES_FIRST_PAGE = ['Industry', 'Lead Source'];
export const RO_FIELD_NAME_LATER_PAGE = 'Deal Size';

const SEED_TIME = '2026-01-15T09:30:00Z';

function seed(): RevyOpsState {
	const companies: RevyOpsCompany[] = RO_COMPANIES.map((company) => ({
		...company,
		clientId: REVYOPS_CLIENT.clientId,
	}));
	for (let n = 1; n <= RO_GENERATED_COMPANIES; n++) {
		const number = String(n).padStart(3, '0');
		companies.push({
			id: 1100 + n,
			clientId: REVYOPS_CLIENT.clientId,
			name: `Northwind Branch ${number}`,
			domain: `branch${number}.northwind.example`,
		});
	}
	companies.push({ ...RO_FOREIGN_COMPANY, clientId: REVYOPS_OTHER_CLIENT.clientId });

	const state: RevyOpsState = {
		companies,
		contacts: [],
		nextContactId: RO_EXISTING_CONTACT.id,
		nextFieldId: 90001,
	};
	for (let n = 0; n < RO_SEEDED_CONTACTS; n++) {
		const fields: Array<[string, string]> = [
			['Industry', n % 2 ? 'Retail' : 'Outdoor gear'],
			['Lead Source', 'Trade show'],
		];
		if (n >= 100) fields.push([RO_FIELD_NAME_LATER_PAGE, '25000']);
		const person =
			n === 0
				? RO_EXISTING_CONTACT
				: {
						email: `contact${n}@acme-outdoor.com`,
						linkedin_url: null,
						first_name: `Person${n}`,
						last_name: 'Seed',
					};
		state.contacts.push({
			id: state.nextContactId++,
			clientId: REVYOPS_CLIENT.clientId,
			updated_time: SEED_TIME,
			email: person.email,
			linkedin_url: person.linkedin_url,
			first_name: person.first_name,
			last_name: person.last_name,
			company_id: 1001,
			custom_fields: fields.map(([field_name, field_value]) => ({
				id: state.nextFieldId++,
				updated_time: SEED_TIME,
				field_name,
				field_value,
			})),
			origin: 'CSV import',
			contact_status: 'Active',
		});
	}
	return state;
}

function detail(status: number, text: string): SandboxResponse {
	return { status, body: { detail: text } };
}

const CLIENTS = [REVYOPS_CLIENT, REVYOPS_OTHER_CLIENT];

/** The client a request acts for, or the 403 RevyOps answers. */
function authenticate(request: SandboxRequest): RevyOpsClient | SandboxResponse {
	const apiKey = header(request, 'x-api-key');
	const clientId = request.query.client_id;
	if (apiKey === undefined && clientId === undefined)
		return detail(403, 'Authentication credentials were not provided.');
	let client: RevyOpsClient | undefined;
	if (apiKey !== undefined) {
		client = CLIENTS.find((candidate) => candidate.apiKey === apiKey);
		if (!client) return detail(403, 'Invalid API key.');
	}
	if (clientId !== undefined) {
		const byId = CLIENTS.find((candidate) => candidate.clientId === clientId);
		if (!byId) return detail(403, 'Invalid client_id.');
		if (client && client !== byId)
			return detail(403, 'This API key does not belong to the given client_id.');
		client = byId;
	}
	return client!;
}

/** Django's email check, which is stricter than a plain a@b.c test (the TLD needs 2+ characters). */
function isDjangoEmail(value: string): boolean {
	return /^[^\s@]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$/i.test(value);
}

function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

function linkedinKey(value: string): string {
	return value.trim().toLowerCase().replace(/\/+$/, '');
}

type Structure = 'NESTED' | 'FLAT';

function readStructure(request: SandboxRequest): Structure | SandboxResponse {
	const structure = request.query.structure ?? 'NESTED';
	if (structure !== 'NESTED' && structure !== 'FLAT')
		return detail(400, `Invalid structure "${structure}". Use FLAT or NESTED.`);
	return structure;
}

function publicContact(contact: RevyOpsContact, structure: Structure) {
	return {
		id: contact.id,
		updated_time: contact.updated_time,
		email: contact.email,
		linkedin_url: contact.linkedin_url,
		first_name: contact.first_name,
		last_name: contact.last_name,
		company_id: contact.company_id,
		contact_custom_fields:
			structure === 'FLAT'
				? Object.fromEntries(
						contact.custom_fields.map((field) => [field.field_name, field.field_value]),
					)
				: contact.custom_fields.map((field) => ({ ...field })),
		origin: contact.origin,
		contact_status: contact.contact_status,
		first_campaign_email_sent: null,
		last_campaign_email_sent: null,
		last_reply_received: null,
		previous_status: null,
		status_changed_at: null,
	};
}

/** DRF page-number paging: page from 1, page_size capped at 100, 404 for a page past the end. */
function paginate<T>(
	request: SandboxRequest,
	records: T[],
): { page: T[]; count: number; next: string | null; previous: string | null } | SandboxResponse {
	const requestedSize = Number(request.query.page_size);
	const pageSize =
		Number.isInteger(requestedSize) && requestedSize > 0
			? Math.min(requestedSize, MAX_PAGE_SIZE)
			: MAX_PAGE_SIZE;
	const pageText = request.query.page ?? '1';
	const page = Number(pageText);
	const lastPage = Math.max(1, Math.ceil(records.length / pageSize));
	if (!/^\d+$/.test(pageText) || page < 1 || page > lastPage) return detail(404, 'Invalid page.');
	const link = (target: number) => {
		const query = new URLSearchParams({ ...request.query, page: String(target) });
		query.delete('client_id');
		return `https://app.revyops.com/api${request.path}?${query.toString()}`;
	};
	return {
		page: records.slice((page - 1) * pageSize, page * pageSize),
		count: records.length,
		next: page < lastPage ? link(page + 1) : null,
		previous: page > 1 ? link(page - 1) : null,
	};
}

function listCompanies(
	request: SandboxRequest,
	state: RevyOpsState,
	client: RevyOpsClient,
): SandboxResponse {
	const name = request.query.name?.toLowerCase();
	const domain = request.query.domain?.toLowerCase();
	const matches = state.companies.filter(
		(company) =>
			company.clientId === client.clientId &&
			(name === undefined || company.name.toLowerCase().includes(name)) &&
			(domain === undefined || company.domain === domain),
	);
	const paged = paginate(request, matches);
	if ('status' in paged) return paged;
	const results = paged.page.map(({ clientId: _client, ...company }) => ({
		...company,
		company_status: 'Active',
		updated_time: SEED_TIME,
	}));
	return {
		status: 200,
		body: { count: paged.count, next: paged.next, previous: paged.previous, results },
	};
}

function listContacts(
	request: SandboxRequest,
	state: RevyOpsState,
	client: RevyOpsClient,
): SandboxResponse {
	const structure = readStructure(request);
	if (typeof structure !== 'string') return structure;
	const { email, firstname, lastname, domain } = request.query;
	const contains = (value: string | null, part: string | undefined) =>
		part === undefined || (value ?? '').toLowerCase().includes(part.toLowerCase());
	const matches = state.contacts.filter((contact) => {
		if (contact.clientId !== client.clientId) return false;
		if (email !== undefined && (contact.email ?? '').toLowerCase() !== email.toLowerCase())
			return false;
		if (!contains(contact.first_name, firstname) || !contains(contact.last_name, lastname))
			return false;
		if (domain !== undefined) {
			const company = state.companies.find((candidate) => candidate.id === contact.company_id);
			if (!company || company.domain !== domain.toLowerCase()) return false;
		}
		return true;
	});
	const paged = paginate(request, matches);
	if ('status' in paged) return paged;
	const results = paged.page.map((contact) => publicContact(contact, structure));
	return {
		status: 200,
		body: { count: paged.count, next: paged.next, previous: paged.previous, results },
	};
}

const WRITABLE = [
	'email',
	'linkedin_url',
	'first_name',
	'last_name',
	'company_id',
	'contact_custom_fields_input',
	'origin',
	'contact_status',
];

type FieldErrors = Record<string, unknown>;

function checkCustomFields(value: unknown): unknown[] | string[] | undefined {
	if (!Array.isArray(value))
		return [`Expected a list of items but got type "${value === null ? 'null' : typeof value}".`];
	const itemErrors = value.map((entry) => {
		const errors: FieldErrors = {};
		if (!entry || typeof entry !== 'object' || Array.isArray(entry))
			return { non_field_errors: ['Invalid data. Expected a dictionary.'] };
		const { field_name: name, field_value: fieldValue, ...rest } = entry as Record<string, unknown>;
		if (name === undefined) errors.field_name = ['This field is required.'];
		else if (typeof name !== 'string') errors.field_name = ['Not a valid string.'];
		else if (name.trim() === '') errors.field_name = ['This field may not be blank.'];
		if (fieldValue === undefined) errors.field_value = ['This field is required.'];
		else if (typeof fieldValue !== 'string') errors.field_value = ['Not a valid string.'];
		else if ([...fieldValue].length > MAX_FIELD_VALUE)
			errors.field_value = [`Ensure this field has no more than ${MAX_FIELD_VALUE} characters.`];
		for (const key of Object.keys(rest)) errors[key] = ['Unknown field.'];
		return errors;
	});
	return itemErrors.some((errors) => Object.keys(errors).length > 0) ? itemErrors : undefined;
}

/** The request's JSON object, or the 400 RevyOps answers for anything else or an unknown property. */
function readContactBody(request: SandboxRequest): Record<string, unknown> | SandboxResponse {
	if (!request.body || typeof request.body !== 'object' || Array.isArray(request.body)) {
		return detail(400, 'JSON parse error - Expecting an object.');
	}
	const body = request.body as Record<string, unknown>;
	// Sandbox strictness (RevyOps may ignore them): read-only and unknown properties are refused.
	const unknown = Object.keys(body).filter((key) => !WRITABLE.includes(key));
	if (unknown.length) return detail(400, `Unknown or read-only field(s): ${unknown.join(', ')}`);
	return body;
}

/** Field errors of a create or patch body, in the framework's `{field: [message]}` form. */
function fieldErrors(body: Record<string, unknown>): FieldErrors {
	const errors: FieldErrors = {};
	const nullableString = (key: string) =>
		body[key] !== undefined && body[key] !== null && typeof body[key] !== 'string';
	if (nullableString('email')) errors.email = ['Not a valid string.'];
	else if (typeof body.email === 'string' && !isDjangoEmail(body.email))
		errors.email = ['Enter a valid email address.'];
	if (nullableString('linkedin_url')) errors.linkedin_url = ['Not a valid string.'];
	else if (typeof body.linkedin_url === 'string' && !isHttpUrl(body.linkedin_url))
		errors.linkedin_url = ['Enter a valid URL.'];
	for (const key of ['first_name', 'last_name', 'origin', 'contact_status']) {
		if (body[key] !== undefined && typeof body[key] !== 'string')
			errors[key] = ['Not a valid string.'];
	}
	const companyId = body.company_id;
	if (
		companyId !== undefined &&
		companyId !== null &&
		!(typeof companyId === 'string' && companyId.trim() !== '') &&
		!Number.isInteger(companyId)
	) {
		errors.company_id = ['A valid integer or domain is required.'];
	}
	if (body.contact_custom_fields_input !== undefined) {
		const fieldErrors = checkCustomFields(body.contact_custom_fields_input);
		if (fieldErrors) errors.contact_custom_fields_input = fieldErrors;
	}
	return errors;
}

/** `company_id` (an ID or a domain) -> the company, or the 404 / 401 RevyOps answers; null clears it. */
function resolveCompany(
	companyId: unknown,
	state: RevyOpsState,
	client: RevyOpsClient,
): RevyOpsCompany | null | undefined | SandboxResponse {
	if (companyId === undefined || companyId === null) return companyId;
	if (typeof companyId === 'number' || (typeof companyId === 'string' && /^\d+$/.test(companyId))) {
		const company = state.companies.find((candidate) => candidate.id === Number(companyId));
		if (!company) return detail(404, 'Company not found.');
		if (company.clientId !== client.clientId)
			return detail(401, 'Company does not belong to this client.');
		return company;
	}
	// ASSUMPTION: a domain resolves only to a company of the caller's own client.
	const domain = String(companyId).trim().toLowerCase();
	const company = state.companies.find(
		(candidate) => candidate.clientId === client.clientId && candidate.domain === domain,
	);
	return company ?? detail(404, 'Company not found.');
}

/** The 409 for an email or LinkedIn URL another contact of the client already has. */
function duplicateOf(
	state: RevyOpsState,
	client: RevyOpsClient,
	email: string | null,
	linkedin: string | null,
	self?: RevyOpsContact,
): SandboxResponse | undefined {
	const others = state.contacts.filter(
		(contact) => contact.clientId === client.clientId && contact !== self,
	);
	if (
		email &&
		others.some((contact) => (contact.email ?? '').toLowerCase() === email.toLowerCase())
	) {
		return detail(409, 'Contact with this email already exists.');
	}
	if (
		linkedin &&
		others.some(
			(contact) =>
				contact.linkedin_url !== null &&
				linkedinKey(contact.linkedin_url) === linkedinKey(linkedin),
		)
	) {
		return detail(409, 'Contact with this LinkedIn URL already exists.');
	}
	return undefined;
}

function createContact(
	request: SandboxRequest,
	state: RevyOpsState,
	client: RevyOpsClient,
): SandboxResponse {
	const structure = readStructure(request);
	if (typeof structure !== 'string') return structure;
	const body = readContactBody(request);
	if ('status' in body) return body as SandboxResponse;
	const errors = fieldErrors(body);
	if (Object.keys(errors).length) return { status: 400, body: errors };

	const email = (body.email as string | null | undefined) ?? null;
	const linkedin = (body.linkedin_url as string | null | undefined) ?? null;
	// ASSUMPTION: RevyOps identifies contacts by email or LinkedIn URL, so one is needed.
	if (!email && !linkedin) return detail(400, 'A contact needs an email or a linkedin_url.');

	const company = resolveCompany(body.company_id, state, client);
	if (company && 'status' in company) return company;
	const duplicate = duplicateOf(state, client, email, linkedin);
	if (duplicate) return duplicate;

	const now = new Date().toISOString();
	const inputs =
		(body.contact_custom_fields_input as
			Array<{ field_name: string; field_value: string }> | undefined) ?? [];
	const contact: RevyOpsContact = {
		id: state.nextContactId++,
		clientId: client.clientId,
		updated_time: now,
		email,
		linkedin_url: linkedin,
		first_name: (body.first_name as string | undefined) ?? '',
		last_name: (body.last_name as string | undefined) ?? '',
		company_id: company?.id ?? null,
		custom_fields: inputs.map((field) => ({
			id: state.nextFieldId++,
			updated_time: now,
			field_name: field.field_name,
			field_value: field.field_value,
		})),
		// ASSUMPTION: what RevyOps fills in when these are not given.
		origin: (body.origin as string | undefined) ?? 'API',
		contact_status: (body.contact_status as string | undefined) ?? 'Active',
	};
	state.contacts.push(contact);
	return { status: 201, body: publicContact(contact, structure) };
}

/** The client's contact at `/public/v2/contacts/{id}`, or the 404 the framework answers. */
function findContact(
	id: string,
	state: RevyOpsState,
	client: RevyOpsClient,
): RevyOpsContact | SandboxResponse {
	// The route takes an integer: anything else matches no route.
	if (!/^\d+$/.test(id)) return detail(404, 'Not found.');
	const contact = state.contacts.find(
		(candidate) => candidate.id === Number(id) && candidate.clientId === client.clientId,
	);
	return contact ?? detail(404, 'No Contact matches the given query.');
}

function getContact(
	request: SandboxRequest,
	state: RevyOpsState,
	client: RevyOpsClient,
	id: string,
): SandboxResponse {
	const structure = readStructure(request);
	if (typeof structure !== 'string') return structure;
	const contact = findContact(id, state, client);
	if ('status' in contact) return contact;
	return { status: 200, body: publicContact(contact, structure) };
}

/**
 * A partial update. ASSUMPTION (not in the vendor's update document): custom fields are
 * taken in `contact_custom_fields_input` as on create, and only the fields named change.
 */
function patchContact(
	request: SandboxRequest,
	state: RevyOpsState,
	client: RevyOpsClient,
	id: string,
): SandboxResponse {
	const structure = readStructure(request);
	if (typeof structure !== 'string') return structure;
	const contact = findContact(id, state, client);
	if ('status' in contact) return contact;
	const body = readContactBody(request);
	if ('status' in body) return body as SandboxResponse;
	const errors = fieldErrors(body);
	if (Object.keys(errors).length) return { status: 400, body: errors };

	const company = resolveCompany(body.company_id, state, client);
	if (company && 'status' in company) return company;
	const email = body.email === undefined ? contact.email : (body.email as string | null);
	const linkedin =
		body.linkedin_url === undefined ? contact.linkedin_url : (body.linkedin_url as string | null);
	const duplicate = duplicateOf(state, client, email, linkedin, contact);
	if (duplicate) return duplicate;

	const now = new Date().toISOString();
	contact.email = email;
	contact.linkedin_url = linkedin;
	for (const key of ['first_name', 'last_name', 'origin', 'contact_status'] as const) {
		if (typeof body[key] === 'string') contact[key] = body[key] as string;
	}
	if (company !== undefined) contact.company_id = company?.id ?? null;
	const inputs =
		(body.contact_custom_fields_input as
			Array<{ field_name: string; field_value: string }> | undefined) ?? [];
	for (const input of inputs) {
		const field = contact.custom_fields.find(
			(candidate) => candidate.field_name.toLowerCase() === input.field_name.toLowerCase(),
		);
		if (field) {
			field.field_value = input.field_value;
			field.updated_time = now;
		} else {
			contact.custom_fields.push({
				id: state.nextFieldId++,
				updated_time: now,
				field_name: input.field_name,
				field_value: input.field_value,
			});
		}
	}
	contact.updated_time = now;
	return { status: 200, body: publicContact(contact, structure) };
}

export const revyOpsSandbox: SandboxVendor<RevyOpsState> = {
	name: 'revyops',
	createState: seed,
	handle(request, state) {
		const client = authenticate(request);
		if ('status' in client) return client;
		const path = request.path.replace(/\/+$/, '');
		if (request.method === 'GET' && path === '/public/v2/companies')
			return listCompanies(request, state, client);
		if (request.method === 'GET' && path === '/public/v2/contacts')
			return listContacts(request, state, client);
		if (request.method === 'POST' && path === '/public/v2/contacts')
			return createContact(request, state, client);
		const contactId = /^\/public\/v2\/contacts\/([^/]+)$/.exec(path)?.[1];
		if (contactId !== undefined && request.method === 'GET')
			return getContact(request, state, client, decodeURIComponent(contactId));
		if (contactId !== undefined && request.method === 'PATCH')
			return patchContact(request, state, client, decodeURIComponent(contactId));
		return detail(404, 'Not found.');
	},
	rateLimited(_request, limit) {
		const seconds = Math.max(0, Math.ceil((limit.windowEnd - Date.now()) / 1000));
		return {
			status: 429,
			body: {
				detail: `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? '' : 's'}.`,
			},
			headers: { 'Retry-After': String(seconds) },
		};
	},
};
