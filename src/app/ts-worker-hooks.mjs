// Only when the app runs from its TypeScript sources (the tests): lets the validation
// worker import `./x.js` specifiers that name `./x.ts` files, as tsc and vitest resolve
// them. The built app (lib/) never loads this.
import { register } from 'node:module';

const hooks = `
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (/^(\\.|file:)/.test(specifier) && specifier.endsWith('.js')) return next(specifier.slice(0, -3) + '.ts', context);
    throw error;
  }
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
