/**
 * Input checks run before any request. They are pure: each returns the value to send or
 * throws an InputError, which the executor turns into a NodeOperationError naming the item.
 * Every check bounds the length of its input before any regular expression runs, and every
 * regular expression here is linear, so no input can hold up n8n.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Country } from './countries';
import { countryByIso, splitCallingCode } from './countries';

/** A user's input that cannot be sent as it is. `hint` tells how to fix it. */
export class InputError extends Error {
	constructor(
		message: string,
		readonly hint?: string,
	) {
		super(message);
		this.name = 'InputError';
	}
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** RFC 5321: an address of at most 254 characters, a local part of at most 64. */
const MAX_EMAIL_LENGTH = 254;
const MAX_EMAIL_LOCAL_PART_LENGTH = 64;
/** Longer than any formatted phone number, so longer text is refused before it is parsed. */
const MAX_PHONE_TEXT_LENGTH = 50;
const MIN_PHONE_DIGITS = 7;
const MAX_PHONE_DIGITS = 15; // E.164 allows at most 15 digits, country code included
/** Values are quoted in messages up to this length, so a huge value cannot flood them. */
const MAX_QUOTED_LENGTH = 80;

/** A value quoted for a message, cut short when long. */
export function quote(value: string): string {
	return `"${value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH)}…` : value}"`;
}

/** Keys that would reach an object's prototype instead of becoming a key of their own. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isDateTime(value: object): value is { toISO(): string } {
	return (
		(value as { isLuxonDateTime?: unknown }).isLuxonDateTime === true &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	);
}

/**
 * A text parameter as text: trimmed, and undefined when empty so it is left out of the body.
 * Numbers and booleans are written out; dates (`{{ $now }}`) become ISO 8601. An object or
 * an array, which an expression can give by mistake, is refused: sent as text it would
 * arrive as "[object Object]" or as its items joined by commas.
 */
export function optionalText(value: unknown, label: string): string | undefined {
	if (value === undefined || value === null) return undefined;
	let text: string;
	if (typeof value === 'string') text = value;
	else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
		text = String(value);
	else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? '' : value.toISOString();
	else if (typeof value === 'object' && isDateTime(value)) text = value.toISO();
	else {
		const kind = Array.isArray(value)
			? 'a list'
			: typeof value === 'object'
				? 'an object'
				: `a ${typeof value}`;
		throw new InputError(
			`${label} must be text, but the expression gave ${kind}`,
			'Point the expression at one text value, for example {{ $json.person.name }} rather than {{ $json.person }}, or join a list with .join(", ").',
		);
	}
	text = text.trim();
	return text === '' ? undefined : text;
}

export function requireText(value: unknown, label: string): string {
	const text = optionalText(value, label);
	if (text === undefined) throw new InputError(`${label} is required`);
	return text;
}

/** A key of a key/value row (custom field, data field, attribute): refused if it is one of JavaScript's reserved names. */
export function checkKey(key: string, label: string): string {
	if (RESERVED_KEYS.has(key)) {
		throw new InputError(
			`${label} "${key}" is a name JavaScript reserves, so it cannot be used as a key`,
			'Rename it: __proto__, constructor and prototype cannot be used.',
		);
	}
	return key;
}

/** An email address: one @, a domain with a dot, no spaces, at most 254 characters. Linear in the input's length. */
export function checkEmail(value: string, label = 'Email'): string {
	const email = value.trim();
	const invalid = (why: string) =>
		new InputError(
			`${label} ${quote(email)} is not a valid email address${why}`,
			'Use the form name@example.com.',
		);
	if (email.length > MAX_EMAIL_LENGTH)
		throw invalid(`: it has ${email.length} characters, at most ${MAX_EMAIL_LENGTH} are allowed`);
	const at = email.indexOf('@');
	const local = email.slice(0, at);
	const domain = email.slice(at + 1);
	const valid =
		at > 0 &&
		!domain.includes('@') &&
		!/\s/.test(email) &&
		local.length <= MAX_EMAIL_LOCAL_PART_LENGTH &&
		// A dot inside the domain, with something on both sides of it.
		domain.slice(1, -1).includes('.');
	if (!valid) throw invalid('');
	return email;
}

