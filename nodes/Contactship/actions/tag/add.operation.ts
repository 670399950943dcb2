import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { addTagOption, tagsField } from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import { changeTags, readTagList } from '../../../shared/tags';
import { apiPath } from '../../../shared/transport';
import {
	contactField,
	contactIdOf,
	contactOperationOptions,
	readContactLocator,
} from '../contact/lookup';
import { resolveTagIds } from './tags';

export const addTags: Operation = {
	option: addTagOption,
	toolDescription:
		'Adds existing tags to one Contactship contact and returns the contact ID and the tags added. Point at the contact by its ID, email or phone number, as the chosen mode asks; give tags by name or ID as Contactship shows them. A tag the contact already has counts as added. Never invent a tag or an ID.',
	properties: [
		contactField,
		{
			...tagsField(
				'getTags',
				'Tags to add, one request per tag. By expression, tag names (or labels) work too.',
			),
			required: true,
		},
		contactOperationOptions,
	],

	async execute(
		this: IExecuteFunctions,
		run: OperationRun,
		parameters: IDataObject,
	): Promise<IDataObject> {
		const given = readTagList(parameters.tags);
		const ref = readContactLocator(parameters);
		const tagIds = await resolveTagIds(run, given);
		const contactId = await contactIdOf(run.client, ref);
		const appliedTags = await changeTags(this, {
			action: 'add',
			contactId,
			tagIds,
			send: async (tagId) =>
				await run.client.request({
					method: 'POST',
					path: apiPath`/v1/contacts/${contactId}/tags/${tagId}`,
				}),
		});
		return { contactId, appliedTags };
	},
};
