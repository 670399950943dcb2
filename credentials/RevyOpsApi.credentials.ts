import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

function filled(value: unknown): string | undefined {
	const text = typeof value === 'string' ? value.trim() : '';
	return text === '' ? undefined : text;
}

export class RevyOpsApi implements ICredentialType {
	name = 'revyOpsApi';

	displayName = 'RevyOps API';

	icon: Icon = {
		light: 'file:../nodes/RevyOps/revyOps.svg',
		dark: 'file:../nodes/RevyOps/revyOps.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-crm-contacts/n8n-nodes-crm-contacts#revyops-credential';

	properties: INodeProperties[] = [
		{
			displayName:
				"Fill in API Key: it is how working integrations sign in. Client ID is optional: add it if RevyOps gave your workspace one. At least one of the two is needed; each filled value is sent. Find them in your RevyOps account's API settings.",
			name: 'whereToFindKey',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The workspace API key, sent in the x-api-key header. Leave empty only if your workspace authenticates by Client ID alone.',
		},
		// RevyOps: "Treat your client_id like a secret", so the field is masked.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. The workspace client_id from Settings → Workspace in RevyOps, added to every request as the client_id query parameter. RevyOps asks to keep it secret.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://app.revyops.com/api',
			description:
				"Where the RevyOps API lives. The default is the address working integrations use; RevyOps' reference names https://api.revyops.com. Change it only if RevyOps gave you another address or to reach a test server.",
		},
	];

	// A function rather than a generic block: each value is sent only when it is filled,
	// so a key-only credential sends no empty client_id and vice versa.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const apiKey = filled(credentials.apiKey);
		const clientId = filled(credentials.clientId);
		const options: IHttpRequestOptions = { ...requestOptions };
		if (apiKey) options.headers = { ...requestOptions.headers, 'x-api-key': apiKey };
		if (clientId) options.qs = { ...requestOptions.qs, client_id: clientId };
		return options;
	}

	// Listing one company needs valid credentials and costs nothing.
	// A redirect is not followed: it would carry the key to the address it names.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/public/v2/companies',
			qs: { page_size: 1 },
			disableFollowRedirect: true,
		},
	};
}
