/**
 * Contactship's calls, as its API reference describes them: GET /v1/agents, GET /v1/phone-numbers
 * (`limit` 5 by default, `offset`, `order`, `type`; `{data, count}`), POST
 * /v1/calls/single-contact-call, POST /v1/calls/single-phone-call, GET /v1/calls/{callId}
 * (transcript included unless `include_transcript=false`) and GET /v1/calls (`limit` 20 by default,
 * `offset`, `order`, `date_from`, `date_to`, `call_status`, `call_result`, `agent_id`,
 * `phoneNumber`; `{data, count}`).
 *
 * A call moves on with the clock: it waits (`scheduled` while a delay or schedule runs,
 * then `in-queue`), talks (`in-progress`), then ends with a result, duration, summary and
 * sentiment. How long each stage lasts is in the state (`callTimings`), so tests can hurry it.
 * Every start is counted per contact (or number) and agent (`callStarts`), so a test can assert
 * that no call was ever started twice.
 *
 * Not documented, so assumed here: a start answers 201; an unknown agent answers 404 like an
 * unknown contact or number; `from_number` of a phone call must be one of the organisation's
 * outbound numbers (400 otherwise); unknown body properties are refused with 400.
 */
import type { SandboxRequest, SandboxResponse } from '../server';
import { ids, isE164, isEmail } from '../server';

export interface ContactshipAgent {
	id: string;
	name: string;
	person_name: string;
	language: string;
	created_at: string;
}

export interface ContactshipPhoneNumber {
	id: string;
	phone_number: string;
	type: 'inbound' | 'outbound';
	organization_id: string;
	created_at: string;
}

/** How a call ends, played in turn by the calls started. */
interface Ending {
	call_status: string;
	call_result: string;
	disconnection_reason: string;
	duration: number;
	summary: string;
	sentiment: string;
}

export interface ContactshipCall {
	id: string;
	/** The order calls were started in (the ending they play). */
	seq: number;
	created_at: string;
	agent_id: string;
	contact_id: string | null;
	contact: {
		id: string | null;
		full_name: string;
		phone_number: string;
		email: string | null;
		country: string | null;
	};
	from: string;
	additional_data: Array<{ key: string; value: string }>;
	metadata: Record<string, unknown> | null;
	webhook_url: string | null;
	/** Epoch ms at which the call is placed (after a delay or at its schedule). */
	placeAt: number;
	scheduled: boolean;
}

export interface CallTimings {
	/** Time in the queue once placed, then time talking, in ms. */
	queueMs: number;
	talkMs: number;
}

export interface ContactshipCallState {
	agents: ContactshipAgent[];
	phoneNumbers: ContactshipPhoneNumber[];
	calls: ContactshipCall[];
	/** `<contact id or to number>|<agent id>` -> how many calls were started. */
	callStarts: Record<string, number>;
	callTimings: CallTimings;
}

const ORGANIZATION_ID = '7c0d4f5e-2a61-4b8e-9d3c-5f1a2b3c4d5e';

function agent(n: number, name: string, person: string, language: string): ContactshipAgent {
	return {
		id: `a9e70000-0000-4000-8000-${String(n).padStart(12, '0')}`,
		name,
		person_name: person,
		language,
		created_at: new Date(Date.UTC(2025, 1, 1) + n * 60_000).toISOString(),
	};
}

function phoneNumber(
	n: number,
	number: string,
	type: 'inbound' | 'outbound',
): ContactshipPhoneNumber {
	return {
		id: `90e00000-0000-4000-8000-${String(n).padStart(12, '0')}`,
		phone_number: number,
		type,
		organization_id: ORGANIZATION_ID,
		created_at: new Date(Date.UTC(2025, 2, 1) + n * 60_000).toISOString(),
	};
}

export const CS_SEED_AGENTS: ContactshipAgent[] = [
	agent(1, 'Sales Qualifier', 'Sofia', 'en'),
	agent(2, 'Appointment Setter', 'Mateo', 'es'),
	agent(3, 'Payment Reminder', 'Ava', 'en'),
];

