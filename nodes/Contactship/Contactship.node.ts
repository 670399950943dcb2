import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runWithClient } from '../shared/execute';
import { withReadableErrors } from '../shared/lists';
import { contactCreateSelectors } from '../shared/properties';
import { contactshipApi, contactshipPacing } from './api';
import { createContact, createContactProperties } from './contact';
import { getTags } from './lists';

export class Contactship implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Contactship',
		name: 'contactship',
		icon: { light: 'file:contactship.svg', dark: 'file:contactship.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create contacts in Contactship',
		defaults: { name: 'Contactship' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'contactshipApi', required: true }],
		properties: [...contactCreateSelectors, ...createContactProperties],
	};

	methods = {
		loadOptions: withReadableErrors({ getTags }),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runWithClient(this, contactshipApi, contactshipPacing, async (client, itemIndex) =>
			createContact.call(this, client, itemIndex),
		);
	}
}
