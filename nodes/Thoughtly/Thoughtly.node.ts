import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runWithClient } from '../shared/execute';
import { withReadableErrors } from '../shared/lists';
import { contactCreateSelectors } from '../shared/properties';
import { thoughtlyApi, thoughtlyPacing } from './api';
import { createContact, createContactProperties } from './contact';
import { getTags } from './lists';

export class Thoughtly implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Thoughtly',
		name: 'thoughtly',
		icon: { light: 'file:thoughtly.svg', dark: 'file:thoughtly.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create contacts for Thoughtly voice agents',
		defaults: { name: 'Thoughtly' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'thoughtlyApi', required: true }],
		properties: [...contactCreateSelectors, ...createContactProperties],
	};

	methods = {
		loadOptions: withReadableErrors({ getTags }),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runWithClient(this, thoughtlyApi, thoughtlyPacing, async (client, itemIndex) =>
			createContact.call(this, client, itemIndex),
		);
	}
}
