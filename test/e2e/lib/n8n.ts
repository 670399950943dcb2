/**
 * One real n8n: a fresh user folder with the packed package installed, its CLI (import,
 * execute) and its server with a logged-in REST client.
 */
import type { ChildProcess } from 'node:child_process';
import { STATUS_CODES } from 'node:http';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Started } from './processes';
import { removeOnExit, runCommand, startProcess } from './processes';
import type { Runtime } from './runtime';

export interface N8nOptions {
	runtime: Runtime;
	/** Where the user folder goes; a new temporary folder when omitted. */
	userFolder?: string;
	/** Removed when everything stops (default: true for a temporary folder). */
	removeUserFolder?: boolean;
	/** Where the server's log goes (kept after the user folder is removed). */
	logDir?: string;
	/** Settings that differ from the suite's (e.g. the benchmark runs n8n's defaults). */
	env?: NodeJS.ProcessEnv;
}

export interface Owner {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

export const DEFAULT_OWNER: Owner = {
	email: 'dev@example.com',
	firstName: 'Dev',
	lastName: 'Owner',
	password: 'Sandbox-dev-1',
};

export interface ExecuteResult {
	code: number | null;
	/** The run as `n8n execute --rawOutput` prints it (undefined when nothing parsable came out). */
	run?: ExecutedRun;
	/** What n8n logged on stdout around the run. */
	log: string;
	stdout: string;
	stderr: string;
}

export interface ExecutedRun {
	status: string;
	finished?: boolean;
	data: { resultData: { runData: Record<string, any[]>; error?: any } };
}

/**
 * `n8n execute --rawOutput`'s stdout: log lines, the run as JSON, sometimes more log lines
 * after it (the task runner registering late). The run is from the first line that is `{`
 * to the last line that is `}`.
 */
export function splitExecuteOutput(stdout: string): { run?: ExecutedRun; log: string } {
	const start = stdout.search(/^\{/m);
	const closing = [...stdout.matchAll(/^\}[ \t]*$/gm)].pop();
	if (start === -1 || closing?.index === undefined || closing.index < start) return { log: stdout };
	const end = closing.index + closing[0].length;
	try {
		return {
			run: JSON.parse(stdout.slice(start, end)) as ExecutedRun,
			log: stdout.slice(0, start) + stdout.slice(end),
		};
	} catch {
		return { log: stdout };
	}
}

export class N8nInstance {
	readonly userFolder: string;

	private server: Started | undefined;

	constructor(private readonly options: N8nOptions) {
		this.userFolder = options.userFolder ?? mkdtempSync(join(tmpdir(), 'crm-contacts-n8n-'));
		if (options.removeUserFolder ?? !options.userFolder) removeOnExit(this.userFolder);
	}

	/**
	 * The environment every n8n process of this instance runs with.
	 * SSRF protection is ON (as on a hardened instance) with only loopback allowed: the
	 * sandbox lives on 127.0.0.1, which the default blocked ranges include.
	 */
	env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
		return {
			...this.options.runtime.env,
			N8N_USER_FOLDER: this.userFolder,
			DB_TYPE: 'sqlite',
			N8N_ENCRYPTION_KEY: 'crm-contacts-e2e-not-a-secret',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_SSRF_PROTECTION_ENABLED: 'true',
			N8N_SSRF_ALLOWED_IP_RANGES: '127.0.0.1/32',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			// `n8n execute --rawOutput` prints the run through the logger: below info it prints nothing.
			N8N_LOG_LEVEL: 'info',
			...this.options.env,
			...extra,
		};
	}

	/** Runs an n8n CLI command to completion. `onSpawn` sees the process (e.g. to sample its memory). */
	async cli(
		args: string[],
		extraEnv: NodeJS.ProcessEnv = {},
		allowFailure = false,
		onSpawn?: (child: ChildProcess) => void,
	) {
		return await runCommand(this.options.runtime.nodeBin, [this.options.runtime.n8nBin, ...args], {
			env: this.env(extraEnv),
			cwd: this.userFolder,
			allowFailure,
			timeoutMs: 600_000,
			onSpawn,
		});
	}

	/** Imports credentials (plain `data` is encrypted on import). */
	async importCredentials(credentials: object[]): Promise<void> {
		const file = join(this.userFolder, 'credentials-import.json');
		writeFileSync(file, JSON.stringify(credentials, null, 2));
		this.keepImportLog(await this.cli(['import:credentials', `--input=${file}`]));
	}

	async importWorkflows(workflows: object[]): Promise<void> {
		const file = join(this.userFolder, 'workflows-import.json');
		writeFileSync(file, JSON.stringify(workflows, null, 2));
		this.keepImportLog(await this.cli(['import:workflow', `--input=${file}`]));
	}

	/** The imports load the node types too: their logs go beside the server's (`n8n-import.log`). */
	private keepImportLog({ stdout, stderr }: { stdout: string; stderr: string }): void {
		const logDir = this.options.logDir ?? this.userFolder;
		mkdirSync(logDir, { recursive: true });
		appendFileSync(join(logDir, 'n8n-import.log'), stdout + stderr);
	}

	/**
	 * `n8n execute --id --rawOutput` (see `splitExecuteOutput`). `brokerPort` keeps its task
	 * broker off the server's.
	 */
	async execute(
		workflowId: string,
		brokerPort: number,
		onSpawn?: (child: ChildProcess) => void,
		extraEnv: NodeJS.ProcessEnv = {},
	): Promise<ExecuteResult> {
		const { code, stdout, stderr } = await this.cli(
			['execute', `--id=${workflowId}`, '--rawOutput'],
			{ N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...extraEnv },
			true,
			onSpawn,
		);
		return { code, ...splitExecuteOutput(stdout), stdout, stderr };
	}

