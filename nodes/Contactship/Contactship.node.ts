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
import { contactshipApi, contactshipPacing } from './api';
import { searchContacts } from './methods/listSearch';
import { getAgents, getOutboundNumbers, searchAgents } from './methods/calls';
import { getTags } from './methods/loadOptions';

export class Contactship implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Contactship',
		name: 'contactship',
		icon: { light: 'file:contactship.svg', dark: 'file:contactship.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create, find, update, tag and delete contacts in Contactship, and have its AI agents call them',
		defaults: { name: 'Contactship' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'contactshipApi', required: true }],
		properties: describeResources(resources),
	};

	methods = {
		loadOptions: withReadableErrors({ getTags, getAgents, getOutboundNumbers }),
		listSearch: withReadableErrors({ searchContacts, searchAgents }),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation(this, contactshipApi, contactshipPacing, resources);
	}
}
