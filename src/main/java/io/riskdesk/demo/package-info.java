/**
 * Demo users and data loaded into an empty embedded database, with the telemetry of some demo
 * accounts stored through the signal module's intake and the risks' action items as milestones.
 */
@ApplicationModule(displayName = "Demo data",
		allowedDependencies = { "account", "database", "plan", "playbook", "risk", "security", "signal" })
package io.riskdesk.demo;

import org.springframework.modulith.ApplicationModule;
