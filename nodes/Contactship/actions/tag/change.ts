/** Tag → Add and Tag → Remove: the same fields, the contact found first, one request per tag. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readContactLocator } from '../../../shared/contact';
import { tagsField } from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import type { TagAction } from '../../../shared/tags';
import { changeTags, readTagList, TAG_ACTIONS } from '../../../shared/tags';
import { apiPath } from '../../../shared/transport';
import { contactField, contactIdOf, contactOperationOptions } from '../contact/lookup';
import { resolveTagIds } from './tags';

export interface TagChange {
	option: Operation['option'];
	toolDescription: string;
	action: TagAction;
	/** The method of `/v1/contacts/{contactId}/tags/{tagId}` that makes the change. */
	method: 'POST' | 'DELETE';
}

export function tagChangeOperation(change: TagChange): Operation {
	return {
		option: change.option,
		toolDescription: change.toolDescription,
		properties: [
			contactField,
			{
				...tagsField(
					'getTags',
					`Tags to ${change.action}, one request per tag. By expression, tag names (or labels) work too.`,
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
			const changed = await changeTags(this, {
				action: change.action,
				contactId,
				tagIds,
				send: async (tagId) =>
					await run.client.request({
						method: change.method,
						path: apiPath`/v1/contacts/${contactId}/tags/${tagId}`,
					}),
			});
			return { contactId, [TAG_ACTIONS[change.action].outputKey]: changed };
		},
	};
}
