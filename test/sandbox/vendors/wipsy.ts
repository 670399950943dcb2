/**
 * Wipsy CRM as its API document describes it (summed up in docs/vendor-facts.md):
 * `x-api-key` auth, POST /api-create-contact with its field types, `{error}` bodies for
 * 400/401/409/500, the free plan's monthly quota answered with 429 `{error, details}`, and
 * GET /api-get-contacts (`limit` 1..500, no other paging documented; `contactId` for one
 * contact) whose contacts embed their pipeline stage, tags and custom fields with the field
 * definitions.
 *
 * Not documented, chosen here (the node must not depend on them beyond what it says):
 * contacts are listed newest first; `contactId` answers the same `{success, data: [...]}`
 * list holding that contact, or none; stage objects carry `id` and `name`; tags are
 * `{id, name, color}`; duplicates are a phone/WhatsApp number or an email already used.
 * The sandbox rejects unknown body properties so a mapping typo cannot pass unnoticed.
 */
import type { SandboxRequest, SandboxResponse, SandboxVendor } from '../server';
import { header, isEmail, isUuid } from '../server';

export const WIPSY_API_KEY = 'wipsy-test-key-5c2a71';
export const WIPSY_USER_ID = '9f1c2d3e-4b5a-4697-8a8b-0c1d2e3f4a5b';
/** Contacts seeded; more than one GET may return, so the 500 limit shows. */
export const WIPSY_SEED_CONTACTS = 520;
export const WIPSY_LIST_MAX = 500;
export const WIPSY_FREE_PLAN_QUOTA = 100;

export interface WipsyStageRecord {
	id: string;
	name: string;
	color: string;
	stage_order: number;
	is_system: boolean;
	created_at: string;
	updated_at: string;
}

export interface WipsyTagRecord {
	id: string;
	name: string;
	color: string;
}

export interface WipsyFieldRecord {
	id: string;
	field_name: string;
	field_type: 'text' | 'email' | 'phone' | 'number' | 'date' | 'select';
	field_options: string[] | null;
	is_required: boolean;
	field_order: number;
}

export interface WipsyContactRecord {
	id: string;
	user_id: string;
	name: string;
	last_name: string | null;
	phone: string | null;
	whatsapp_id: string | null;
	email: string | null;
	profile_picture_url: string | null;
	pipeline_stage_id: string | null;
	address: string | null;
	city: string | null;
	province: string | null;
	company: string | null;
	notes: string | null;
	created_at: string;
	tag_ids: string[];
	field_values: Record<string, string>;
}

export interface WipsyState {
	stages: WipsyStageRecord[];
	tags: WipsyTagRecord[];
	fields: WipsyFieldRecord[];
	/** Oldest first; the list endpoint answers newest first. */
	contacts: WipsyContactRecord[];
	/** Contacts the account may still create this month (free plan: 100). */
	quotaRemaining: number;
}

const STAMP = '2024-01-15T10:00:00.000Z';

function stage(
	id: string,
	name: string,
	order: number,
	color: string,
	isSystem = false,
): WipsyStageRecord {
	return {
		id,
		name,
		color,
		stage_order: order,
		is_system: isSystem,
		created_at: STAMP,
		updated_at: STAMP,
	};
}

export const WIPSY_STAGES = {
	newLead: stage('5a000000-0000-4000-8000-000000000001', 'New Lead', 1, '#3B82F6', true),
	contacted: stage('5a000000-0000-4000-8000-000000000002', 'Contacted', 2, '#F59E0B'),
	qualified: stage('5a000000-0000-4000-8000-000000000003', 'Qualified', 3, '#10B981'),
	won: stage('5a000000-0000-4000-8000-000000000004', 'Won', 4, '#22C55E'),
	/** Only on contacts older than the newest 500: never listed. */
	archived: stage('5a000000-0000-4000-8000-000000000009', 'Archived', 9, '#6B7280'),
	/** On no contact at all: never listed, still accepted by ID. */
	lost: stage('5a000000-0000-4000-8000-000000000005', 'Lost', 5, '#EF4444'),
};

