/**
 * Tells re2-wasm where its `re2.wasm` is when it runs inside the action's bundle.
 * Its Emscripten loader looks next to `__dirname`, which a CommonJS module has and the
 * bundle (ncc's ES-module output, `dist/*.index.js`) does not: there the free
 * `__dirname` resolves to the global, set here to the bundle's directory, where the
 * build copies `re2.wasm`. Outside the bundle re2-wasm is a CommonJS module with its own
 * `__dirname`, which shadows the global, so this changes nothing. Imported by
 * linear-regex.ts before re2-wasm, so it runs first.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const scope = globalThis as { __dirname?: string };
if (scope.__dirname === undefined && import.meta.url.startsWith('file:')) scope.__dirname = dirname(fileURLToPath(import.meta.url));
