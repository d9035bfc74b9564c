package io.riskdesk.risk;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.riskdesk.timeline.TimelineEntry;
import io.riskdesk.timeline.TimelineKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineViewTest {

	private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

	private static TimelineEntry entry(int minute, TimelineKind kind, String summary) {
		return new TimelineEntry(minute, T.plusSeconds(60L * minute), "alex", kind, summary, null, null, Map.of());
	}

	@Test
	void newestFirstWithARunOfSlaEntriesFoldedAndOwnersByName() {
		List<TimelineView.Group> groups = TimelineView.of(List.of(entry(1, TimelineKind.LOGGED, "Risk logged: X"),
				entry(2, TimelineKind.TRIAGE_STEP, "Triage step ASSIGN_SEVERITY_AND_OWNERS: Severity S1, owner 7"),
				entry(3, TimelineKind.SLA, "Warning: triage"), entry(4, TimelineKind.SLA, "Breached: triage"),
				entry(5, TimelineKind.DECISION, "Decision: escalate"), entry(6, TimelineKind.SLA, "Warning: first response")),
				Map.of(7L, "Ada Owner"));

		assertThat(groups).extracting(g -> g.first().summary())
			.containsExactly("Warning: first response", "Decision: escalate", "Breached: triage",
					"Triage step Assign severity and owners: Severity S1, owner Ada Owner", "Risk logged: X");
		assertThat(groups.get(2).folded()).isTrue();
		assertThat(groups.get(2).lines()).extracting(TimelineView.Line::summary)
			.containsExactly("Breached: triage", "Warning: triage");
		assertThat(groups.get(0).folded()).isFalse();
	}

	@Test
	void anOwnerChangeNamesBothPeople() {
		TimelineEntry changed = new TimelineEntry(1, T, "alex", TimelineKind.UPDATED, "Changed owner", "7", "8",
				Map.of("field", "owner"));
		assertThat(TimelineView.of(List.of(changed), Map.of(7L, "Ada Owner", 8L, "Ben Backup")).get(0).first().summary())
			.isEqualTo("Changed owner from Ada Owner to Ben Backup");
	}

}
