import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { removeTagOption, tagsField } from '../../../shared/fields';
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

export const removeTags: Operation = {
	option: removeTagOption,
	toolDescription:
		'Removes tags from one Contactship contact (the tags themselves stay) and returns the contact ID and the tags removed. Point at the contact by its ID, email or phone number, as the chosen mode asks; give tags by name or ID as Contactship shows them. Fails if the contact does not have a tag. Never invent a tag or an ID.',
	properties: [
		contactField,
		{
			...tagsField(
				'getTags',
				'Tags to remove, one request per tag. By expression, tag names (or labels) work too.',
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
		// Contactship answers `true`; 404 when the contact, the tag or the assignment is missing.
		const removedTags = await changeTags(this, {
			action: 'remove',
			contactId,
			tagIds,
			send: async (tagId) =>
				await run.client.request({
					method: 'DELETE',
					path: apiPath`/v1/contacts/${contactId}/tags/${tagId}`,
				}),
		});
		return { contactId, removedTags };
	},
};
