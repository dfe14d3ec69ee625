/**
 * Where the configuration lives, in a module of its own: reading this constant must not
 * load the schema library (a fully cached `gates` run never validates anything).
 */
export const CONFIG_PATH = '.github/spec-automation.yml';
