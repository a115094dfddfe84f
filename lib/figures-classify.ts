// Placeholder so lib/index.ts builds; filled in by the issue that owns this module.
export {};
