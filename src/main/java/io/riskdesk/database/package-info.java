/**
 * The embedded PostgreSQL (durable, restarted cleanly after a crash), backups and restore.
 */
@ApplicationModule(displayName = "Database", allowedDependencies = {})
package io.riskdesk.database;

import org.springframework.modulith.ApplicationModule;