/** The Default Country in an item's Options, where every node keeps it; undefined for none. */
export function readDefaultCountry(parameters: IDataObject): Country | undefined {
	return toDefaultCountry((parameters.options as IDataObject | undefined)?.defaultCountry);
}

/** A Default Country given by the dropdown or an expression -> the country, or undefined for none. */
export function toDefaultCountry(value: unknown, label = 'Default Country'): Country | undefined {
	const text = optionalText(value, label);
	if (text === undefined) return undefined;
	const country = text.length === 2 ? countryByIso(text.toUpperCase()) : undefined;
	if (!country?.callingCode) {
		throw new InputError(
			`${label} ${quote(text)} is not a country with a calling code`,
			'Choose the country from the list, or give its two-letter ISO code such as US or DE.',
		);
	}
	return country;
}

const PHONE_HINT =
	'Give the number in international format with its country code, for example +14155551234 or 0044 20 7946 0958.';
/** Dashes and spaces other than the ASCII ones, as pasted from documents and spreadsheets. */
const UNICODE_SEPARATORS = /[\u2010-\u2015\u2212\u00a0\u2000-\u200b\u202f\u3000]/g;
const EXTENSION = /#|ext|x\s*\d/i;
const NUMBER_SEPARATOR = /[,;|&]|\s(?:or|and|oder|und|ou|et|o|y)\s/i;

/** Whether a `/` splits two numbers (`+1 415 555 1234 / 5678`) rather than an area code from its number (`030/1234567`). */
function slashSplitsNumbers(text: string): boolean {
	const parts = text.split('/');
	if (parts.length === 1) return false;
	if (parts.length > 2) return true;
	const [before, after] = parts.map((part) => part.replace(/\D/g, '').length);
	return before >= after;
}

/**
 * A phone number as pasted -> E.164 (`+` and digits). Spaces, dashes, dots, parentheses and
 * a `00` international prefix are accepted, and `(0)` after the country code is dropped. A
 * number with neither `+` nor `00` is national: it is converted with `defaultCountry` (its
 * trunk prefix dropped), and refused when there is none. Letters, extensions, two numbers in
 * one field, unknown country codes and lengths E.164 does not allow are refused.
 */
