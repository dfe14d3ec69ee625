/**
 * The spec-automation GitHub App, for `probot run ./lib/app/index.js` (`npm start`) with
 * APP_ID, PRIVATE_KEY (or PRIVATE_KEY_PATH), WEBHOOK_SECRET and ANTHROPIC_API_KEY.
 * See create-app.ts for how it is put together.
 */
import { createApp } from './create-app.js';

export { createApp, defaultDeps, type SpecAutomationApp } from './create-app.js';

export default createApp();
