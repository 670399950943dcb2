import type { IDataObject, NodeApiError } from 'n8n-workflow';

import type { PacingDefaults } from '../shared/properties';
import type { VendorApi } from '../shared/transport';
import { readErrorMessage } from '../shared/transport';

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The failure inside Thoughtly's `{data, error}` envelope, as text for the user, or
 * undefined when the answer is a success. Thoughtly documents `error` as an object that is
 * null or omitted on success; its fields are not documented, so any shape is read: a
 * string, `{message}`, `{error: {...}}`, `{errors: [...]}`, or else the object as JSON.
 * An empty `{}` next to data counts as no error (the documentation's own sample shows one).
 * Not cut to length here: the transport masks secrets first, then cuts.
 */
export function envelopeFailure(body: unknown): string | undefined {
	if (!isRecord(body)) return undefined;
	const error = body.error;
	if (error === undefined || error === null || error === false || error === '') return undefined;
	if (typeof error === 'string') return error.trim();
	if (typeof error === 'number' || typeof error === 'boolean')
		return `Thoughtly reported an error (${String(error)})`;
	if (isRecord(error) && Object.keys(error).length === 0) {
		return body.data === undefined || body.data === null
			? 'Thoughtly reported an error without details'
			: undefined;
	}
	const message = readErrorMessage(Array.isArray(error) ? { errors: error } : error);
	if (message) return message;
	if (isRecord(error)) {
		for (const key of ['description', 'reason', 'title', 'code', 'type', 'name']) {
			const value = error[key];
			if (typeof value === 'string' && value.trim() !== '') return value.trim();
		}
	}
	return JSON.stringify(error);
}

/** What the envelope carries on success: its `data`. */
export function envelopeData(body: unknown): unknown {
	return isRecord(body) && 'data' in body ? body.data : body;
}

const DUPLICATE_WORDS =
	/already exists|already exist|duplicate|already in use|already taken|already registered/i;

/**
 * Whether a failed create means "this contact already exists". Thoughtly documents no
 * duplicate answer (ASSUMPTION, see README): it is taken to be an envelope error whose
 * message says so, whatever the HTTP status (200, 400, 422), or a plain 409.
 */
export function isDuplicateContactError(error: NodeApiError): boolean {
	if (String(error.httpCode) === '409') return true;
	return DUPLICATE_WORDS.test(error.message);
}

export const thoughtlyApi: VendorApi = {
	displayName: 'Thoughtly',
	credentialType: 'thoughtlyApi',
	failureInBody: envelopeFailure,
};

export const thoughtlyPacing: PacingDefaults = {
	concurrency: 5,
	rateLimit: { requests: 100, perMs: 60_000 },
	reason: 'Thoughtly allows 100 requests a minute, so the default stays within it',
};
