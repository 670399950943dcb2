import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fetchAllPages, findList } from '../../shared/lists';
import { ApiClient } from '../../shared/transport';
import { revyOpsApi, revyOpsPaging } from '../api';

/** Contacts read for the custom-field names in use: five pages of 100. */
const CUSTOM_FIELD_SCAN_PAGES = 5;

/**
 * Custom field names found on contacts: the keys of `contact_custom_fields` in the FLAT
 * structure, or the `field_name`s when a NESTED list comes back.
 */
export function customFieldNames(contacts: IDataObject[]): INodePropertyOptions[] {
	const names = new Map<string, string>();
	const add = (name: unknown) => {
		if (typeof name !== 'string' || name.trim() === '') return;
		const key = name.toLowerCase();
		if (!names.has(key)) names.set(key, name);
	};
	for (const contact of contacts) {
		const fields = contact?.contact_custom_fields;
		if (Array.isArray(fields)) {
			for (const field of fields) add((field as IDataObject)?.field_name);
		} else if (fields && typeof fields === 'object') {
			Object.keys(fields).forEach(add);
		}
	}
	return [...names.values()]
		.sort((a, b) => a.localeCompare(b))
		.map((name) => ({ name, value: name }));
}

/** RevyOps has no list of field definitions: collect the names the workspace's contacts use. */
export async function getCustomFieldNames(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const client = await ApiClient.create(this, revyOpsApi);
	const contacts = await fetchAllPages(
		client,
		{ method: 'GET', path: '/public/v2/contacts', qs: { structure: 'FLAT' } },
		revyOpsPaging(CUSTOM_FIELD_SCAN_PAGES),
		(body) => findList(body, ['results']),
	);
	return customFieldNames(contacts);
}
