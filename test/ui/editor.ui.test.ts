/**
 * The package in the n8n editor, as a person uses it (`npm run test:ui`): headless Chromium
 * (Debian's `chromium`, driven by playwright-core) against the same setup `npm run dev`
 * makes: the packed package in a real n8n 2.41.1, a sandbox credential per vendor (and one
 * with a bad key) and the example workflows of examples/, the owner created over REST. Then,
 * through the editor's own pages, for every node of the package in a new workflow:
 * - added with the node creator (its "Create a contact" action), the sandbox credential
 *   selected, one of its dynamic dropdowns shows the sandbox's values (test/e2e/vendors);
 * - its notices and hints are on screen: in the node panel and in the credential dialog;
 * - with the bad-key credential, its dropdown shows the vendor's own refusal;
 * - with "Custom API Call" chosen, the editor points to the HTTP Request node;
 * and the AI Agent example: the node connected as the agent's tool, its `$fromAI()` inputs
 * and its Tool Description shown, and the tool run from the editor's test form.
 * Screenshots go to `.tmp/ui-screenshots/`, browser console errors to `.tmp/ui-logs/browser.log`.
 */
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { BrowserContext, Locator, Page } from 'playwright-core';
import { chromium, selectors } from 'playwright-core';

import type { Sandbox } from '../sandbox';
import { createSandbox } from '../sandbox';
import { DEFAULT_OWNER, N8nInstance } from '../e2e/lib/n8n';
import { buildAndPack, installPackage, projectRoot } from '../e2e/lib/package';
import { freePort, removeOnExit, stopAll } from '../e2e/lib/processes';
import { ensureRuntime } from '../e2e/lib/runtime';
import type { E2eDropdown, E2eVendor } from '../e2e/lib/vendor';
import {
	badCredentialId,
	badCredentialImport,
	credentialImport,
	exampleFiles,
	nodeType,
} from '../e2e/lib/vendor';
import { e2eVendors } from '../e2e/vendors';

/** Debian's package (scripts/ensure-chromium.sh installs it); CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The flags these machines need: no sandbox as root, and no calls out of the closed network. */
const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

const screenshotDir = join(projectRoot, '.tmp', 'ui-screenshots');
const logDir = join(projectRoot, '.tmp', 'ui-logs');
const browserLog = join(logDir, 'browser.log');

const say = (line: string) => process.stdout.write(`[ui] ${line}\n`);

const workDir = mkdtempSync(join(tmpdir(), 'crm-contacts-ui-'));
removeOnExit(workDir);

let sandbox: Sandbox;
let n8n: N8nInstance;
let baseUrl: string;
let context: BrowserContext;

/** The dropdowns the data file marks for this test: the one opened, and a list search's searched one if any. */
function dropdownsOf(vendor: E2eVendor): { opened: E2eDropdown; searched?: E2eDropdown } {
	const marked = vendor.dropdowns.filter((entry) => entry.openedInEditor);
	const opened = marked.find((entry) => entry.filter === undefined);
	if (!opened)
		throw new Error(
			`test/e2e/vendors: mark one of ${vendor.displayName}'s dropdowns with openedInEditor: true`,
		);
	return { opened, searched: marked.find((entry) => entry.filter !== undefined) };
}

