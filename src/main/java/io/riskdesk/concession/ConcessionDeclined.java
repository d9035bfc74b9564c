package io.riskdesk.concession;

import java.time.Instant;
import java.util.Map;

import io.riskdesk.account.Money;
import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;
import io.riskdesk.web.Labels;

/** Published in the transaction that records the customer declining a concession. */
public record ConcessionDeclined(String riskKey, long concessionId, ConcessionKind concessionKind, Money value, String note, String actor,
		Instant at) implements TimelineFact {

	public TimelineKind kind() {
		return TimelineKind.CONCESSION;
	}

	public String summary() {
		return "Customer declined the concession: " + Labels.of(concessionKind) + ", " + Amounts.text(value) + Amounts.note(note);
	}

	public Map<String, Object> details() {
		return Map.of("concession", concessionId, "status", ConcessionStatus.DECLINED.name());
	}

}