export const WIPSY_TAGS = {
	vip: { id: '7a000000-0000-4000-8000-000000000001', name: 'VIP', color: '#F43F5E' },
	newsletter: { id: '7a000000-0000-4000-8000-000000000002', name: 'Newsletter', color: '#0EA5E9' },
	webinar: { id: '7a000000-0000-4000-8000-000000000003', name: 'Webinar 2024', color: '#8B5CF6' },
	/** Only on contacts older than the newest 500. */
	oldImport: { id: '7a000000-0000-4000-8000-000000000004', name: 'Old import', color: '#6B7280' },
	/** On no contact. */
	unused: { id: '7a000000-0000-4000-8000-000000000005', name: 'Unused', color: '#000000' },
};

export const WIPSY_FIELDS = {
	industry: {
		id: 'cf000000-0000-4000-8000-000000000001',
		field_name: 'Industry',
		field_type: 'text',
		field_options: null,
		is_required: false,
		field_order: 1,
	},
	budget: {
		id: 'cf000000-0000-4000-8000-000000000002',
		field_name: 'Budget',
		field_type: 'number',
		field_options: null,
		is_required: false,
		field_order: 2,
	},
	birthday: {
		id: 'cf000000-0000-4000-8000-000000000003',
		field_name: 'Birthday',
		field_type: 'date',
		field_options: null,
		is_required: false,
		field_order: 3,
	},
	plan: {
		id: 'cf000000-0000-4000-8000-000000000004',
		field_name: 'Plan',
		field_type: 'select',
		field_options: ['Bronze', 'Silver', 'Gold'],
		is_required: false,
		field_order: 4,
	},
	workEmail: {
		id: 'cf000000-0000-4000-8000-000000000005',
		field_name: 'Work Email',
		field_type: 'email',
		field_options: null,
		is_required: false,
		field_order: 5,
	},
	mobile: {
		id: 'cf000000-0000-4000-8000-000000000006',
		field_name: 'Mobile',
		field_type: 'phone',
		field_options: null,
		is_required: false,
		field_order: 6,
	},
	/** Only on contacts older than the newest 500: the node cannot know its type. */
	referral: {
		id: 'cf000000-0000-4000-8000-000000000007',
		field_name: 'Referral Code',
		field_type: 'number',
		field_options: null,
		is_required: false,
		field_order: 7,
	},
} satisfies Record<string, WipsyFieldRecord>;

function pad(number: number, width: number): string {
	return String(number).padStart(width, '0');
}

/** The seed phone of contact n (0 = oldest). */
export function seedPhone(n: number): string {
	return `+1555${pad(n, 7)}`;
}

export function seedEmail(n: number): string {
	return `contact${n}@example.com`;
}

function seedContact(n: number): WipsyContactRecord {
	// The 20 oldest contacts fall outside the newest 500 the list endpoint can return.
	const old = n < WIPSY_SEED_CONTACTS - WIPSY_LIST_MAX;
	const listedStages = [
		WIPSY_STAGES.newLead,
		WIPSY_STAGES.contacted,
		WIPSY_STAGES.qualified,
		WIPSY_STAGES.won,
	];
	const tagIds: string[] = [];
	const fieldValues: Record<string, string> = {};
	let stageId: string | null = null;
	if (old) {
		stageId = WIPSY_STAGES.archived.id;
		tagIds.push(WIPSY_TAGS.oldImport.id, WIPSY_TAGS.vip.id);
		fieldValues[WIPSY_FIELDS.referral.id] = String(1000 + n);
	} else {
		// Every fifth contact has no stage; tags and fields overlap between contacts.
		if (n % 5 !== 0) stageId = listedStages[n % listedStages.length].id;
		if (n % 3 === 0) tagIds.push(WIPSY_TAGS.vip.id);
		if (n % 4 === 0) tagIds.push(WIPSY_TAGS.newsletter.id);
		if (n === 300) tagIds.push(WIPSY_TAGS.webinar.id);
		if (n % 2 === 0) fieldValues[WIPSY_FIELDS.industry.id] = 'Retail';
		if (n % 7 === 0) fieldValues[WIPSY_FIELDS.budget.id] = String(n * 10);
		if (n === 450) {
			fieldValues[WIPSY_FIELDS.plan.id] = 'Gold';
			fieldValues[WIPSY_FIELDS.birthday.id] = '1990-05-17';
			fieldValues[WIPSY_FIELDS.workEmail.id] = 'boss@example.com';
			fieldValues[WIPSY_FIELDS.mobile.id] = '+15550001111';
		}
	}
	return {
		id: `c0000000-0000-4000-8000-${pad(n, 12)}`,
		user_id: WIPSY_USER_ID,
		name: `Contact ${n}`,
		last_name: null,
		phone: seedPhone(n),
		whatsapp_id: seedPhone(n),
		email: seedEmail(n),
		profile_picture_url: null,
		pipeline_stage_id: stageId,
		address: null,
		city: null,
		province: null,
		company: null,
		notes: null,
		created_at: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
		tag_ids: tagIds,
		field_values: fieldValues,
	};
}

