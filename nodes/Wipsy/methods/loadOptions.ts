import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ApiClient } from '../../shared/transport';
import { wipsyApi } from '../api';
import type { WipsyCatalog, WipsyField, WipsyStage, WipsyTag } from '../catalog';
import { readCatalog } from '../catalog';

/** What a custom field accepts, shown under its name in the dropdown. */
export function describeField(field: WipsyField): string {
	let accepts: string;
	if (field.type === 'select')
		accepts = field.options.length
			? `select: ${field.options.join(', ')}`
			: 'select (options unknown)';
	else if (field.type === 'date') accepts = 'date, YYYY-MM-DD';
	else accepts = field.type;
	return `${accepts}${field.required ? '; required' : ''}`;
}

export function stageOptions(stages: WipsyStage[]): INodePropertyOptions[] {
	return stages.map((stage) => ({ name: stage.name, value: stage.id }));
}

export function tagOptions(tags: WipsyTag[]): INodePropertyOptions[] {
	return tags.map((tag) => ({ name: tag.name, value: tag.id }));
}

export function fieldOptions(fields: WipsyField[]): INodePropertyOptions[] {
	return fields.map((field) => ({
		name: field.name,
		value: field.id,
		description: describeField(field),
	}));
}

async function loadCatalog(ctx: ILoadOptionsFunctions): Promise<WipsyCatalog> {
	return await readCatalog(await ApiClient.create(ctx, wipsyApi));
}

export async function getPipelineStages(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return stageOptions((await loadCatalog(this)).stages);
}

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return tagOptions((await loadCatalog(this)).tags);
}

export async function getCustomFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return fieldOptions((await loadCatalog(this)).fields);
}
