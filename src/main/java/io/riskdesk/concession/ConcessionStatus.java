package io.riskdesk.concession;

import java.util.Map;
import java.util.Set;

/** Where a concession stands: approved inside the company, then offered to and answered by the customer. */
public enum ConcessionStatus {
	PROPOSED, APPROVED, REJECTED, OFFERED, ACCEPTED, DECLINED;

	private static final Map<ConcessionStatus, Set<ConcessionStatus>> NEXT = Map.of(PROPOSED, Set.of(APPROVED, REJECTED),
			APPROVED, Set.of(OFFERED), REJECTED, Set.of(), OFFERED, Set.of(ACCEPTED, DECLINED), ACCEPTED, Set.of(),
			DECLINED, Set.of());

	/** The statuses a concession in this one may move to; none once rejected, accepted or declined. */
	public Set<ConcessionStatus> next() {
		return NEXT.get(this);
	}

}