function seed(): WipsyState {
	return {
		stages: Object.values(WIPSY_STAGES).map((record) => ({ ...record })),
		tags: Object.values(WIPSY_TAGS).map((record) => ({ ...record })),
		fields: Object.values(WIPSY_FIELDS).map((record) => ({
			...record,
			field_options: record.field_options ? [...record.field_options] : null,
		})),
		contacts: Array.from({ length: WIPSY_SEED_CONTACTS }, (_, n) => seedContact(n)),
		quotaRemaining: WIPSY_FREE_PLAN_QUOTA,
	};
}

function error(status: number, message: string): SandboxResponse {
	return { status, body: { error: message } };
}

/** A contact as Wipsy returns it: stage, tags and custom fields (with definitions) embedded. */
export function publicContact(contact: WipsyContactRecord, state: WipsyState) {
	const { tag_ids: tagIds, field_values: fieldValues, ...rest } = contact;
	const stageRecord = state.stages.find((candidate) => candidate.id === contact.pipeline_stage_id);
	return {
		...rest,
		pipeline_stage: stageRecord ? { ...stageRecord } : null,
		tags: tagIds.map((id) => state.tags.find((tag) => tag.id === id)).filter(Boolean),
		custom_fields: Object.entries(fieldValues).map(([fieldId, value]) => {
			const { id: _id, ...field } = state.fields.find((candidate) => candidate.id === fieldId)!;
			return { customer_id: contact.id, field_id: fieldId, field_value: value, field };
		}),
	};
}

function listContacts(request: SandboxRequest, state: WipsyState): SandboxResponse {
	const { contactId } = request.query;
	if (contactId !== undefined) {
		// ASSUMPTION: `contactId` narrows the same list to that contact (none when unknown).
		const found = state.contacts.filter((contact) => contact.id === contactId);
		return {
			status: 200,
			body: { success: true, data: found.map((contact) => publicContact(contact, state)) },
		};
	}
	const limitText = request.query.limit ?? '50';
	const limit = Number(limitText);
	if (!/^\d+$/.test(limitText) || limit < 1 || limit > WIPSY_LIST_MAX) {
		return error(400, `limit must be an integer between 1 and ${WIPSY_LIST_MAX}`);
	}
	const newestFirst = [...state.contacts].reverse().slice(0, limit);
	return {
		status: 200,
		body: { success: true, data: newestFirst.map((contact) => publicContact(contact, state)) },
	};
}

const STRING_OR_NULL = [
	'last_name',
	'phone',
	'email',
	'whatsapp_id',
	'pipeline_stage_id',
	'profile_picture_url',
	'address',
	'city',
	'province',
	'company',
	'notes',
];
const ALLOWED = ['name', ...STRING_OR_NULL, 'tags', 'custom_fields'];

function normalisePhone(value: string): string {
	return `+${value.replace(/\D/g, '')}`;
}

