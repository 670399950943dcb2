/** Tag → Add and Tag → Remove: the same fields, one request per tag, the tags resolved first. */
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { withPartialResult } from '../../../shared/execute';
import { tagsField } from '../../../shared/fields';
import type { Operation, OperationRun } from '../../../shared/operations';
import { operationOptions } from '../../../shared/properties';
import { salesCaptainPacing } from '../../api';
import {
	aboutContact,
	asNodeError,
	companyField,
	companyTags,
	contactField,
	readContactId,
} from '../common';
import { readCompany } from '../contact/mapping';
import { readTags, resolveTagIds } from './mapping';

export interface TagChange {
	option: Operation['option'];
	toolDescription: string;
	/** What happens to a tag, for descriptions and errors: `added` … `to`, `removed` … `from`. */
	verb: { done: string; preposition: string };
	/** The output key listing the tags changed: `appliedTags` or `removedTags`. */
	outputKey: string;
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
					`Tags ${change.verb.done} ${change.verb.preposition} the contact, one request per tag. By expression, tag names (any case) work as well as IDs.`,
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
			const given = readTags(parameters.tags);
			const tagIds = resolveTagIds(given, await companyTags(run, companyId));
			const changed: string[] = [];
			for (const tagId of tagIds) {
				try {
					await aboutContact(this, contactId, async () =>
						change.send(run, companyId, contactId, tagId),
					);
				} catch (error) {
					const cause = asNodeError(this, error);
					if (changed.length === 0) throw cause;
					// Some tags changed already: say which, so a re-run is not a guess.
					const failure = new NodeApiError(
						this.getNode(),
						{ message: cause.message } as JsonObject,
						{
							message: `${changed.length} of ${tagIds.length} tags were ${change.verb.done}, then tag ${tagId} could not be ${change.verb.done} ${change.verb.preposition} contact ${contactId}: ${cause.message}`,
							description: cause.description ?? undefined,
							httpCode: cause instanceof NodeApiError ? (cause.httpCode ?? undefined) : undefined,
						},
					);
					throw withPartialResult(failure, { contactId, [change.outputKey]: changed });
				}
				changed.push(tagId);
			}
			return { contactId, [change.outputKey]: changed };
		},
	};
}
