package io.riskdesk.concession;

import java.time.Instant;
import java.util.Map;

import io.riskdesk.account.Money;
import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;
import io.riskdesk.web.Labels;

/** Published in the transaction that proposes a concession; it awaits approval. */
public record ConcessionProposed(String riskKey, long concessionId, ConcessionKind concessionKind, Money value, String description, String actor,
		Instant at) implements TimelineFact {

	public TimelineKind kind() {
		return TimelineKind.CONCESSION;
	}

	public String summary() {
		return "Concession proposed: " + Labels.of(concessionKind) + ", " + Amounts.text(value) + ": " + description;
	}

	public Map<String, Object> details() {
		return Map.of("concession", concessionId, "status", ConcessionStatus.PROPOSED.name());
	}

}
