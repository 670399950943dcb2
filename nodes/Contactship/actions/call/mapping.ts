/** Contactship's calls, both ways: node parameters -> request bodies and queries, answers -> output items. Pure. */
import type { IDataObject } from 'n8n-workflow';

import type { Paging } from '../../../shared/lists';
import { readRows } from '../../../shared/rows';
import {
	checkEmail,
	checkIsoDate,
	checkUrl,
	InputError,
	optionalText,
	quote,
	readDefaultCountry,
	requireText,
	toE164,
} from '../../../shared/validate';
import type { ExpectedAnswer } from '../../../shared/transport';

/** Where `readRows` finds the rows of the `metadata` and `trackingMetadata` fields. */
export const CALL_ROWS = { group: 'field', keyName: 'key' } as const;

/** What the agent, the number and the variables of a call are, before the callee is known. */
export interface CallSettings {
	agentId: string;
	/** The outbound number as given: its Contactship ID, or the number itself (+12025550101). */
	fromNumber: string;
	/** The `additional_data` rows and the rest of the body both start endpoints share. */
	common: IDataObject;
}

/** The value of a resource locator (`{mode, value}`) or of a plain field. */
export function locatorValue(value: unknown): unknown {
	return value !== null && typeof value === 'object' && 'value' in (value as IDataObject)
		? (value as IDataObject).value
		: value;
}

/** `metadata` rows -> `additional_data: [{key, value}]`, the values the agent's script reads. */
export function toCallData(metadata: unknown): IDataObject[] {
	return readRows(metadata, CALL_ROWS.group, {
		label: 'Agent data',
		keyName: CALL_ROWS.keyName,
	}).map(({ key, value }) => ({ key, value: String(value) }));
}

const SCHEDULE_DATE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?/;

/**
 * The Schedule collection -> `{date: "yyyy-MM-dd HH:mm:ss", timezone}`; the date as the date
 * picker gives it (2026-06-15T14:30:00) is read as a wall-clock time in the given time zone.
 */
export function toSchedule(schedule: unknown): IDataObject | undefined {
	const given = (schedule ?? {}) as IDataObject;
	const date = optionalText(given.date, 'Schedule: Date');
	const timezone = optionalText(given.timezone, 'Schedule: Time Zone');
	if (date === undefined && timezone === undefined) return undefined;
	if (date === undefined)
		throw new InputError(
			'Schedule has a time zone but no date',
			'Set the date and time of the call.',
		);
	checkIsoDate(date, 'Schedule: Date');
	const match = SCHEDULE_DATE.exec(date);
	if (!match)
		throw new InputError(
			`Schedule: Date ${quote(date)} has no time of day`,
			'Give a date and time, such as 2026-06-15 14:30:00.',
		);
	if (timezone === undefined)
		throw new InputError(
			'Schedule has a date but no time zone',
			'Set the time zone the date is in, such as America/New_York.',
		);
	if (!isTimeZone(timezone))
		throw new InputError(
			`Schedule: Time Zone ${quote(timezone)} is not a time zone`,
			'Use an IANA name such as America/New_York or Europe/Madrid.',
		);
	return { date: `${match[1]} ${match[2]}${match[3] ?? ':00'}`, timezone };
}

function isTimeZone(name: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: name });
		return true;
	} catch {
		return false;
	}
}

/** Delay in whole minutes (0 or more); undefined when 0 or empty (Contactship's default: at once). */
export function toDelay(delay: unknown): number | undefined {
	if (delay === undefined || delay === null || delay === '') return undefined;
	const minutes = Number(delay);
	if (!Number.isInteger(minutes) || minutes < 0)
		throw new InputError(
			`Delay must be a whole number of minutes, 0 or more, not ${quote(String(delay))}`,
		);
	return minutes === 0 ? undefined : minutes;
}

/** `trackingMetadata` rows -> the call's `metadata` object (kept with the call, not read by the agent). */
export function toTrackingMetadata(rows: unknown): IDataObject | undefined {
	const filled = readRows(rows, CALL_ROWS.group, {
		label: 'Tracking metadata',
		keyName: CALL_ROWS.keyName,
		keepTypes: true,
	});
	if (!filled.length) return undefined;
	return Object.fromEntries(filled.map(({ key, value }) => [key, value]));
}

/** The call fields every way of starting a call shares (Call → Start, Call After Create). */
export function toCallSettings(params: IDataObject): CallSettings {
	const options = (params.options ?? {}) as IDataObject;
	const common: IDataObject = {};
	const additionalData = toCallData(params.metadata);
	if (additionalData.length) common.additional_data = additionalData;
	const delay = toDelay(params.delay);
	const schedule = toSchedule(params.schedule);
	if (delay !== undefined && schedule !== undefined)
		throw new InputError(
			'A call has either a delay or a schedule, not both',
			'Clear Delay (Minutes) or Schedule.',
		);
	if (delay !== undefined) common.delay = delay;
	if (schedule !== undefined) common.schedule = schedule;
	const metadata = toTrackingMetadata(options.trackingMetadata);
	if (metadata) common.metadata = metadata;
	return {
		agentId: requireText(locatorValue(params.agent), 'Agent'),
		fromNumber: requireText(params.fromNumber, 'From Number'),
		common,
	};
}

/**
 * Whether a From Number is given as the number itself (`+12025550101`, `00 1 202 …`) rather than
 * as its Contactship ID (a UUID): only an international number counts, so no ID is misread.
 */
export function isPhoneNumber(value: string): boolean {
	return /^(\+|00)[\d\s().-]{6,}$/.test(value.trim());
}

