#!/usr/bin/env node
// The `uat` executable: registers tsx (TypeScript at run time, no build step), then runs the program.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
