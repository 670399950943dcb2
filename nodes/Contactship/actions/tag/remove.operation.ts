import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { removeTagOption, tagsField } from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import { apiPath } from '../../../shared/transport';
import { idList } from '../../../shared/validate';
import {
	contactField,
	contactIdOf,
	contactOperationOptions,
	readContactLocator,
} from '../contact/lookup';
import { changeTags, requireTags, resolveTagIds } from './tags';

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
		const given = requireTags(idList(parameters.tags, 'Tag Names or IDs'));
		const ref = readContactLocator(parameters);
		const tagIds = await resolveTagIds(run, given);
		const contactId = await contactIdOf(this, run.client, ref);
		// Contactship answers `true`; 404 when the contact, the tag or the assignment is missing.
		return await changeTags(this, contactId, tagIds, {
			verb: 'removed from',
			outputKey: 'removedTags',
			send: async (tagId) =>
				await run.client.request({
					method: 'DELETE',
					path: apiPath`/v1/contacts/${contactId}/tags/${tagId}`,
				}),
		});
	},
};