/** The body of POST /v1/calls/single-contact-call. */
export function toContactCallBody(
	contactId: string,
	settings: CallSettings,
	fromNumberId: string,
): IDataObject {
	return {
		contact_id: contactId,
		agent_id: settings.agentId,
		from_number_id: fromNumberId,
		...settings.common,
	};
}

/** The callee of a call to a number with no contact: POST /v1/calls/single-phone-call's own fields. */
export function toPhoneCallee(params: IDataObject): IDataObject {
	const options = (params.options ?? {}) as IDataObject;
	const defaultCountry = readDefaultCountry(params);
	const callee: IDataObject = {
		to_number: toE164(requireText(params.phone, 'Phone Number'), 'Phone Number', defaultCountry),
		full_name: requireText(params.fullName, 'Full Name'),
	};
	const email = optionalText(params.email, 'Email');
	if (email) callee.email = checkEmail(email);
	const country = optionalText(params.country, 'Country');
	if (country) callee.country = country;
	const webhookUrl = optionalText(options.webhookUrl, 'Webhook URL');
	if (webhookUrl) callee.webhook_url = checkUrl(webhookUrl, 'Webhook URL');
	return callee;
}

/** The body of POST /v1/calls/single-phone-call. */
export function toPhoneCallBody(
	callee: IDataObject,
	settings: CallSettings,
	fromNumber: string,
): IDataObject {
	return { from_number: fromNumber, agent_id: settings.agentId, ...callee, ...settings.common };
}

/**
 * A start answer: `{call_id, agent_id, contact_id, created_at}` as documented, or the older
 * documented form wrapped in `{statusCode, data}`; either way flat, with its `call_id`.
 */
export function readCallStart(response: unknown): IDataObject {
	const body = (response && typeof response === 'object' ? response : {}) as IDataObject;
	if (body.call_id !== undefined) return body;
	const inner = body.data;
	if (inner && typeof inner === 'object' && !Array.isArray(inner)) return inner as IDataObject;
	return body;
}

/** A start answered with a 2xx must name the call, or whether it started is unknown. */
export const STARTED_CALL: ExpectedAnswer = {
	what: 'the started call',
	matches: (body) => {
		const id = readCallStart(body).call_id;
		return (typeof id === 'string' && id.trim() !== '') || typeof id === 'number';
	},
};

/** A call record: the documented flat object, or one wrapped in `data`. */
export function readCall(response: unknown): IDataObject {
	const body = (response && typeof response === 'object' ? response : {}) as IDataObject;
	if (body.id !== undefined) return body;
	const inner = body.data;
	if (inner && typeof inner === 'object' && !Array.isArray(inner)) return inner as IDataObject;
	return body;
}

/** Statuses after which a call does not change any more (the trigger's "Call Ended"). */
export const ENDED_STATUSES = [
	'completed',
	'no-answer',
	'failed',
	'incomplete',
	'busy',
	'answering-machine',
	'voice_mail',
];

export function hasEnded(call: IDataObject): boolean {
	return ENDED_STATUSES.includes(String(call.call_status)) || !!call.finished_at;
}

/** What Simplify keeps of a call: who, how it went, and what was said about it. */
export function simplifyCall(call: IDataObject): IDataObject {
	const contact = (call.contact ?? {}) as IDataObject;
	const analysis = (call.call_analysis ?? {}) as IDataObject;
	return {
		id: call.id,
		call_status: call.call_status,
		call_result: call.call_result,
		duration: call.duration,
		created_at: call.created_at,
		finished_at: call.finished_at,
		agent_id: call.agent_id,
		contact_id: contact.id ?? null,
		contact_name: contact.full_name ?? null,
		contact_phone: contact.phone_number ?? null,
		summary: analysis.summary ?? null,
		sentiment: analysis.sentiment ?? null,
		call_record: call.call_record ?? null,
	};
}

/** GET /v1/calls pages with `limit` / `offset` and reports the total in `count`. */
export const callPaging: Paging = {
	pageSize: 100,
	query: (_pageIndex, pageSize, offset) => ({ limit: pageSize, offset }),
	total: (body) => {
		const count = (body as IDataObject | undefined)?.count;
		return typeof count === 'number' && Number.isFinite(count) ? count : undefined;
	},
	maxPages: 1000,
};

/** Get Many's Filters -> GET /v1/calls query parameters, checked before anything is sent. */
export function toCallQuery(filters: unknown, options: unknown): IDataObject {
	const given = (filters ?? {}) as IDataObject;
	const qs: IDataObject = {};
	const dateFrom = optionalText(given.dateFrom, 'Created After');
	if (dateFrom) qs.date_from = checkIsoDate(dateFrom, 'Created After').text;
	const dateTo = optionalText(given.dateTo, 'Created Before');
	if (dateTo) qs.date_to = checkIsoDate(dateTo, 'Created Before').text;
	const status = optionalText(given.callStatus, 'Call Status');
	if (status) qs.call_status = status;
	const result = optionalText(given.callResult, 'Call Result');
	if (result) qs.call_result = result;
	const agentId = optionalText(locatorValue(given.agent), 'Agent');
	if (agentId) qs.agent_id = agentId;
	const phone = optionalText(given.phoneNumber, 'Phone Number');
	if (phone) qs.phoneNumber = toE164(phone, 'Phone Number');
	const chosen = (options ?? {}) as IDataObject;
	qs.order = chosen.order === 'asc' ? 'asc' : 'desc';
	if (chosen.includeTranscript === true) qs.include_transcript = true;
	return qs;
}
