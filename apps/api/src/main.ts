import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/config.schema';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      // One clear line per problem, then stop: better than a half-configured API.
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen(config.API_PORT, config.API_HOST);
  app.get(Logger).log(`Sésame API listening on http://${config.API_HOST}:${config.API_PORT}/api/v1`, 'Bootstrap');
}

void main();
