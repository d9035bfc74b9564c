package io.riskdesk.risk;

import java.util.List;

/**
 * Work on a risk that another module keeps (the plan's open milestones). Resolving asks every
 * implementation, so open work is never passed over silently, without the register depending
 * on the modules that keep it.
 */
public interface OpenWork {

	/** What is still open on the risk, one line each, for a person to read. */
	List<String> openOn(String riskKey);

	/** What to do with open work when a risk is resolved. */
	enum Choice {
		/** Keep each open item as a prevention item of the risk. */
		CARRY_AS_PREVENTION,
		/** Drop the open items, with a reason. */
		DROP
	}

}
