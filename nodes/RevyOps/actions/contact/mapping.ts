/** RevyOps' contact, both ways: node parameters -> request bodies, answers -> output items. Pure. */
import type { IDataObject } from 'n8n-workflow';

import { contactWithId, readContactRef, readLimit, requireChanges } from '../../../shared/contact';
import { CUSTOM_FIELD_ROWS } from '../../../shared/fields';
import { firstText } from '../../../shared/lists';
import { readRows } from '../../../shared/rows';
import {
	checkEmail,
	checkUrl,
	InputError,
	optionalText,
	sameEmail,
} from '../../../shared/validate';

/** RevyOps' documented limit on one custom field value. */
export const MAX_CUSTOM_FIELD_VALUE_LENGTH = 2500;

export type ResponseStructure = 'NESTED' | 'FLAT';

/** The company a contact is linked to: an integer ID or a domain RevyOps resolves. */
export interface CompanyRef {
	value: number | string;
	/** Names the company in messages, e.g. "ID 1042" or "domain acme.com". */
	label: string;
}

const DOMAIN =
	/^(?=.{1,253}$)(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}][\p{L}\p{N}-]{1,62}$/u;

/** Reduces a pasted address (`https://www.acme.com/about`) to its domain (`acme.com`) and checks it is one. */
export function toDomain(value: string): string {
	const text = value.trim();
	const host = text
		.toLowerCase()
		.replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
		.split(/[/?#]/)[0]
		.replace(/:\d+$/, '')
		.replace(/\.$/, '')
		.replace(/^www\./, '');
	if (!DOMAIN.test(host)) {
		throw new InputError(
			`Company domain "${text}" is not a domain`,
			"Give the company's web domain, for example acme.com.",
		);
	}
	return host;
}

function toCompanyId(value: string): number {
	const id = Number(value);
	if (!/^\d+$/.test(value) || !Number.isSafeInteger(id) || id < 1) {
		throw new InputError(
			`Company ID "${value}" is not a RevyOps company ID: a whole number such as 1042 is expected`,
			'Pick the company from the list, or choose "Domain" to give its domain instead.',
		);
	}
	return id;
}

/**
 * The Company parameter (a resource locator, or a plain value from an expression) ->
 * what RevyOps takes as `company_id`. Empty: no company.
 */
export function toCompanyRef(company: unknown): CompanyRef | undefined {
	const locator =
		company && typeof company === 'object'
			? (company as IDataObject)
			: { mode: undefined, value: company };
	const text = optionalText(locator.value, 'Company');
	if (text === undefined) return undefined;
	const mode =
		locator.mode === undefined ? (/^\d+$/.test(text) ? 'id' : 'domain') : String(locator.mode);
	if (mode === 'domain') {
		const domain = toDomain(text);
		return { value: domain, label: `domain ${domain}` };
	}
	const id = toCompanyId(text);
	return { value: id, label: `ID ${id}` };
}

export function toResponseStructure(value: unknown): ResponseStructure {
	const text = (optionalText(value, 'Response Structure') ?? 'NESTED').toUpperCase();
	if (text !== 'NESTED' && text !== 'FLAT') {
		throw new InputError(
			`Response Structure "${String(value)}" is not one RevyOps offers`,
			'Use Nested or Flat.',
		);
	}
	return text;
}

/** Length as RevyOps counts it: characters, not UTF-16 code units (an emoji is one). */
function characterCount(text: string): number {
	return [...text].length;
}

/**
 * The Custom Fields rows -> `contact_custom_fields_input`, through the shared row rules
 * (names in any case, as RevyOps matches them), with RevyOps' length limit on top.
 */
export function toCustomFieldsInput(customFields: unknown): IDataObject[] {
	const rows = readRows(customFields, CUSTOM_FIELD_ROWS.group, {
		label: 'Custom field',
		keyName: CUSTOM_FIELD_ROWS.keyName,
		caseInsensitive: true,
	});
	return rows.map(({ key, value }) => {
		const length = characterCount(String(value));
		if (length > MAX_CUSTOM_FIELD_VALUE_LENGTH) {
			throw new InputError(
				`Custom field "${key}" has ${length} characters; RevyOps accepts at most ${MAX_CUSTOM_FIELD_VALUE_LENGTH}`,
				'Shorten the value, for example with an expression such as {{ $json.notes.slice(0, 2500) }}.',
			);
		}
		return { field_name: key, field_value: value };
	});
}

/** The create request for one item, checked before anything is sent. */
export interface CreateContactRequest {
	body: IDataObject;
	structure: ResponseStructure;
	company?: CompanyRef;
}

/** The Options collection's Response Structure (Nested unless set). */
export function readResponseStructure(params: IDataObject): ResponseStructure {
	return toResponseStructure((params.options as IDataObject | undefined)?.responseStructure);
}

/**
 * The contact fields an item gives (Company, Email, LinkedIn URL, names, Additional Fields,
 * Custom Fields) -> the body RevyOps takes on create and on update alike. An empty field is
 * left out, so on update it leaves the contact's value as it is.
 */
function toContactBody(params: IDataObject): { body: IDataObject; company?: CompanyRef } {
	const body: IDataObject = {};
	const emailText = optionalText(params.email, 'Email');
	const linkedinText = optionalText(params.linkedinUrl, 'LinkedIn URL');
	if (emailText) body.email = checkEmail(emailText);
	if (linkedinText) body.linkedin_url = checkUrl(linkedinText, 'LinkedIn URL');
	const firstName = optionalText(params.firstName, 'First Name');
	const lastName = optionalText(params.lastName, 'Last Name');
	if (firstName) body.first_name = firstName;
	if (lastName) body.last_name = lastName;

	const company = toCompanyRef(params.company);
	if (company) body.company_id = company.value;

	const additional = (params.additionalFields as IDataObject | undefined) ?? {};
	const contactStatus = optionalText(additional.contactStatus, 'Contact Status');
	const origin = optionalText(additional.origin, 'Origin');
	if (contactStatus) body.contact_status = contactStatus;
	if (origin) body.origin = origin;

	const customFields = toCustomFieldsInput(params.customFields);
	if (customFields.length) body.contact_custom_fields_input = customFields;
	return { body, company };
}

/** Node parameters of one item -> RevyOps' create request. Pure: throws InputError on bad input. */
export function toCreateContactRequest(params: IDataObject): CreateContactRequest {
	const emailText = optionalText(params.email, 'Email');
	const linkedinText = optionalText(params.linkedinUrl, 'LinkedIn URL');
	if (!emailText && !linkedinText) {
		throw new InputError(
			'Give an email or a LinkedIn URL: RevyOps identifies a contact by at least one of them',
			'Fill Email, LinkedIn URL, or both.',
		);
	}
	return { ...toContactBody(params), structure: readResponseStructure(params) };
}

/** A RevyOps contact ID (a whole number), from the Contact locator or an expression. */
export function toContactId(value: string): number {
	const id = Number(value);
	if (!/^\d+$/.test(value) || !Number.isSafeInteger(id) || id < 1) {
		throw new InputError(
			`Contact ID "${value}" is not a RevyOps contact ID: a whole number such as 5001 is expected`,
			'Pick the contact from the list, or give its ID (Get Many outputs it as "id").',
		);
	}
	return id;
}

/** The contact an operation acts on: the `contact` locator (From List or By ID) -> its ID. */
export function readContactId(params: IDataObject): number {
	return toContactId(readContactRef(params.contact).value);
}

/** The fields an update may change, named as the user sees them (for "Nothing to update"). */
export const UPDATABLE_FIELDS =
	'Company, Email, LinkedIn URL, First Name, Last Name, Custom Fields, Contact Status or Origin';

/** The update request for one item: the contact, and only the fields given. */
export interface UpdateContactRequest extends CreateContactRequest {
	contactId: number;
}

/** Node parameters of one item -> RevyOps' PATCH. Pure: an item with nothing to change fails. */
export function toUpdateContactRequest(params: IDataObject): UpdateContactRequest {
	const contactId = readContactId(params);
	const { body, company } = toContactBody(params);
	requireChanges(body, UPDATABLE_FIELDS);
	return { contactId, body, company, structure: readResponseStructure(params) };
}

/** Get Many's Filters -> RevyOps' query parameters (`email`, `firstname`, `lastname`, `domain`). */
export function toContactFilters(filters: unknown): IDataObject {
	const given = (filters as IDataObject | undefined) ?? {};
	const qs: IDataObject = {};
	const email = optionalText(given.email, 'Email filter');
	if (email) qs.email = checkEmail(email, 'Email filter');
	const firstName = optionalText(given.firstName, 'First Name filter');
	if (firstName) qs.firstname = firstName;
	const lastName = optionalText(given.lastName, 'Last Name filter');
	if (lastName) qs.lastname = lastName;
	const domain = optionalText(given.domain, 'Company Domain filter');
	if (domain) qs.domain = toDomain(domain);
	return qs;
}

/** Get Many's reading: the query, and how many records at most (undefined: all). */
export interface ListContactsRequest {
	qs: IDataObject;
	limit?: number;
}

/** Node parameters of one item -> RevyOps' list query. Pure: throws InputError on bad input. */
export function toListContactsRequest(params: IDataObject): ListContactsRequest {
	return {
		qs: { ...toContactFilters(params.filters), structure: readResponseStructure(params) },
		limit: readLimit(params),
	};
}

/**
 * What the contact picker searches for in what the user typed: an email (with an @), else a
 * first name, or a first and a last name (two words or more).
 */
export function toContactSearch(filter: string | undefined): IDataObject {
	const text = filter?.trim() ?? '';
	if (text === '') return {};
	if (text.includes('@')) return { email: text };
	const [first, ...rest] = text.split(/\s+/);
	return rest.length ? { firstname: first, lastname: rest.join(' ') } : { firstname: first };
}

/** A contact as the picker lists it: "First Last (email)", or the LinkedIn URL, or the ID. */
export function contactLabel(contact: IDataObject): string {
	const name = [contact.first_name, contact.last_name]
		.filter((part) => typeof part === 'string' && part.trim() !== '')
		.join(' ');
	const reach = firstText(contact, ['email', 'linkedin_url']);
	if (name && reach) return `${name} (${reach})`;
	return name || reach || `Contact ${String(contact.id)}`;
}

/** A LinkedIn address reduced to what identifies the profile (scheme, www, slash, query and case dropped). */
export function linkedinKey(value: unknown): string {
	return String(value ?? '')
		.trim()
		.toLowerCase()
		.replace(/^https?:\/\//, '')
		.replace(/^(www\.|[a-z]{2}\.)(?=linkedin\.com)/, '')
		.split(/[?#]/)[0]
		.replace(/\/+$/, '');
}

/** The listed contact RevyOps called a duplicate: same email (any case) or same LinkedIn profile. */
export function matchContact(contacts: IDataObject[], body: IDataObject): IDataObject | undefined {
	const linkedin = body.linkedin_url ? linkedinKey(body.linkedin_url) : '';
	return contacts.find(
		(contact) =>
			sameEmail(body.email, contact.email) ||
			(linkedin !== '' && contact.linkedin_url
				? linkedinKey(contact.linkedin_url) === linkedin
				: false),
	);
}

/**
 * The create body as an update of the contact RevyOps called its duplicate: the email or
 * LinkedIn URL that identified it is left out, so a different spelling (case, a trailing
 * slash) does not overwrite the stored one.
 */
export function changesFor(existing: IDataObject, body: IDataObject): IDataObject {
	const changes = { ...body };
	if (sameEmail(body.email, existing.email)) delete changes.email;
	if (
		body.linkedin_url &&
		existing.linkedin_url &&
		linkedinKey(body.linkedin_url) === linkedinKey(existing.linkedin_url)
	)
		delete changes.linkedin_url;
	return changes;
}

/** The contact in a 201 answer: the body itself as documented, or a `data` wrapper around it. */
export function createdContact(response: unknown): IDataObject {
	const body = (response ?? {}) as IDataObject;
	if (
		body.id === undefined &&
		body.data &&
		typeof body.data === 'object' &&
		!Array.isArray(body.data)
	)
		return body.data as IDataObject;
	return body;
}

/** RevyOps' documented 201 is the new contact (ContactPostResponseV2) with its integer `id`. */
export const CREATED_CONTACT = contactWithId(createdContact, 'id');

/** A contact read or updated: the contact itself (as documented for create), with its `id`. */
export const A_CONTACT = CREATED_CONTACT;