export function toE164(value: string, label = 'Phone', defaultCountry?: Country): string {
	const raw = value.trim();
	const refuse = (why: string, hint = PHONE_HINT) =>
		new InputError(`${label} ${quote(raw)} ${why}`, hint);
	if (raw.length > MAX_PHONE_TEXT_LENGTH)
		throw refuse(`is too long to be one phone number (${raw.length} characters)`);
	const text = raw.replace(UNICODE_SEPARATORS, (char) =>
		char.trim() === '' || char === '\u200b' ? ' ' : '-',
	);
	if (EXTENSION.test(text)) {
		throw refuse(
			'has an extension, which a phone number field cannot hold',
			'Give the number alone, without ext., x or #; put the extension in a notes or custom field.',
		);
	}
	if (
		NUMBER_SEPARATOR.test(text) ||
		(text.match(/\+/g) ?? []).length > 1 ||
		slashSplitsNumbers(text)
	) {
		throw refuse(
			'holds more than one phone number',
			'Give one number per field; put a second number in a field of its own.',
		);
	}
	if (!/^[+\d\s().\-/]+$/.test(text)) {
		throw refuse(
			'is not a phone number: only digits, spaces, +, -, ., / and parentheses are allowed',
		);
	}
	if (text.indexOf('+') > 0) throw refuse('has a + that is not at the start');

	let international: string;
	const digits = text.replace(/\D/g, '');
	if (text.startsWith('+') || digits.startsWith('00')) {
		// `(0)` marks the trunk prefix that is dialled only inside the country: +44 (0)20 …
		const withoutTrunkMark = text.replace(/\(\s*0\s*\)/g, ' ').replace(/\D/g, '');
		international = text.startsWith('+') ? withoutTrunkMark : withoutTrunkMark.slice(2);
	} else if (defaultCountry?.callingCode) {
		const national = nationalNumber(digits, defaultCountry);
		// 4915112345678 with Germany: most likely +49 151… with its + lost (as spreadsheets do), but it
		// could be read as a German number 4915…. Where the length cannot tell, ask rather than guess.
		if (
			national === digits &&
			!defaultCountry.nationalLengths &&
			digits.startsWith(defaultCountry.callingCode)
		) {
			throw refuse(
				`starts with ${defaultCountry.callingCode}, the calling code of the Default Country, but has no + or 00 before it`,
				`Write +${digits} if the country code is already in it, or the national form${defaultCountry.trunkPrefixes.length ? ` with its ${defaultCountry.trunkPrefixes.at(-1)} in front` : ''}.`,
			);
		}
		international = defaultCountry.callingCode + national;
	} else {
		throw refuse(
			'has no country code',
			'Write it with its country code (+1 415 555 2671 or 001 415 555 2671), or set Options → Default Country to the country your numbers are from.',
		);
	}

	if (international.length < MIN_PHONE_DIGITS) {
		throw refuse(
			`has ${international.length} digits; a phone number with its country code has at least ${MIN_PHONE_DIGITS}`,
		);
	}
	if (international.length > MAX_PHONE_DIGITS) {
		throw refuse(
			`has ${international.length} digits with its country code; international numbers have at most ${MAX_PHONE_DIGITS}`,
		);
	}
	const split = splitCallingCode(international);
	if (!split)
		throw refuse(`starts with +${international.slice(0, 3)}, which is no country's calling code`);
	const { code, country } = split;
	const national = international.slice(code.length);
	if (country?.trunkPrefixes.includes('0') && national.startsWith('0')) {
		throw refuse(
			`has the national prefix 0 after the country code +${code}, where it is not dialled`,
			`Leave the 0 out: +${code}${national.slice(1)}.`,
		);
	}
	if (country?.trunkPrefixes.includes('1') && /^[01]/.test(national)) {
		throw refuse(
			`has ${national[0]} right after the country code +${code}, where area codes start with 2 to 9`,
		);
	}
	const lengths = country?.nationalLengths;
	if (lengths && (national.length < lengths.min || national.length > lengths.max)) {
		const expected =
			lengths.min === lengths.max ? `${lengths.min}` : `${lengths.min} to ${lengths.max}`;
		throw refuse(
			`has ${national.length} digits after the country code +${code}, where numbers have ${expected}`,
		);
	}
	return `+${international}`;
}

/** A national number's digits without the country's trunk prefix (0 in most countries, 1 in NANP ones). */
function nationalNumber(digits: string, country: Country): string {
	const lengths = country.nationalLengths;
	const fits = (number: string) =>
		!lengths || (number.length >= lengths.min && number.length <= lengths.max);
	for (const prefix of country.trunkPrefixes) {
		// Where the prefix digit can also begin a number (Russia's 8 and its area code 812), the length decides.
		if (
			digits.startsWith(prefix) &&
			!(lengths && fits(digits)) &&
			fits(digits.slice(prefix.length))
		)
			return digits.slice(prefix.length);
	}
	return digits;
}

/**
 * IDs picked in a multi-select, or given by expression as an array or comma-separated
 * text: trimmed, empty ones and repeats dropped.
 */
export function idList(value: unknown, label: string): string[] {
	if (value === undefined || value === null || value === '') return [];
	const list = Array.isArray(value) ? value : (optionalText(value, label) ?? '').split(',');
	const ids = list
		.map((id) => optionalText(id, `Each of ${label}`))
		.filter((id): id is string => id !== undefined);
	return [...new Set(ids)];
}

