/**
 * The real-n8n suite (`npm run test:e2e`): one file that installs the packed package into a
 * fresh n8n, so it runs in band (one process: its cleanup handlers see every child it starts).
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	// The first run installs Node 24 and n8n (about 7 minutes) inside beforeAll.
	testTimeout: 120000,
	verbose: true,
};
