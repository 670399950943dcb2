import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { withReadableErrors } from '../shared/lists';
import { describeResources, runOperation } from '../shared/operations';
import { resources } from './actions/resources';
import { thoughtlyApi, thoughtlyPacing } from './api';
import { getTags } from './methods/loadOptions';
import { searchAgents, searchContacts } from './methods/listSearch';

export class Thoughtly implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Thoughtly',
		name: 'thoughtly',
		icon: { light: 'file:thoughtly.svg', dark: 'file:thoughtly.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create, find and delete contacts for Thoughtly voice agents, and have an agent call them',
		defaults: { name: 'Thoughtly' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'thoughtlyApi', required: true }],
		properties: describeResources(resources),
	};

	methods = {
		loadOptions: withReadableErrors({ getTags }),
		listSearch: withReadableErrors({ searchContacts, searchAgents }),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation(this, thoughtlyApi, thoughtlyPacing, resources);
	}
}
