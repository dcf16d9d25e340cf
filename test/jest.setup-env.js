// API tests run with the test environment's configuration.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'silent';
