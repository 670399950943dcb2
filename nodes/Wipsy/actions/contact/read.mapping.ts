/** Wipsy's Get and Get Many, both ways: parameters -> query, list answers -> contacts. Pure. */
import type { IDataObject } from 'n8n-workflow';

import { readContactRef, readLimit } from '../../../shared/contact';
import { firstText } from '../../../shared/lists';
import { checkUuid, InputError } from '../../../shared/validate';
import { CONTACT_SCAN_LIMIT } from '../../api';
import { contactsFromList } from '../../catalog';

/** The contact Get reads: the `contact` locator's ID, a UUID as Wipsy's IDs are. */
export function readContactId(params: IDataObject): string {
	return checkUuid(readContactRef(params.contact).value, 'Contact ID');
}

/**
 * The contact in the answer to `?contactId=`. Wipsy documents the list's shape only, so a
 * list (the contact with that ID in it) and a bare contact in `data` are both read; none
 * found is undefined.
 */
export function contactFromAnswer(body: unknown, contactId: string): IDataObject | undefined {
	const data = (body as IDataObject | undefined)?.data;
	if (data && typeof data === 'object' && !Array.isArray(data) && (data as IDataObject).id)
		return String((data as IDataObject).id) === contactId ? (data as IDataObject) : undefined;
	return contactsFromList(body).find((contact) => String(contact?.id) === contactId);
}

/** Get Many's `limit`: the Limit, or Wipsy's maximum of 500 for Return All (it has no further pages). */
export function toListLimit(params: IDataObject): number {
	const limit = readLimit(params) ?? CONTACT_SCAN_LIMIT;
	if (limit > CONTACT_SCAN_LIMIT) {
		throw new InputError(
			`Limit ${limit} is more than Wipsy lists: at most ${CONTACT_SCAN_LIMIT} contacts, the newest`,
			`Set Limit to ${CONTACT_SCAN_LIMIT} or less, or turn on Return All (which reads those ${CONTACT_SCAN_LIMIT}).`,
		);
	}
	return limit;
}

/** A contact as the picker lists it: "First Last (email or phone)", or its ID. */
export function contactLabel(contact: IDataObject): string {
	const name = [contact.name, contact.last_name]
		.filter((part) => typeof part === 'string' && part.trim() !== '')
		.join(' ');
	const reach = firstText(contact, ['email', 'phone', 'whatsapp_id']);
	if (name && reach) return `${name} (${reach})`;
	return name || reach || String(contact.id);
}

/** Whether the picker's search text is in the contact's name, email or phone (any case; digits for phones). */
export function matchesSearch(contact: IDataObject, filter: string | undefined): boolean {
	const text = filter?.trim().toLowerCase() ?? '';
	if (text === '') return true;
	const words = [contact.name, contact.last_name, contact.email]
		.filter((part): part is string => typeof part === 'string')
		.join(' ')
		.toLowerCase();
	if (words.includes(text)) return true;
	const digits = text.replace(/\D/g, '');
	return (
		digits.length >= 3 &&
		[contact.phone, contact.whatsapp_id].some((phone) =>
			String(phone ?? '')
				.replace(/\D/g, '')
				.includes(digits),
		)
	);
}
