package io.riskdesk.concession;

import java.util.List;

/** The concessions of a risk or an account with their totals per currency. */
public record ConcessionList(List<Concession> concessions, List<ConcessionTotals> totals) {

	static ConcessionList of(List<Concession> concessions) {
		return new ConcessionList(concessions, ConcessionTotals.of(concessions));
	}

}
