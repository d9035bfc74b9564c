package io.riskdesk.signal;

import java.util.List;

import io.riskdesk.playbook.DetectionPolicy;

/** Detection rules that share their telemetry: each rule is one SQL statement over a whole scope. */
interface RuleFamily {

	/** The family's findings in the scope, before modifiers. */
	List<Finding> find(DetectionPolicy policy, DetectionScope scope);

}