export function checkUuid(value: string, label: string): string {
	const id = value.trim();
	if (id.length !== 36 || !UUID.test(id)) {
		throw new InputError(
			`${label} ${quote(id)} is not a valid ID: a UUID such as a1b2c3d4-e5f6-7890-abcd-ef1234567890 is expected`,
		);
	}
	return id;
}

export function checkUrl(value: string, label: string): string {
	const text = value.trim();
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		throw new InputError(
			`${label} ${quote(text)} is not a valid URL`,
			'Give a full address starting with https://.',
		);
	}
	return text;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
/** Longer than any ISO 8601 date-time; longer text is refused before it is matched. */
const MAX_DATE_LENGTH = 40;

/** A number as text: digits, an optional sign, a dot for decimals, an optional exponent (as JavaScript writes 1e21). */
export function checkNumber(value: string, label: string): string {
	if (!NUMBER.test(value)) {
		throw new InputError(
			`${label} is a number field, but ${quote(value)} is not a number`,
			'Use digits with a dot for decimals, for example 42 or 1499.90 (no thousands separators, no decimal comma).',
		);
	}
	return value;
}

/** An ISO 8601 calendar date, optionally with a time, that exists (no 2023-02-29). Returns its `YYYY-MM-DD` part too. */
export function checkIsoDate(value: string, label: string): { text: string; date: string } {
	const hint =
		'Use an ISO 8601 date, YYYY-MM-DD such as 2024-12-31, optionally with a time: 2024-12-31T09:30:00Z. 31/12/2024 is refused, as day and month could be either way round.';
	const match = value.length <= MAX_DATE_LENGTH ? ISO_DATE.exec(value) : null;
	if (!match)
		throw new InputError(`${label} is a date field, but ${quote(value)} is not a date`, hint);
	const [year, month, day, hour = '0', minute = '0', second = '0'] = match
		.slice(1, 7)
		.map((part) => part ?? '0');
	const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
	const exists =
		date.getUTCFullYear() === Number(year) &&
		date.getUTCMonth() === Number(month) - 1 &&
		date.getUTCDate() === Number(day) &&
		Number(hour) < 24 &&
		Number(minute) < 60 &&
		Number(second) < 60;
	if (!exists)
		throw new InputError(
			`${label} is a date field, but ${quote(value)} is not a day of the calendar`,
			hint,
		);
	return { text: value, date: `${year}-${month}-${day}` };
}

/**
 * A custom-field value checked against the type its vendor gives the field, one rule set for
 * every vendor: number, date, email and phone are checked (a phone is sent in E.164, with the
 * Default Country for national numbers); text and types not listed here pass unchanged.
 * Dates are returned as given; a vendor that takes only the day uses `checkIsoDate` itself.
 */
export function checkTypedValue(
	type: string,
	value: string,
	label: string,
	defaultCountry?: Country,
): string {
	switch (type.trim().toLowerCase()) {
		case 'number':
			return checkNumber(value, label);
		case 'date':
			return checkIsoDate(value, label).text;
		case 'email':
			return checkEmail(value, `${label} is an email field, but`);
		case 'phone':
			return toE164(value, `${label} is a phone field, but`, defaultCountry);
		default:
			return value;
	}
}

function phoneDigits(value: unknown): string {
	return String(value ?? '').replace(/\D/g, '');
}

/** Whether two phone numbers are the same number, however each is formatted. */
export function samePhone(a: unknown, b: unknown): boolean {
	const digits = phoneDigits(a);
	return digits !== '' && digits === phoneDigits(b);
}

/** Whether two emails are the same address; case and surrounding spaces do not count. */
export function sameEmail(a: unknown, b: unknown): boolean {
	const email = String(a ?? '')
		.trim()
		.toLowerCase();
	return (
		email !== '' &&
		email ===
			String(b ?? '')
				.trim()
				.toLowerCase()
	);
}