/** A fresh tab of the signed-in browser; its console errors and failed requests go to the log. */
async function newPage(label: string): Promise<Page> {
	const page = await context.newPage();
	const log = (line: string) => appendFileSync(browserLog, `[${label}] ${line}\n`);
	page.on('console', (message) => {
		if (message.type() === 'error' || message.type() === 'warning')
			log(`console.${message.type()}: ${message.text()}`);
	});
	page.on('pageerror', (error) => log(`page error: ${error.message}`));
	page.on('requestfailed', (request) =>
		log(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`),
	);
	return page;
}

/** The editor's sign-in page, with the owner `npm run dev` creates. */
async function signIn(): Promise<void> {
	const page = await newPage('sign-in');
	await page.goto('/signin');
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(DEFAULT_OWNER.email);
	await page.getByTestId('password').locator('input').fill(DEFAULT_OWNER.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	await page.close();
}

/** New workflow → node creator → search the node → its "Create a contact" action; resolves with the open node panel. */
async function addNodeToNewWorkflow(page: Page, vendor: E2eVendor): Promise<Locator> {
	await page.goto('/workflow/new');
	await page.getByTestId('canvas-add-button').waitFor();
	await page.getByTestId('node-creator-plus-button').click();
	const creator = page.getByTestId('node-creator');
	await creator.getByTestId('node-creator-search-bar').fill(vendor.displayName);
	await creator
		.getByTestId('item-iterator-item')
		.filter({ hasText: vendor.displayName })
		.first()
		.click();
	const createAction = creator
		.getByTestId('item-iterator-item')
		.filter({ hasText: 'Create a contact' })
		.first();
	// A vendor with a trigger is one entry with Triggers and Actions; on an empty workflow n8n
	// opens it with Actions folded.
	const foldedActions = creator.getByText(/^Actions \(\d+\)$/).first();
	await createAction.or(foldedActions).first().waitFor();
	if (!(await createAction.isVisible())) await foldedActions.click();
	await createAction.click();
	const ndv = page.getByTestId('ndv');
	await ndv.waitFor();
	// On the canvas too (after the trigger n8n adds to an empty workflow).
	await page
		.getByTestId('canvas-node')
		.filter({ hasText: 'Create a contact' })
		.waitFor({ state: 'attached' });
	return ndv;
}

/** Picks a credential in the node's credential picker (unless it is the selected one already). */
async function pickCredential(
	page: Page,
	ndv: Locator,
	credential: { id: string; name: string },
): Promise<void> {
	const picker = ndv.getByTestId('node-credentials-select').getByRole('combobox');
	await picker.waitFor();
	if ((await picker.inputValue()) !== credential.name) {
		await picker.click();
		await page.getByTestId(`node-credentials-select-item-${credential.id}`).click();
	}
	await waitFor(
		async () => (await picker.inputValue()) === credential.name,
		`credential "${credential.name}" selected`,
	);
}

/** Closes an open dropdown by clicking the panel's Parameters tab (Escape would close the panel too). */
async function closeDropdown(ndv: Locator): Promise<void> {
	await ndv.getByText('Parameters', { exact: true }).first().click();
}

/**
 * A dropdown whose options failed: the editor's words in the field, and an issue icon
 * whose tooltip holds the server's message. The editor asks again when the credential changes;
 * a click opens the dropdown if it has not.
 */
async function expectOptionsError(
	page: Page,
	ndv: Locator,
	parameter: string,
	vendorName: string,
	message: string,
): Promise<void> {
	const field = ndv.getByTestId(`parameter-input-${parameter}`);
	const failedText = `Error fetching options from ${vendorName}`;
	// The text shows as the (disabled) field's value.
	const failureShown = async () => {
		for (const input of await field.locator('input').all())
			if ((await input.inputValue()) === failedText) return true;
		return false;
	};
	await waitFor(async () => {
		if (await failureShown()) return true;
		const select = field.locator('.el-select');
		if ((await select.count()) > 0)
			await select
				.first()
				.click({ timeout: 2_000 })
				.catch(() => {});
		await new Promise((resolve) => setTimeout(resolve, 500));
		return await failureShown();
	}, `the dropdown to show "${failedText}"`);
	const tooltip = page
		.getByText(`There was a problem loading the parameter options from server: "${message}"`)
		.first();
	await waitFor(async () => {
		for (const icon of await ndv.getByTestId('parameter-issues').all()) {
			await icon.hover({ timeout: 2_000 }).catch(() => {});
			await new Promise((resolve) => setTimeout(resolve, 300));
			if (await tooltip.isVisible()) return true;
		}
		return false;
	}, 'the issue tooltip with the vendor message');
}

/** A resource locator's list that failed: "Could not load list" and the server's message in it. */
async function expectListError(
	page: Page,
	ndv: Locator,
	parameter: string,
	message: string,
): Promise<void> {
	const errorView = page.getByTestId('rlc-error-container');
	await waitFor(async () => {
		if (await errorView.isVisible()) return true;
		await ndv
			.getByTestId(`resource-locator-${parameter}`)
			.getByTestId('rlc-input')
			.click({ timeout: 2_000 })
			.catch(() => {});
		await new Promise((resolve) => setTimeout(resolve, 500));
		return await errorView.isVisible();
	}, 'the list to show its error');
	await expectOnScreen(errorView, 'Could not load list');
	await expectOnScreen(errorView, message);
}

/** Resolves once `text` is on screen inside `scope` (scrolled into view first), case and spaces aside. */
async function expectOnScreen(scope: Locator, text: string): Promise<void> {
	const shown = scope.getByText(text).first();
	await shown.waitFor({ state: 'attached' });
	await shown.scrollIntoViewIfNeeded();
	await shown.waitFor({ state: 'visible' });
}

/** Opens an options / multi-options parameter's dropdown; resolves with the option texts. */
async function openOptions(
	page: Page,
	ndv: Locator,
	parameter: string,
	expectedCount: number,
): Promise<string[]> {
	const field = ndv.getByTestId(`parameter-input-${parameter}`);
	// A multi-select has two comboboxes (its search input and its placeholder) for one listbox.
	const combobox = field.getByRole('combobox').first();
	// A click while the panel is still settling can go unnoticed: click until it opens.
	await waitFor(async () => {
		if ((await combobox.getAttribute('aria-expanded')) === 'true') return true;
		await field.locator('.el-select').first().click();
		await new Promise((resolve) => setTimeout(resolve, 500));
		return (await combobox.getAttribute('aria-expanded')) === 'true';
	}, `the ${parameter} dropdown to open`);
	const listbox = page.locator(`[id="${await combobox.getAttribute('aria-controls')}"]`);
	const options = listbox.getByRole('option');
	// The editor shows its own "Loading options..." entry while the server asks the vendor.
	await waitFor(
		async () =>
			(await options.count()) >= expectedCount && !(await listbox.innerText()).includes('Loading'),
		`${expectedCount} options`,
	);
	return (await options.allInnerTexts()).map((text) => text.trim());
}

/** Opens a resource locator's "From list" dropdown, optionally searching; resolves with the item texts. */
async function openList(
	page: Page,
	ndv: Locator,
	parameter: string,
	expectedCount: number,
	filter?: string,
): Promise<string[]> {
	const locator = ndv.getByTestId(`resource-locator-${parameter}`);
	if (!(await page.getByTestId('rlc-search').isVisible()))
		await locator.getByTestId('rlc-input').click();
	const search = page.getByTestId('rlc-search');
	await search.waitFor();
	if (filter !== undefined) await search.fill(filter);
	const items = page.getByTestId('rlc-item');
	await waitFor(async () => {
		const count = await items.count();
		return filter === undefined ? count >= expectedCount : count === expectedCount;
	}, `${expectedCount} list items`);
	return (await items.allInnerTexts()).map((text) => text.trim());
}

async function waitFor(
	check: () => Promise<boolean>,
	what: string,
	timeoutMs = 20_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check()) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

beforeAll(async () => {
	const started = Date.now();
	if (!existsSync(CHROMIUM))
		throw new Error(
			`No Chromium at ${CHROMIUM}: run bash scripts/ensure-chromium.sh (or set CHROMIUM_PATH)`,
		);
	rmSync(screenshotDir, { recursive: true, force: true });
	rmSync(logDir, { recursive: true, force: true });
	mkdirSync(screenshotDir, { recursive: true });
	mkdirSync(logDir, { recursive: true });

	// What `npm run dev` does (scripts/dev.ts), on free ports.
	const runtime = await ensureRuntime(say);
	say('building and packing the package …');
	const tarball = await buildAndPack(workDir, join(logDir, 'build.log'));
	sandbox = createSandbox();
	const sandboxUrl = await sandbox.start();
	n8n = new N8nInstance({
		runtime,
		userFolder: join(workDir, 'n8n-user'),
		removeUserFolder: false,
		logDir,
	});
	await installPackage(n8n.userFolder, tarball);
	// The bad-key credentials first: a new node gets the newest credential of its type, and
	// should start with the sandbox one.
	await n8n.importCredentials(e2eVendors.map((vendor) => badCredentialImport(vendor, sandboxUrl)));
	await n8n.importCredentials(e2eVendors.map((vendor) => credentialImport(vendor, sandboxUrl)));
	await n8n.importWorkflows(exampleFiles(e2eVendors).map(({ workflow }) => workflow));
	const [port, brokerPort] = [await freePort(), await freePort()];
	say(`starting n8n on 127.0.0.1:${port} …`);
	const rest = await n8n.start(port, brokerPort);
	await rest.setupOwnerAndLogin(DEFAULT_OWNER);
	baseUrl = rest.baseUrl;

	const profile = mkdtempSync(join(tmpdir(), 'crm-contacts-chromium-'));
	removeOnExit(profile);
	selectors.setTestIdAttribute('data-test-id');
	context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_FLAGS,
		baseURL: baseUrl,
		viewport: { width: 1440, height: 900 },
	});
	context.setDefaultTimeout(20_000);
	await signIn();
	say(`signed in to ${baseUrl} after ${Math.round((Date.now() - started) / 1000)} s`);
}, 30 * 60_000);

afterAll(async () => {
	await context?.close();
	await n8n?.stop();
	await sandbox?.close();
	await stopAll();
}, 60_000);

/**
 * The words each node shows a person before they go wrong (issue 17): hints and notices in the
 * node panel (Contact → Create), and the notice of the credential dialog saying where the
 * vendor shows its key. Parts of the texts, as the editor shows them.
 */
const shownTexts: Record<string, { panel: string[]; credential: string; customApiCall: boolean }> =
	{
		salesCaptain: {
			panel: [
				'Give a phone number, an email, or both',
				"Choose the Company first: the list shows that company's tags",
			],
			credential: "Find your API token in your SalesCaptain account's API settings",
			customApiCall: true,
		},
		contactship: {
			panel: [],
			credential: 'Find your API key in the Contactship dashboard, under API settings',
			customApiCall: true,
		},
		revyOps: {
			panel: ['Give an email, a LinkedIn URL, or both'],
			credential: 'Fill in API Key: it is how working integrations sign in',
			customApiCall: false,
		},
		wipsy: {
			panel: [
				'The Pipeline Stage, Tag and Custom Field lists show only values that some of the first 500 contacts already use',
			],
			credential: "Find your API key in your Wipsy CRM account's API settings",
			customApiCall: true,
		},
		thoughtly: {
			panel: [],
			credential:
				'Find the API token and the Team ID on the Developer Settings page of the Thoughtly dashboard',
			customApiCall: true,
		},
	};

const screenshot = (ndvOrPage: Locator | Page, name: string) =>
	ndvOrPage.screenshot({ path: join(screenshotDir, `${name}.png`), animations: 'disabled' });

describe.each(e2eVendors.map((vendor) => [vendor.displayName, vendor] as const))(
	'%s in the editor',
	(_name, vendor) => {
		// One node panel per vendor, opened by the first test and used by the next ones in turn.
		let page: Page;
		let ndv: Locator;
		const { opened: dropdown, searched: searchedDropdown } = dropdownsOf(vendor);
		const parameter = dropdown.parameterPath;
		const texts = shownTexts[vendor.nodeName];
		if (!texts) throw new Error(`test/ui/editor.ui.test.ts: add ${vendor.nodeName} to shownTexts`);

		/** Runs a step on the vendor's page; on failure keeps a picture of the whole page. */
		async function step(name: string, body: () => Promise<void>): Promise<void> {
			try {
				await body();
			} catch (error) {
				await page
					?.screenshot({ path: join(screenshotDir, `${vendor.nodeName}-${name}-failure.png`) })
					.catch(() => {});
				throw error;
			}
		}

		beforeAll(async () => {
			page = await newPage(vendor.displayName);
		});
		afterAll(async () => {
			await page?.close();
		});

		test('added from the node creator, with the sandbox credential, its dropdown shows the sandbox values', async () => {
			await step('dropdown', async () => {
				ndv = await addNodeToNewWorkflow(page, vendor);
				await pickCredential(page, ndv, vendor.credential);

				const expectedNames = dropdown.expected.map((option) => option.name);
				let searched = '';
				if (dropdown.kind === 'listSearch') {
					const items = await openList(page, ndv, parameter, expectedNames.length);
					// The first page in RevyOps' order (the editor may already have asked for the next page).
					expect(items.slice(0, expectedNames.length)).toEqual(expectedNames);
					if (searchedDropdown) {
						const filter = searchedDropdown.filter!;
						const filtered = searchedDropdown.expected.map((option) => option.name);
						expect(await openList(page, ndv, parameter, filtered.length, filter)).toEqual(filtered);
						searched = `, searching "${filter}" only ${filtered.join(', ')}`;
					}
				} else {
					expect(await openOptions(page, ndv, parameter, expectedNames.length)).toEqual(
						expectedNames,
					);
				}
				// Served by the sandbox, through the node's method, with the credential.
				const asked = sandbox
					.requests(vendor.sandboxVendor)
					.map((request) => `${request.method} ${request.path}`);
				for (const request of dropdown.expectedRequests)
					expect(asked).toContain(`${request.method} ${request.path}`);

				// Fast-forwards the dropdown's fade-in, so the picture shows it fully drawn.
				await screenshot(ndv, vendor.nodeName);
				await closeDropdown(ndv);
				say(
					`${vendor.displayName}: ${parameter} shows ${expectedNames.length} sandbox values${searched}; screenshot .tmp/ui-screenshots/${vendor.nodeName}.png`,
				);
			});
		}, 120_000);

		test('its notices are on screen: the hints in the node panel, where to find the key in the credential dialog', async () => {
			await step('notices', async () => {
				for (const text of texts.panel) await expectOnScreen(ndv, text);
				if (texts.panel.length > 0) await screenshot(ndv, `${vendor.nodeName}-hints`);

				await ndv.getByTestId('credential-edit-button').click();
				const dialog = page.getByTestId('credential-edit-dialog');
				await dialog.waitFor();
				await expectOnScreen(dialog, texts.credential);
				await screenshot(page, `${vendor.nodeName}-credential`);
				// The dialog's close button (Escape would close the node panel as well).
				await page.locator('.el-dialog__headerbtn:visible').first().click();
				await dialog.waitFor({ state: 'hidden' });
				const hints = texts.panel.length
					? `${texts.panel.length} hint(s) in the node panel (${vendor.nodeName}-hints.png), `
					: '';
				say(
					`${vendor.displayName}: ${hints}the credential dialog's notice (${vendor.nodeName}-credential.png)`,
				);
			});
		}, 60_000);

		test("with a bad key, its dropdown shows the vendor's refusal in the vendor's words", async () => {
			await step('bad-key', async () => {
				await pickCredential(page, ndv, {
					id: badCredentialId(vendor),
					name: `${vendor.credential.name} with a bad key`,
				});
				const message = vendor.credential.badDropdownMessage;
				if (dropdown.kind === 'listSearch') await expectListError(page, ndv, parameter, message);
				else await expectOptionsError(page, ndv, parameter, vendor.displayName, message);
				await screenshot(page, `${vendor.nodeName}-bad-key`);
				await closeDropdown(ndv);
				await pickCredential(page, ndv, vendor.credential);
				say(
					`${vendor.displayName}: with a bad key, ${parameter} shows "${message}" (${vendor.nodeName}-bad-key.png)`,
				);
			});
		}, 60_000);

		test('"Custom API Call" where n8n offers it: the editor points to the HTTP Request node', async () => {
			await step('custom-api-call', async () => {
				const field = ndv.getByTestId('parameter-input-operation');
				const combobox = field.getByRole('combobox').first();
				await field.locator('.el-select').first().click();
				const listbox = page.locator(`[id="${await combobox.getAttribute('aria-controls')}"]`);
				const options = listbox.getByRole('option');
				await options.first().waitFor();
				const offered = (await options.allInnerTexts()).some((text) =>
					text.includes('Custom API Call'),
				);
				expect(offered).toBe(texts.customApiCall);
				if (!texts.customApiCall) {
					await screenshot(ndv, `${vendor.nodeName}-no-custom-api-call`);
					await closeDropdown(ndv);
					say(`${vendor.displayName}: no Custom API Call in the Operation list, as n8n decides`);
					return;
				}
				await options.filter({ hasText: 'Custom API Call' }).click();
				await expectOnScreen(
					ndv,
					`Use the HTTP Request node to make a custom API call. We'll take care of the ${vendor.displayName} auth for you.`,
				);
				// The operation's fields are gone.
				expect(await ndv.getByTestId(`parameter-input-${parameter}`).count()).toBe(0);
				await screenshot(ndv, `${vendor.nodeName}-custom-api-call`);
				say(
					`${vendor.displayName}: Custom API Call points to the HTTP Request node (${vendor.nodeName}-custom-api-call.png)`,
				);
			});
		}, 60_000);
	},
);

