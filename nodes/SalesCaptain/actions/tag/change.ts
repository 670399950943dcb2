/** Tag → Add and Tag → Remove: the same fields, one request per tag, the tags resolved first. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { tagsField } from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import { operationOptions } from '../../../shared/properties';
import type { TagAction } from '../../../shared/tags';
import { changeTags, readTagList, TAG_ACTIONS } from '../../../shared/tags';
import { salesCaptainPacing } from '../../api';
import { companyField, companyTags, contactField, readContactId } from '../common';
import { readCompany } from '../contact/mapping';
import { resolveTagIds } from './mapping';

export interface TagChange {
	option: Operation['option'];
	toolDescription: string;
	action: TagAction;
	/** Sends the one request for one tag. */
	send(run: OperationRun, companyId: string, contactId: string, tagId: string): Promise<void>;
}

export function tagChangeOperation(change: TagChange): Operation {
	return {
		option: change.option,
		toolDescription: change.toolDescription,
		properties: [
			companyField,
			contactField,
			{
				...tagsField(
					'getTags',
					`Tags ${TAG_ACTIONS[change.action].verb} the contact, one request per tag. By expression, tag names (any case) work as well as IDs.`,
					['company'],
				),
				required: true,
				hint: "Choose the Company first: the list shows that company's tags",
			},
			operationOptions('SalesCaptain', salesCaptainPacing),
		],

		async execute(
			this: IExecuteFunctions,
			run: OperationRun,
			parameters: IDataObject,
		): Promise<IDataObject> {
			const companyId = readCompany(parameters);
			const contactId = readContactId(parameters);
			const given = readTagList(parameters.tags);
			const tagIds = resolveTagIds(given, await companyTags(run, companyId));
			const changed = await changeTags(this, {
				action: change.action,
				contactId,
				tagIds,
				send: async (tagId) => await change.send(run, companyId, contactId, tagId),
			});
			return { contactId, [TAG_ACTIONS[change.action].outputKey]: changed };
		},
	};
}
