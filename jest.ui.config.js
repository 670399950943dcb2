/**
 * The editor test (`npm run test:ui`): a real n8n driven in headless Chromium. One file, in
 * band (its cleanup handlers see every child it starts).
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/ui'],
	testMatch: ['**/*.ui.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	// The first run on a machine installs Node 24 and n8n (about 7 minutes) inside beforeAll.
	testTimeout: 120000,
	verbose: true,
};