	/** Starts `n8n start` on 127.0.0.1:`port`; resolves once n8n answers its REST calls. */
	async start(port: number, brokerPort: number, timeoutMs = 120_000): Promise<RestClient> {
		const logDir = this.options.logDir ?? this.userFolder;
		mkdirSync(logDir, { recursive: true });
		const logFile = join(logDir, 'n8n-server.log');
		rmSync(logFile, { force: true });
		this.server = startProcess(
			this.options.runtime.nodeBin,
			[this.options.runtime.n8nBin, 'start'],
			{
				env: this.env({
					N8N_LISTEN_ADDRESS: '127.0.0.1',
					N8N_HOST: '127.0.0.1',
					N8N_PORT: String(port),
					N8N_SECURE_COOKIE: 'false',
					N8N_RUNNERS_BROKER_PORT: String(brokerPort),
				}),
				cwd: this.userFolder,
				logFile,
			},
		);
		const baseUrl = `http://127.0.0.1:${port}`;
		const deadline = Date.now() + timeoutMs;
		let exitCode: number | null | undefined;
		void this.server.exited.then((code) => (exitCode = code));
		while (Date.now() < deadline) {
			if (exitCode !== undefined)
				throw new Error(`n8n start exited with ${exitCode}; see ${logFile}`);
			try {
				// n8n 1.x answers readiness once its database is ready, before its REST routes
				// exist; /rest/settings answers once they do (2.x is ready only then anyway).
				const ready =
					(await fetch(`${baseUrl}/healthz/readiness`)).ok &&
					(await fetch(`${baseUrl}/rest/settings`)).ok;
				if (ready) return new RestClient(baseUrl, this.options.runtime.n8nVersion);
			} catch {
				// Not listening yet.
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(`n8n did not become ready within ${timeoutMs / 1000} s; see ${logFile}`);
	}

	/** The running server's process (e.g. to sample its memory). */
	get serverProcess(): ChildProcess | undefined {
		return this.server?.child;
	}

	/** Resolves when the server stops on its own (or is stopped). */
	get serverExited(): Promise<number | null> | undefined {
		return this.server?.exited;
	}

	async stop(): Promise<void> {
		await this.server?.stop();
		this.server = undefined;
	}
}

/** n8n's internal REST API as the editor uses it: a session cookie and a browser id. */
export class RestClient {
	private cookie = '';

	private readonly browserId = 'crm-contacts-e2e';

	/** `n8nVersion`: the server's, where its answers differ between n8n lines. */
	constructor(
		readonly baseUrl: string,
		readonly n8nVersion = '',
	) {}

	async request<T = any>(
		method: string,
		path: string,
		body?: unknown,
	): Promise<{ status: number; body: T }> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		const auth = setCookie?.match(/n8n-auth=[^;]+/);
		if (auth) this.cookie = auth[0];
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// Not JSON: keep the text.
		}
		return { status: response.status, body: parsed as T };
	}

	/** Creates the owner account (first start) and logs in. */
	async setupOwnerAndLogin(owner: Owner = DEFAULT_OWNER): Promise<void> {
		const setup = await this.request('POST', '/rest/owner/setup', owner);
		if (setup.status !== 200)
			throw new Error(`Owner setup answered ${setup.status}: ${JSON.stringify(setup.body)}`);
		const login = await this.request('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			password: owner.password,
		});
		if (login.status !== 200)
			throw new Error(`Login answered ${login.status}: ${JSON.stringify(login.body)}`);
	}

	/**
	 * The editor's "Test" of a credential (send the full `data`). A test the vendor refused
	 * with an HTTP error reads as the status text (`Unauthorized`) on every n8n line.
	 */
	async testCredential(credentials: { id: string; name: string; type: string; data: object }) {
		const answer = await this.request<{ data: { status: string; message: string } }>(
			'POST',
			'/rest/credentials/test',
			{ credentials },
		);
		if (typeof answer.body?.data?.message === 'string')
			answer.body.data.message = credentialTestMessage(answer.body.data.message, this.n8nVersion);
		return answer;
	}
}

/** A credential test's message as n8n 2.x words it (see N8N_1X_STATUS_MESSAGES). */
export function credentialTestMessage(message: string, n8nVersion: string): string {
	return (n8nVersion.startsWith('1.') && N8N_1X_STATUS_MESSAGES[message]) || message;
}

/**
 * n8n 1.x reports a refused credential test in n8n's own words for the HTTP status
 * (n8n-workflow 1.x NodeApiError's table); 2.x gives the status text. Back to the status text.
 */
const N8N_1X_STATUS_MESSAGES: Record<string, string> = Object.fromEntries(
	Object.entries({
		400: 'Bad request - please check your parameters',
		401: 'Authorization failed - please check your credentials',
		402: 'Payment required - perhaps check your payment details?',
		403: 'Forbidden - perhaps check your credentials?',
		404: 'The resource you are requesting could not be found',
		405: 'Method not allowed - please check you are using the right HTTP method',
		429: 'The service is receiving too many requests from you',
		500: 'The service was not able to process your request',
		502: 'Bad gateway - the service failed to handle your request',
		503: 'Service unavailable - try again later or consider setting this node to retry automatically (in the node settings)',
		504: 'Gateway timed out - perhaps try again later?',
	}).map(([code, message]) => [message, STATUS_CODES[code] ?? code]),
);
