import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class SalesCaptainApi implements ICredentialType {
	name = 'salesCaptainApi';

	displayName = 'SalesCaptain API';

	icon: Icon = {
		light: 'file:../nodes/SalesCaptain/salesCaptain.svg',
		dark: 'file:../nodes/SalesCaptain/salesCaptain.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-crm-contacts/n8n-nodes-crm-contacts#salescaptain-credential';

	properties: INodeProperties[] = [
		{
			displayName:
				'Find your API token in your SalesCaptain account\'s API settings. The user it belongs to needs the "contacts" role.',
			name: 'whereToFindKey',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The JWT SalesCaptain issues for API access. The user it belongs to needs the "contacts" role to create contacts.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.salescaptain.com',
			description: 'Change only to reach a test or proxy server',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	// Listing companies needs a valid token; GET /v1 is only a health check.
	// A redirect is not followed: it would carry the key to the address it names.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/v1/fetch-companies',
			disableFollowRedirect: true,
		},
	};
}
