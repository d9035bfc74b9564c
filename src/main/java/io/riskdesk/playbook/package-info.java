/**
 * The playbook as configuration: severities, SLA targets, escalation matrix, cadences and
 * detection thresholds, loaded from playbook.yml and validated at start-up.
 */
@ApplicationModule(displayName = "Playbook", allowedDependencies = {})
package io.riskdesk.playbook;

import org.springframework.modulith.ApplicationModule;
