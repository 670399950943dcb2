/** Thoughtly's contact, both ways: node parameters -> create body, answers -> output items. Pure. */
import type { IDataObject } from 'n8n-workflow';

import { countryByIso } from '../../../shared/countries';
import { CUSTOM_FIELD_ROWS } from '../../../shared/fields';
import { readRows } from '../../../shared/rows';
import type { ExpectedAnswer } from '../../../shared/transport';
import {
	checkEmail,
	InputError,
	optionalText,
	readDefaultCountry,
	requireText,
	samePhone,
	toE164,
} from '../../../shared/validate';
import { envelopeData, isRecord } from '../../api';

/** The create request for one item, checked before anything is sent. */
export interface CreateContactRequest {
	/** Exactly the body Thoughtly receives: documented keys only, none empty. */
	body: IDataObject;
	/** The phone number in E.164, used to find the contact when it already exists. */
	phoneNumber: string;
}

/** A country code given by dropdown or expression -> the ISO code Thoughtly expects. */
export function toCountryCode(value: unknown): string | undefined {
	const text = optionalText(value, 'Country Code');
	if (text === undefined) return undefined;
	const code = text.toUpperCase();
	if (countryByIso(code)) return code;
	const hint = 'Use the two-letter ISO 3166-1 code of the country, for example US, GB or DE.';
	if (/^\+?\d{1,4}$/.test(text)) {
		throw new InputError(
			`Country Code "${text}" looks like a dialling code; Thoughtly expects a two-letter country code`,
			hint,
		);
	}
	throw new InputError(`Country Code "${text}" is not a two-letter ISO 3166-1 country code`, hint);
}

/**
 * Tag names from the multi-select: an array from the list or an expression, or one
 * expression string with comma-separated names. Trimmed, empty ones dropped, duplicates
 * (exact) removed, order kept.
 */
export function toTagNames(value: unknown): string[] {
	const entries = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(',')
			: value === undefined || value === null
				? []
				: [value];
	const names: string[] = [];
	for (const entry of entries) {
		if (entry !== null && typeof entry === 'object') {
			throw new InputError(
				'Tags must be names (text); an object was given',
				'Give tag names, for example ["VIP", "Webinar 2024"].',
			);
		}
		const name = optionalText(entry, 'Tag');
		if (name !== undefined && !names.includes(name)) names.push(name);
	}
	return names;
}

/**
 * Attribute rows -> Thoughtly's `attributes` object, or undefined when no row is filled.
 * Keys are the script's variable names, so they are compared as written (case matters);
 * numbers and booleans keep their JSON type.
 */
export function toAttributes(collection: unknown): IDataObject | undefined {
	const rows = readRows(collection, CUSTOM_FIELD_ROWS.group, {
		label: 'Attribute',
		keyName: CUSTOM_FIELD_ROWS.keyName,
		keepTypes: true,
	});
	return rows.length ? Object.fromEntries(rows.map(({ key, value }) => [key, value])) : undefined;
}

/** Node parameters of one item -> Thoughtly's create body. Throws InputError on bad input. */
export function toCreateContactRequest(params: IDataObject): CreateContactRequest {
	const countryCode = toCountryCode(params.countryCode);
	const defaultCountry = readDefaultCountry(params);
	// Thoughtly's country_code is the country of the phone number, so a national number is read in it first.
	const ownCountry = countryCode ? countryByIso(countryCode) : undefined;
	const phoneNumber = toE164(
		requireText(params.phone, 'Phone Number'),
		'Phone Number',
		ownCountry?.callingCode ? ownCountry : defaultCountry,
	);
	const body: IDataObject = { phone_number: phoneNumber };
	const name = optionalText(params.fullName, 'Full Name');
	if (name !== undefined) body.name = name;
	const email = optionalText(params.email, 'Email');
	if (email !== undefined) body.email = checkEmail(email);
	if (countryCode !== undefined) body.country_code = countryCode;
	const tags = toTagNames(params.tags);
	if (tags.length) body.tags = tags;
	const attributes = toAttributes(params.customFields);
	if (attributes) body.attributes = attributes;
	return { body, phoneNumber };
}

/** The contact in a create or get answer: the envelope's `data` (or `data.contact` if nested). */
export function contactInAnswer(response: unknown): IDataObject {
	const data = envelopeData(response);
	if (!isRecord(data)) return {};
	return isRecord(data.contact) ? data.contact : data;
}

/**
 * Thoughtly's documented 200 is the envelope whose `data` holds the created contact. Its
 * fields are not documented (not even an ID), so any non-empty record counts as one.
 */
export const CREATED_CONTACT: ExpectedAnswer = {
	what: 'a contact',
	matches: (body) => Object.keys(contactInAnswer(body)).length > 0,
};

/** The listed contact with this phone number (compared by digits), if any. */
export function matchContact(
	contacts: IDataObject[],
	phoneNumber: string,
): IDataObject | undefined {
	return contacts.find(
		(contact) =>
			isRecord(contact) &&
			[contact.phone_number, contact.phoneNumber, contact.phone].some((value) =>
				samePhone(phoneNumber, value),
			),
	);
}

/** Where Thoughtly's contact list puts its records (PRACTICE: `data.contacts`). */
export const CONTACT_LIST_PATHS = ['data.contacts', 'data'];

/** Phone search results are read from one page of this size (the documented maximum). */
export const CONTACT_PAGE_LIMIT = 50;

/** A contact's ID as the list and get answers give it (`id`; `_id` read too, undocumented). */
export function contactIdOf(contact: IDataObject): string | undefined {
	const id = contact.id ?? contact._id;
	return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/** Get Many's filters, as the node stores them (`filters` collection). */
export interface ContactFilters {
	search?: string;
	tags?: unknown;
	excludedTags?: unknown;
	phoneNumbersOnly?: boolean;
	sort?: string;
	sortDirection?: string;
}

/**
 * Get Many's filters -> the documented query of `GET /contact`: `search`, `tags[]`,
 * `excluded_tags[]` (sent as repeated `key[]=` values), `phone_numbers_only`, `sort`,
 * `sortDirection`. Empty filters are left out.
 */
export function toContactListQuery(filters: ContactFilters = {}): IDataObject {
	const query: IDataObject = {};
	const search = optionalText(filters.search, 'Search');
	if (search !== undefined) query.search = search;
	const tags = toTagNames(filters.tags);
	if (tags.length) query.tags = tags;
	const excluded = toTagNames(filters.excludedTags);
	if (excluded.length) query.excluded_tags = excluded;
	const overlap = tags.filter((tag) => excluded.includes(tag));
	if (overlap.length)
		throw new InputError(
			`Tag ${overlap.map((tag) => `"${tag}"`).join(', ')} is both required and excluded, so no contact could match`,
			'Remove it from Tags or from Excluded Tags.',
		);
	if (filters.phoneNumbersOnly === true) query.phone_numbers_only = true;
	const sort = optionalText(filters.sort, 'Sort By');
	if (sort !== undefined) query.sort = sort;
	const direction = optionalText(filters.sortDirection, 'Sort Direction');
	if (direction !== undefined) query.sortDirection = direction;
	return query;
}

/** What Simplify keeps of a contact. */
const SIMPLE_KEYS = ['id', 'name', 'phone_number', 'email', 'tags', 'created_at'];

export function simplifyContact(contact: IDataObject): IDataObject {
	return Object.fromEntries(
		SIMPLE_KEYS.filter((key) => key in contact).map((key) => [key, contact[key]]),
	);
}
