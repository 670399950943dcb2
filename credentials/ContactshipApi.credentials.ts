import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class ContactshipApi implements ICredentialType {
	name = 'contactshipApi';

	displayName = 'Contactship API';

	icon: Icon = {
		light: 'file:../nodes/Contactship/contactship.svg',
		dark: 'file:../nodes/Contactship/contactship.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-crm-contacts/n8n-nodes-crm-contacts#contactship-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Find your API key in the Contactship dashboard, under API settings.',
			name: 'whereToFindKey',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The key shown in the Contactship dashboard under API settings',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.contactship.ai',
			description: 'Change only to reach a test or proxy server',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { 'x-api-key': '={{$credentials.apiKey}}' },
		},
	};

	// Listing one tag is the cheapest call that needs a valid key.
	// A redirect is not followed: it would carry the key to the address it names.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/v1/tags',
			qs: { limit: 1 },
			disableFollowRedirect: true,
		},
	};
}
