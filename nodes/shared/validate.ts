/**
 * Input checks run before any request. They are pure: each returns the value to send or
 * throws an InputError, which the executor turns into a NodeOperationError naming the item.
 */

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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MIN_PHONE_DIGITS = 7;
const MAX_PHONE_DIGITS = 15; // E.164 allows at most 15 digits

/** Trims a text parameter; anything empty becomes undefined so it is left out of the body. */
export function optionalText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	return text === '' ? undefined : text;
}

export function requireText(value: unknown, label: string): string {
	const text = optionalText(value);
	if (text === undefined) throw new InputError(`${label} is required`);
	return text;
}

export function checkEmail(value: string, label = 'Email'): string {
	const email = value.trim();
	if (!EMAIL.test(email)) {
		throw new InputError(`${label} "${email}" is not a valid email address`, 'Use the form name@example.com.');
	}
	return email;
}

/**
 * Normalises a pasted phone number to E.164 (`+` and digits). Accepts spaces, dashes, dots,
 * parentheses and a `00` international prefix; rejects letters and too few or too many digits.
 */
export function toE164(value: string, label = 'Phone'): string {
	const raw = value.trim();
	const hint = 'Give the number in international format with its country code, for example +14155551234.';
	if (!/^[+\d\s().\-/]+$/.test(raw)) {
		throw new InputError(`${label} "${raw}" is not a phone number: only digits, spaces, +, -, ., / and parentheses are allowed`, hint);
	}
	let digits = raw.replace(/\D/g, '');
	if (!raw.startsWith('+') && digits.startsWith('00')) digits = digits.slice(2);
	if (digits.length < MIN_PHONE_DIGITS) {
		throw new InputError(`${label} "${raw}" has ${digits.length} digits; a phone number needs at least ${MIN_PHONE_DIGITS}`, hint);
	}
	if (digits.length > MAX_PHONE_DIGITS) {
		throw new InputError(`${label} "${raw}" has ${digits.length} digits; international numbers have at most ${MAX_PHONE_DIGITS}`, hint);
	}
	// Country codes never start with 0: this is a local number such as 030 1234567.
	if (digits.startsWith('0')) {
		throw new InputError(`${label} "${raw}" has no country code`, `${hint} A number starting with 0 is a local one.`);
	}
	return `+${digits}`;
}

/**
 * IDs picked in a multi-select, or given by expression as an array or comma-separated
 * text: trimmed, empty ones and repeats dropped.
 */
export function idList(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	const list = Array.isArray(value) ? value : String(value).split(',');
	return [...new Set(list.map((id) => String(id).trim()).filter((id) => id !== ''))];
}

export function checkUuid(value: string, label: string): string {
	const id = value.trim();
	if (!UUID.test(id)) {
		throw new InputError(`${label} "${id}" is not a valid ID: a UUID such as a1b2c3d4-e5f6-7890-abcd-ef1234567890 is expected`);
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
		throw new InputError(`${label} "${text}" is not a valid URL`, 'Give a full address starting with https://.');
	}
	return text;
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
	const email = String(a ?? '').trim().toLowerCase();
	return email !== '' && email === String(b ?? '').trim().toLowerCase();
}