/** Six outbound numbers (more than one default page of 5) and one inbound. */
export const CS_SEED_PHONE_NUMBERS: ContactshipPhoneNumber[] = [
	phoneNumber(1, '+12025550101', 'outbound'),
	phoneNumber(2, '+12025550102', 'outbound'),
	phoneNumber(3, '+14155550103', 'inbound'),
	phoneNumber(4, '+12025550104', 'outbound'),
	phoneNumber(5, '+525550000105', 'outbound'),
	phoneNumber(6, '+12025550106', 'outbound'),
	phoneNumber(7, '+12025550107', 'outbound'),
];

/** The endings calls play in turn: the first call started is answered, the second goes to voicemail, … */
export const CALL_ENDINGS: Ending[] = [
	{
		call_status: 'completed',
		call_result: 'answered',
		disconnection_reason: 'agent_hangup',
		duration: 317,
		summary: 'The contact asked for a demo of the premium plan.',
		sentiment: 'positive',
	},
	{
		call_status: 'voice_mail',
		call_result: 'voicemail',
		disconnection_reason: 'voicemail_reached',
		duration: 31,
		summary: 'The call reached voicemail; the agent left a message.',
		sentiment: 'neutral',
	},
	{
		call_status: 'no-answer',
		call_result: 'no_answer',
		disconnection_reason: 'dial_no_answer',
		duration: 0,
		summary: 'Nobody answered.',
		sentiment: 'neutral',
	},
	{
		call_status: 'busy',
		call_result: 'busy',
		disconnection_reason: 'dial_busy',
		duration: 0,
		summary: 'The line was busy.',
		sentiment: 'neutral',
	},
];

export const CALL_STATUSES = [
	'in-progress',
	'completed',
	'no-answer',
	'failed',
	'in-queue',
	'incomplete',
	'busy',
	'answering-machine',
	'scheduled',
	'voice_mail',
];
export const CALL_RESULTS = ['answered', 'voicemail', 'no_answer', 'busy', 'failed'];

export function seedCalls(): ContactshipCallState {
	return {
		agents: CS_SEED_AGENTS.map((entry) => ({ ...entry })),
		phoneNumbers: CS_SEED_PHONE_NUMBERS.map((entry) => ({ ...entry })),
		calls: [],
		callStarts: {},
		callTimings: { queueMs: 1000, talkMs: 2000 },
	};
}

/** The contact fields a call reads (the contact store belongs to contactship.ts). */
interface KnownContact {
	id: string;
	full_name: string;
	phone_number: string;
	email: string | null;
	country: string | null;
}

export interface CallsState extends ContactshipCallState {
	contacts: KnownContact[];
}

const REASONS: Record<number, string> = {
	400: 'Bad Request',
	404: 'Not Found',
};

function error(status: number, message: string | string[]): SandboxResponse {
	return { status, body: { statusCode: status, message, error: REASONS[status] ?? 'Error' } };
}

/** Where a call is at `now`: its status, and its ending once over. */
export function callStage(
	call: ContactshipCall,
	timings: CallTimings,
	now = Date.now(),
): { status: string; ending?: Ending; startAt?: number; finishedAt?: number } {
	if (now < call.placeAt) return { status: call.scheduled ? 'scheduled' : 'in-queue' };
	const startAt = call.placeAt + timings.queueMs;
	if (now < startAt) return { status: 'in-queue' };
	const ending = CALL_ENDINGS[call.seq % CALL_ENDINGS.length];
	const finishedAt = startAt + timings.talkMs;
	if (now < finishedAt) return { status: 'in-progress', startAt };
	return { status: ending.call_status, ending, startAt, finishedAt };
}

