/**
 * The spec-automation GitHub App as a Probot app function (`probot run ./lib/app/index.js`
 * works too); `npm start` runs main.ts, which checks the environment before it listens.
 * See create-app.ts for how it is put together.
 */
import { createApp } from './create-app.js';

export { createApp, defaultDeps, type SpecAutomationApp } from './create-app.js';

export default createApp();
