// Entry of a `uat check` worker thread when the sources run through the TypeScript loader (see
// module-locations.ts): loader hooks are registered per thread, so this registers them here first.
import { registerTypeScriptLoader } from './ts-loader.mjs';

await registerTypeScriptLoader();
await import('./check-worker.ts');