function createContact(request: SandboxRequest, state: WipsyState): SandboxResponse {
	const body = request.body;
	if (!body || typeof body !== 'object' || Array.isArray(body))
		return error(400, 'Request body must be a JSON object');
	const fields = body as Record<string, unknown>;
	const unknown = Object.keys(fields).filter((key) => !ALLOWED.includes(key));
	if (unknown.length) return error(400, `Unknown field(s): ${unknown.join(', ')}`);
	if (typeof fields.name !== 'string' || fields.name.trim() === '')
		return error(400, 'name is required');
	for (const key of STRING_OR_NULL) {
		if (fields[key] !== undefined && fields[key] !== null && typeof fields[key] !== 'string')
			return error(400, `${key} must be a string`);
	}
	if (fields.email && !isEmail(fields.email)) return error(400, 'Invalid email format');
	if (fields.phone && (fields.phone as string).replace(/\D/g, '').length < 7)
		return error(400, 'Invalid phone number');
	if (
		fields.pipeline_stage_id &&
		!state.stages.some((candidate) => candidate.id === fields.pipeline_stage_id)
	) {
		return error(400, 'Invalid pipeline_stage_id');
	}
	const tagIds: string[] = [];
	if (fields.tags !== undefined) {
		if (!Array.isArray(fields.tags)) return error(400, 'tags must be an array of tag IDs');
		for (const tagId of fields.tags) {
			if (!isUuid(tagId) || !state.tags.some((tag) => tag.id === tagId))
				return error(400, `Invalid tag ID: ${String(tagId)}`);
			tagIds.push(tagId as string);
		}
	}
	const fieldValues: Record<string, string> = {};
	if (fields.custom_fields !== undefined) {
		const given = fields.custom_fields;
		if (!given || typeof given !== 'object' || Array.isArray(given))
			return error(400, 'custom_fields must be an object of field_id: value pairs');
		for (const [fieldId, value] of Object.entries(given as Record<string, unknown>)) {
			const field = state.fields.find((candidate) => candidate.id === fieldId);
			if (!field) return error(400, `Invalid custom field ID: ${fieldId}`);
			if (typeof value !== 'string')
				return error(400, `Custom field ${field.field_name} must be a string`);
			if (field.field_type === 'select' && !field.field_options?.includes(value)) {
				return error(400, `Invalid option for ${field.field_name}`);
			}
			fieldValues[fieldId] = value;
		}
	}
	const phone = fields.phone ? normalisePhone(fields.phone as string) : null;
	const whatsappId = fields.whatsapp_id ? normalisePhone(fields.whatsapp_id as string) : phone;
	const email = (fields.email as string | undefined)?.toLowerCase() ?? null;
	const numbers = [phone, whatsappId].filter(Boolean);
	if (
		numbers.length &&
		state.contacts.some(
			(contact) => numbers.includes(contact.phone) || numbers.includes(contact.whatsapp_id),
		)
	) {
		return error(409, 'Contact with this phone number already exists');
	}
	if (email && state.contacts.some((contact) => contact.email === email))
		return error(409, 'Contact with this email already exists');
	if (state.quotaRemaining <= 0) {
		return {
			status: 429,
			body: {
				error: 'Monthly contact limit reached',
				details: `Free plan users can create up to ${WIPSY_FREE_PLAN_QUOTA} contacts per month. Upgrade your plan to create more.`,
			},
		};
	}
	state.quotaRemaining--;
	const text = (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string) : null);
	const contact: WipsyContactRecord = {
		id: `c1000000-0000-4000-8000-${String(state.contacts.length).padStart(12, '0')}`,
		user_id: WIPSY_USER_ID,
		name: fields.name,
		last_name: text('last_name'),
		phone,
		whatsapp_id: whatsappId,
		email,
		profile_picture_url: text('profile_picture_url'),
		pipeline_stage_id: text('pipeline_stage_id'),
		address: text('address'),
		city: text('city'),
		province: text('province'),
		company: text('company'),
		notes: text('notes'),
		created_at: new Date().toISOString(),
		tag_ids: tagIds,
		field_values: fieldValues,
	};
	state.contacts.push(contact);
	return {
		status: 201,
		body: {
			success: true,
			data: publicContact(contact, state),
			message: 'Contact created successfully',
		},
	};
}

export const wipsySandbox: SandboxVendor<WipsyState> = {
	name: 'wipsy',
	createState: seed,
	handle(request, state) {
		const key = header(request, 'x-api-key');
		if (!key) return error(401, 'Missing API key');
		if (key !== WIPSY_API_KEY) return error(401, 'Invalid API key');
		if (request.method === 'GET' && request.path === '/api-get-contacts')
			return listContacts(request, state);
		if (request.method === 'POST' && request.path === '/api-create-contact')
			return createContact(request, state);
		return error(404, 'Not found');
	},
};
