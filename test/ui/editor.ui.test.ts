/**
 * The package in the n8n editor, as a person uses it (`npm run test:ui`): headless Chromium
 * (Debian's `chromium`, driven by playwright-core) against the same setup `npm run dev`
 * makes: the packed package in a real n8n 2.41.1, a sandbox credential per vendor and an
 * example workflow per node, the owner created over REST. Then, through the editor's own
 * pages: sign in, and for every node of the package open a new workflow, add the node with
 * the node creator (its "Create a contact" action), check the sandbox credential is the
 * selected one, open one of its dynamic dropdowns and find the sandbox's values in it
 * (test/e2e/vendors/<vendor>.ts), and save a screenshot of the node panel to
 * `.tmp/ui-screenshots/<vendor>.png`. Browser console errors go to `.tmp/ui-logs/browser.log`.
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
import { credentialImport, workflowImport } from '../e2e/lib/vendor';
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
	await creator
		.getByTestId('item-iterator-item')
		.filter({ hasText: 'Create a contact' })
		.first()
		.click();
	const ndv = page.getByTestId('ndv');
	await ndv.waitFor();
	// On the canvas too (after the trigger n8n adds to an empty workflow).
	await page
		.getByTestId('canvas-node')
		.filter({ hasText: 'Create a contact' })
		.waitFor({ state: 'attached' });
	return ndv;
}

/** The node's credential picker holds the vendor's sandbox credential (picked when it does not). */
async function ensureCredential(page: Page, ndv: Locator, vendor: E2eVendor): Promise<void> {
	const picker = ndv.getByTestId('node-credentials-select').getByRole('combobox');
	await picker.waitFor();
	if ((await picker.inputValue()) !== vendor.credential.name) {
		await picker.click();
		await page.getByTestId(`node-credentials-select-item-${vendor.credential.id}`).click();
	}
	await waitFor(
		async () => (await picker.inputValue()) === vendor.credential.name,
		`credential "${vendor.credential.name}" selected`,
	);
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
	await n8n.importCredentials(e2eVendors.map((vendor) => credentialImport(vendor, sandboxUrl)));
	await n8n.importWorkflows(
		e2eVendors.flatMap((vendor) =>
			vendor.workflows
				.filter((workflow) => workflow.example)
				.map((workflow) => workflowImport(vendor, workflow)),
		),
	);
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

describe.each(e2eVendors.map((vendor) => [vendor.displayName, vendor] as const))(
	'%s in the editor',
	(_name, vendor) => {
		test('added from the node creator, with the sandbox credential, its dropdown shows the sandbox values', async () => {
			const { opened: dropdown, searched: searchedDropdown } = dropdownsOf(vendor);
			const parameter = dropdown.parameterPath;
			const page = await newPage(vendor.displayName);
			try {
				const ndv = await addNodeToNewWorkflow(page, vendor);
				await ensureCredential(page, ndv, vendor);

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
				await ndv.screenshot({
					path: join(screenshotDir, `${vendor.nodeName}.png`),
					animations: 'disabled',
				});
				say(
					`${vendor.displayName}: ${parameter} shows ${expectedNames.length} sandbox values${searched}; screenshot .tmp/ui-screenshots/${vendor.nodeName}.png`,
				);
			} catch (error) {
				await page
					.screenshot({ path: join(screenshotDir, `${vendor.nodeName}-failure.png`) })
					.catch(() => {});
				throw error;
			} finally {
				await page.close();
			}
		}, 120_000);
	},
);
