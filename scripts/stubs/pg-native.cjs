// Stands in for pg-native in the bundles: Grounded uses node-postgres' JavaScript client, and the native one (a
// compiled libpq binding) is never shipped. node-postgres requires it only when asked for `pg.native`.
throw new Error('pg-native is not part of Grounded: it uses the JavaScript PostgreSQL client');
