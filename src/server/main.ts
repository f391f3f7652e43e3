// The built server runs in production mode: React's server renderer is several
// times slower in development mode, and React reads NODE_ENV when it loads, so
// it is set before anything else is imported.
process.env.NODE_ENV ??= 'production'
await import('./start-server')
export {}
