// Vite's client types, for `import.meta.glob` and `?raw` imports of the shipped scenarios.
/// <reference types="vite/client" />
