import { loadConfig as loadRoundtableConfig, type RoundtableConfig } from '@roundtable/api-config';
import { resolve } from 'path';

/** The validated configuration (libs/api/config), with the folders resolved against the working directory. */
export type AppConfig = RoundtableConfig;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const config = loadRoundtableConfig(env);
  return { ...config, dataDir: resolve(config.dataDir), webDist: resolve(config.webDist) };
}
