import type { IDataObject } from 'n8n-workflow';

import { findList, firstText } from '../shared/lists';
import type { ApiClient } from '../shared/transport';
import { CONTACT_SCAN_LIMIT } from './api';

/*
 * Wipsy documents no endpoint that lists pipeline stages, tags or custom-field
 * definitions. Each contact from GET /api-get-contacts embeds its own stage, tags and
 * custom fields (with the field's definition), so the node collects them from there.
 * Only what at least one of the contacts read carries can be found this way. The dropdowns
 * (methods/loadOptions.ts) and the create's value checks both read this catalog.
 */

export interface WipsyStage {
	id: string;
	name: string;
	/** `stage_order`; undefined when the contact's stage object does not give it. */
	order?: number;
}

export interface WipsyTag {
	id: string;
	name: string;
}

export interface WipsyField {
	id: string;
	name: string;
	/** `field_type`, lower-cased: text, email, phone, number, date or select as documented; any other type is sent unchecked. */
	type: string;
	/** `field_options` of a select field, as texts. */
	options: string[];
	required: boolean;
	order?: number;
}

export interface WipsyCatalog {
	stages: WipsyStage[];
	tags: WipsyTag[];
	fields: WipsyField[];
}

function asRecord(value: unknown): IDataObject | undefined {
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

function asNumber(value: unknown): number | undefined {
	if (value === null || value === undefined || value === '') return undefined;
	const number = Number(value);
	return Number.isFinite(number) ? number : undefined;
}

function byOrderThenName(
	a: { order?: number; name: string },
	b: { order?: number; name: string },
): number {
	const orderA = a.order ?? Number.POSITIVE_INFINITY;
	const orderB = b.order ?? Number.POSITIVE_INFINITY;
	if (orderA !== orderB) return orderA < orderB ? -1 : 1;
	return a.name.localeCompare(b.name);
}

/** The stage a contact is in: `pipeline_stage` (name, `stage_order`), id from it or `pipeline_stage_id`. */
export function contactStage(contact: IDataObject): WipsyStage | undefined {
	const stage = asRecord(contact.pipeline_stage) ?? {};
	const id = firstText(stage, ['id', 'stage_id']) ?? firstText(contact, ['pipeline_stage_id']);
	if (!id) return undefined;
	return {
		id,
		name: firstText(stage, ['name', 'stage_name', 'title', 'label']) ?? id,
		order: asNumber(stage.stage_order),
	};
}

/** A contact's tags. Wipsy documents only "array"; objects, join rows (`{tag: {...}}`) and bare ids are read. */
export function contactTags(contact: IDataObject): WipsyTag[] {
	const entries = Array.isArray(contact.tags) ? (contact.tags as unknown[]) : [];
	const tags: WipsyTag[] = [];
	for (const entry of entries) {
		if (typeof entry === 'string' && entry.trim() !== '') {
			tags.push({ id: entry.trim(), name: entry.trim() });
			continue;
		}
		const row = asRecord(entry);
		if (!row) continue;
		const tag = asRecord(row.tag) ?? asRecord(row.tags) ?? row;
		const id = firstText(tag, ['id', 'tag_id']) ?? firstText(row, ['tag_id']);
		if (id) tags.push({ id, name: firstText(tag, ['name', 'tag_name', 'label', 'title']) ?? id });
	}
	return tags;
}

function optionTexts(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	return value
		.map((option) => {
			if (typeof option === 'string' || typeof option === 'number') return String(option);
			const record = asRecord(option);
			return record ? firstText(record, ['value', 'label', 'name']) : undefined;
		})
		.filter((option): option is string => option !== undefined && option.trim() !== '');
}

/** The custom-field definitions a contact's `custom_fields[].field` carry. */
export function contactFields(contact: IDataObject): WipsyField[] {
	const entries = Array.isArray(contact.custom_fields) ? (contact.custom_fields as unknown[]) : [];
	const fields: WipsyField[] = [];
	for (const entry of entries) {
		const row = asRecord(entry);
		if (!row) continue;
		const field = asRecord(row.field) ?? {};
		const id = firstText(row, ['field_id']) ?? firstText(field, ['id']);
		if (!id) continue;
		fields.push({
			id,
			name: firstText(field, ['field_name', 'name', 'label']) ?? id,
			type: String(field.field_type ?? 'text')
				.trim()
				.toLowerCase(),
			options: optionTexts(field.field_options),
			required: field.is_required === true,
			order: asNumber(field.field_order),
		});
	}
	return fields;
}

/**
 * Distinct stages (by `stage_order`), tags (by name) and custom fields (by `field_order`)
 * found on the given contacts. A contact without a stage, tags or fields adds nothing; the
 * first occurrence of an id wins.
 */
export function catalogFromContacts(contacts: IDataObject[]): WipsyCatalog {
	const stages = new Map<string, WipsyStage>();
	const tags = new Map<string, WipsyTag>();
	const fields = new Map<string, WipsyField>();
	for (const contact of contacts) {
		if (!asRecord(contact)) continue;
		const stage = contactStage(contact);
		if (stage && !stages.has(stage.id)) stages.set(stage.id, stage);
		for (const tag of contactTags(contact)) if (!tags.has(tag.id)) tags.set(tag.id, tag);
		for (const field of contactFields(contact))
			if (!fields.has(field.id)) fields.set(field.id, field);
	}
	return {
		stages: [...stages.values()].sort(byOrderThenName),
		tags: [...tags.values()].sort((a, b) => a.name.localeCompare(b.name)),
		fields: [...fields.values()].sort(byOrderThenName),
	};
}

/** The contacts of a GET /api-get-contacts answer (`{success, data: [...]}`). */
export function contactsFromList(body: unknown): IDataObject[] {
	return findList(body, ['data', 'data.contacts', 'contacts']);
}

/** Reads the contacts Wipsy lists first (as many as one request may return) and what they embed. */
export async function readCatalog(client: ApiClient): Promise<WipsyCatalog> {
	const body = await client.request({
		method: 'GET',
		path: '/api-get-contacts',
		qs: { limit: CONTACT_SCAN_LIMIT },
	});
	return catalogFromContacts(contactsFromList(body));
}
