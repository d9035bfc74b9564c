/**
 * Demo users and data loaded into an empty embedded database.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = { "account", "database", "playbook", "risk", "security" })
package io.riskdesk.demo;

import org.springframework.modulith.ApplicationModule;
