/** The adapter's verified authentication settings (AdapterAuthSettings). */
export const ADAPTER_AUTH_SETTINGS = Symbol('ADAPTER_AUTH_SETTINGS');