/** A call as GET /v1/calls/{callId} and GET /v1/calls answer it. */
export function renderCall(
	call: ContactshipCall,
	timings: CallTimings,
	transcript: boolean,
	now = Date.now(),
): Record<string, unknown> {
	const stage = callStage(call, timings, now);
	const ended = stage.ending !== undefined;
	const answered = stage.ending?.call_result === 'answered';
	return {
		id: call.id,
		direction: 'outbound',
		from: call.from,
		call_record: answered ? `https://api.contactship.ai/recordings/${call.id}.mp3` : null,
		call_status: stage.status,
		call_result: stage.ending?.call_result ?? null,
		disconnection_reason: stage.ending?.disconnection_reason ?? null,
		finished_at: stage.finishedAt ? new Date(stage.finishedAt).toISOString() : null,
		start_at: stage.startAt ? new Date(stage.startAt).toISOString() : null,
		duration: stage.ending?.duration ?? null,
		call_analysis: ended
			? { summary: stage.ending!.summary, sentiment: stage.ending!.sentiment }
			: null,
		type: 'ai_call',
		created_at: call.created_at,
		agent_id: call.agent_id,
		campaign_id: null,
		contact: call.contact,
		...(transcript
			? {
					chat_history: answered
						? [
								{ role: 'agent', content: `Hello, am I speaking with ${call.contact.full_name}?` },
								{ role: 'user', content: 'Yes, speaking.' },
							]
						: [],
					transcript_format: 'json',
				}
			: {}),
	};
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** The checks both start endpoints share: additional_data, delay, schedule, metadata. */
function checkCommon(body: Record<string, unknown>, problems: string[]): void {
	if (body.additional_data !== undefined) {
		if (!Array.isArray(body.additional_data)) problems.push('additional_data must be an array');
		else
			body.additional_data.forEach((entry: unknown, index) => {
				if (!isPlainObject(entry))
					return problems.push(`additional_data.${index} must be an object`);
				for (const key of Object.keys(entry))
					if (key !== 'key' && key !== 'value')
						problems.push(`additional_data.${index}.property ${key} should not exist`);
				for (const key of ['key', 'value'])
					if (typeof entry[key] !== 'string' || entry[key] === '')
						problems.push(`additional_data.${index}.${key} must be a non-empty string`);
				return undefined;
			});
	}
	if (body.delay !== undefined && (typeof body.delay !== 'number' || body.delay < 0))
		problems.push('delay must be a number not less than 0');
	if (body.schedule !== undefined) {
		const schedule = body.schedule;
		if (!isPlainObject(schedule)) problems.push('schedule must be an object');
		else {
			if (
				typeof schedule.date !== 'string' ||
				!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(schedule.date)
			)
				problems.push('schedule.date must be in yyyy-MM-dd HH:mm:ss format');
			if (typeof schedule.timezone !== 'string' || schedule.timezone === '')
				problems.push('schedule.timezone should not be empty');
		}
	}
	if (body.metadata !== undefined && !isPlainObject(body.metadata))
		problems.push('metadata must be an object');
}

/** When a call with this delay / schedule is placed (the schedule read as UTC: enough for tests). */
function placeAt(body: Record<string, unknown>, now: number): { at: number; scheduled: boolean } {
	const schedule = body.schedule as { date: string } | undefined;
	if (schedule) return { at: Date.parse(`${schedule.date.replace(' ', 'T')}Z`), scheduled: true };
	const delay = typeof body.delay === 'number' ? body.delay : 0;
	return { at: now + delay * 60_000, scheduled: delay > 0 };
}

function startCall(
	state: CallsState,
	body: Record<string, unknown>,
	contact: ContactshipCall['contact'],
	from: string,
	countKey: string,
): SandboxResponse {
	const now = Date.now();
	const { at, scheduled } = placeAt(body, now);
	const call: ContactshipCall = {
		id: ids.uuid(),
		seq: state.calls.length,
		created_at: new Date(now).toISOString(),
		agent_id: body.agent_id as string,
		contact_id: contact.id,
		contact,
		from,
		additional_data: (body.additional_data as ContactshipCall['additional_data']) ?? [],
		metadata: (body.metadata as Record<string, unknown>) ?? null,
		webhook_url: (body.webhook_url as string) ?? null,
		placeAt: at,
		scheduled,
	};
	state.calls.push(call);
	const key = `${countKey}|${call.agent_id}`;
	state.callStarts[key] = (state.callStarts[key] ?? 0) + 1;
	return {
		status: 201,
		body: {
			call_id: call.id,
			agent_id: call.agent_id,
			contact_id: call.contact_id,
			created_at: call.created_at,
		},
	};
}

const CONTACT_CALL_FIELDS = [
	'contact_id',
	'agent_id',
	'from_number_id',
	'additional_data',
	'delay',
	'schedule',
	'metadata',
];

function singleContactCall(request: SandboxRequest, state: CallsState): SandboxResponse {
	if (!isPlainObject(request.body)) return error(400, 'Request body must be a JSON object');
	const body = request.body;
	const problems: string[] = [];
	for (const key of Object.keys(body))
		if (!CONTACT_CALL_FIELDS.includes(key)) problems.push(`property ${key} should not exist`);
	for (const key of ['contact_id', 'agent_id', 'from_number_id'])
		if (typeof body[key] !== 'string' || body[key] === '')
			problems.push(`${key} should not be empty`);
	checkCommon(body, problems);
	if (problems.length) return error(400, problems);
	const contact = state.contacts.find((candidate) => candidate.id === body.contact_id);
	if (!contact) return error(404, 'Contact not found');
	if (!state.agents.some((candidate) => candidate.id === body.agent_id))
		return error(404, 'Agent not found');
	const number = state.phoneNumbers.find(
		(candidate) => candidate.id === body.from_number_id && candidate.type === 'outbound',
	);
	if (!number) return error(404, 'Phone number not found');
	const { id, full_name, phone_number, email, country } = contact;
	return startCall(
		state,
		body,
		{ id, full_name, phone_number, email, country },
		number.phone_number,
		id,
	);
}

const PHONE_CALL_FIELDS = [
	'from_number',
	'to_number',
	'full_name',
	'agent_id',
	'country',
	'email',
	'additional_data',
	'delay',
	'schedule',
	'webhook_url',
	'metadata',
];

function singlePhoneCall(request: SandboxRequest, state: CallsState): SandboxResponse {
	if (!isPlainObject(request.body)) return error(400, 'Request body must be a JSON object');
	const body = request.body;
	const problems: string[] = [];
	for (const key of Object.keys(body))
		if (!PHONE_CALL_FIELDS.includes(key)) problems.push(`property ${key} should not exist`);
	for (const key of ['from_number', 'to_number'])
		if (!isE164(body[key])) problems.push(`${key} must be a valid phone number in E.164 format`);
	for (const key of ['full_name', 'agent_id'])
		if (typeof body[key] !== 'string' || body[key] === '')
			problems.push(`${key} should not be empty`);
	if (body.email !== undefined && !isEmail(body.email)) problems.push('email must be an email');
	if (body.country !== undefined && typeof body.country !== 'string')
		problems.push('country must be a string');
	if (
		body.webhook_url !== undefined &&
		(typeof body.webhook_url !== 'string' || !/^https?:\/\/\S+$/.test(body.webhook_url))
	)
		problems.push('webhook_url must be a URL address');
	checkCommon(body, problems);
	if (problems.length) return error(400, problems);
	if (
		!state.phoneNumbers.some(
			(candidate) => candidate.phone_number === body.from_number && candidate.type === 'outbound',
		)
	)
		return error(400, 'from_number is not an outbound number of your organization');
	if (!state.agents.some((candidate) => candidate.id === body.agent_id))
		return error(404, 'Agent not found');
	const to = body.to_number as string;
	return startCall(
		state,
		body,
		{
			id: null,
			full_name: body.full_name as string,
			phone_number: to,
			email: (body.email as string | undefined) ?? null,
			country: (body.country as string | undefined) ?? null,
		},
		body.from_number as string,
		to,
	);
}

function readPaging(
	request: SandboxRequest,
	defaultLimit: number,
): { limit: number; offset: number; order: string } | SandboxResponse {
	const limit = request.query.limit === undefined ? defaultLimit : Number(request.query.limit);
	const offset = request.query.offset === undefined ? 0 : Number(request.query.offset);
	const order = request.query.order ?? 'desc';
	if (!Number.isInteger(limit) || limit < 0) return error(400, ['limit must not be less than 0']);
	if (!Number.isInteger(offset) || offset < 0)
		return error(400, ['offset must not be less than 0']);
	if (order !== 'asc' && order !== 'desc')
		return error(400, ['order must be one of the following values: asc, desc']);
	return { limit, offset, order };
}

function byCreation<T extends { created_at: string }>(order: string) {
	return (a: T, b: T) => (order === 'asc' ? 1 : -1) * a.created_at.localeCompare(b.created_at);
}

function listPhoneNumbers(request: SandboxRequest, state: CallsState): SandboxResponse {
	const paging = readPaging(request, 5);
	if ('status' in paging) return paging;
	const type = request.query.type;
	if (type !== undefined && type !== 'inbound' && type !== 'outbound')
		return error(400, ['type must be one of the following values: inbound, outbound']);
	const matches = state.phoneNumbers
		.filter((number) => type === undefined || number.type === type)
		.sort(byCreation(paging.order));
	return {
		status: 200,
		body: {
			data: matches.slice(paging.offset, paging.offset + paging.limit),
			count: matches.length,
		},
	};
}

function readBoolean(value: string | undefined, fallback: boolean): boolean {
	return value === undefined ? fallback : value === 'true';
}

function readDate(value: string | undefined, name: string, problems: string[]): number | undefined {
	if (value === undefined) return undefined;
	const time = Date.parse(value);
	if (Number.isNaN(time)) problems.push(`${name} must be a valid ISO 8601 date string`);
	return time;
}

function listCalls(request: SandboxRequest, state: CallsState): SandboxResponse {
	const paging = readPaging(request, 20);
	if ('status' in paging) return paging;
	const { query } = request;
	const problems: string[] = [];
	const from = readDate(query.date_from, 'date_from', problems);
	const to = readDate(query.date_to, 'date_to', problems);
	if (query.call_status !== undefined && !CALL_STATUSES.includes(query.call_status))
		problems.push(`call_status must be one of the following values: ${CALL_STATUSES.join(', ')}`);
	if (query.call_result !== undefined && !CALL_RESULTS.includes(query.call_result))
		problems.push(`call_result must be one of the following values: ${CALL_RESULTS.join(', ')}`);
	if (query.phoneNumber !== undefined && !isE164(query.phoneNumber))
		problems.push('phoneNumber must be a valid phone number in E.164 format');
	if (problems.length) return error(400, problems);
	const now = Date.now();
	const transcript = readBoolean(query.include_transcript, false);
	const matches = state.calls
		.map((call) => renderCall(call, state.callTimings, transcript, now))
		.filter((call) => {
			const created = Date.parse(call.created_at as string);
			const contact = call.contact as ContactshipCall['contact'];
			return (
				(from === undefined || created >= from) &&
				(to === undefined || created <= to) &&
				(query.call_status === undefined || call.call_status === query.call_status) &&
				(query.call_result === undefined || call.call_result === query.call_result) &&
				(query.agent_id === undefined || call.agent_id === query.agent_id) &&
				(query.phoneNumber === undefined || contact.phone_number === query.phoneNumber)
			);
		})
		.sort((a, b) => byCreation(paging.order)(a as never, b as never));
	return {
		status: 200,
		body: {
			data: matches.slice(paging.offset, paging.offset + paging.limit),
			count: matches.length,
		},
	};
}

/**
 * The call routes (`segments` without the leading `v1`); undefined when the request is not one of
 * them, so contactship.ts answers it.
 */
export function handleCallRoutes(
	request: SandboxRequest,
	state: CallsState,
	segments: string[],
): SandboxResponse | undefined {
	const [resource, id, sub] = segments;
	const get = request.method === 'GET';
	if (resource === 'agents' && id === undefined && get)
		return { status: 200, body: { statusCode: 200, data: state.agents } };
	if (resource === 'phone-numbers' && id === undefined && get)
		return listPhoneNumbers(request, state);
	if (resource !== 'calls' || sub !== undefined) return undefined;
	if (id === undefined && get) return listCalls(request, state);
	if (id === 'single-contact-call' && request.method === 'POST')
		return singleContactCall(request, state);
	if (id === 'single-phone-call' && request.method === 'POST')
		return singlePhoneCall(request, state);
	if (id !== undefined && get) {
		const call = state.calls.find((candidate) => candidate.id === id);
		if (!call) return error(404, 'Call not found');
		return {
			status: 200,
			body: renderCall(
				call,
				state.callTimings,
				readBoolean(request.query.include_transcript, true),
			),
		};
	}
	return undefined;
}