describe('the AI Agent example (examples/): the node as the agent tool', () => {
	const vendor = e2eVendors.find((candidate) => candidate.aiAgentExample)!;
	const example = vendor.aiAgentExample!;
	const toolName = `${vendor.displayName} Tool`;

	test("the agent with the tool connected; the tool's $fromAI inputs and Tool Description shown; run from the test form", async () => {
		const page = await newPage('AI Agent');
		try {
			await page.goto(`/workflow/${example.id}`);
			const canvas = page.getByTestId('canvas-node');
			const tool = canvas.filter({ hasText: toolName });
			await tool.waitFor();
			// The agent shows its Tool input; the tool node hangs under it.
			await expectOnScreen(canvas.filter({ hasText: 'AI Agent' }), 'Tool');
			await screenshot(page, 'ai-agent-canvas');

			await tool.dblclick();
			const ndv = page.getByTestId('ndv');
			await ndv.waitFor();
			for (const name of ['fullName', 'phone', 'email']) {
				const expression = String(example.toolParameters[name]).replace(/^=/, '');
				await expectOnScreen(ndv.getByTestId(`parameter-input-${name}`), expression);
			}
			const toolDescriptionField = ndv
				.getByTestId('parameter-input-toolDescription')
				.locator('textarea');
			await toolDescriptionField.scrollIntoViewIfNeeded();
			const toolDescription = await toolDescriptionField.inputValue();
			expect(toolDescription).toMatch(/^Creates one contact in SalesCaptain/);
			expect(toolDescription).toContain('at least a phone number or an email');
			await screenshot(ndv, 'ai-agent-tool');

			// "Execute step" on a tool opens n8n's form for what the agent would send: one input per
			// $fromAI(). The form wants each filled (defaults aside); the agent's schema does not.
			await ndv.getByTestId('node-execute-button').first().click();
			const form = page.getByTestId('fromAiParameters-modal');
			await form.waitFor();
			const inputs = await form
				.getByTestId('from-ai-parameters-modal-inputs')
				.locator('label')
				.allInnerTexts();
			expect(inputs.map((label) => label.replace('*', '').trim())).toEqual([
				'fullName',
				'phone',
				'email',
			]);
			await screenshot(page, 'ai-agent-tool-inputs');
			const person = {
				fullName: 'Katherine Johnson',
				phone: '+14155550199',
				email: 'kj@example.com',
			};
			for (const [name, value] of Object.entries(person))
				await form.getByTestId(`query.${name}`).locator('input').fill(value);
			const before = sandbox.requests(vendor.sandboxVendor).length;
			await form.getByRole('button', { name: 'Execute step' }).click();
			const output = ndv.getByTestId('output-panel');
			await expectOnScreen(output, person.email);
			await expectOnScreen(output, 'created');
			const sent = sandbox.requests(vendor.sandboxVendor).slice(before);
			// SalesCaptain's create call carries what was typed into the form.
			const create = sent.find((request) => request.path === '/v1/create-contact');
			expect(create?.body).toMatchObject({
				contact_name: person.fullName,
				contact_email: person.email,
			});
			await screenshot(ndv, 'ai-agent-tool-run');
			say(
				`AI Agent: ${toolName} (${nodeType(vendor)}Tool) connected, $fromAI inputs ${inputs.length}, run from the test form; screenshots ai-agent-*.png`,
			);
		} catch (error) {
			await page.screenshot({ path: join(screenshotDir, 'ai-agent-failure.png') }).catch(() => {});
			throw error;
		} finally {
			await page.close();
		}
	}, 120_000);
});
