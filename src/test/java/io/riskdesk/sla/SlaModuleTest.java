package io.riskdesk.sla;

import java.time.ZoneId;

import io.riskdesk.account.AccountForm;
import io.riskdesk.account.Accounts;
import io.riskdesk.account.Segment;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.risk.NewRisk;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskSource;
import io.riskdesk.risk.SeverityChange;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA module started with only what it depends on (and the database): the register's events
 * alone start and re-target its clocks, and it tells what it did in events of its own.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "database")
@ActiveProfiles("test")
class SlaModuleTest {

	@Autowired
	SlaClocks clocks;

	@Autowired
	RiskRegister risks;

	@Autowired
	Accounts accounts;

	@Test
	void theRegistersEventsStartAndRetargetTheClocks(PublishedEvents events) {
		long account = accounts.create(new AccountForm("Sla Module Ltd", null, null, Segment.SMB, "US",
				ZoneId.of("America/New_York"), null, null, null, null, null)).id();
		String key = risks.create(new NewRisk(account, "Checkout errors", RiskCategory.SUPPORT, null, Severity.S2, null,
				null, null, null), RiskSource.MANUAL, "alex").key();

		assertThat(clocks.clocksOf(key)).extracting(ClockView::kind)
			.containsExactly(ClockKind.TRIAGE, ClockKind.FIRST_RESPONSE, ClockKind.NOTIFICATION);

		risks.changeSeverity(key, null, new SeverityChange(Severity.S0, "Outage for all users"), "alex");

		assertThat(events.ofType(SlaEvents.ClockRetargeted.class).matching(e -> e.riskKey().equals(key)))
			.extracting(SlaEvents.ClockRetargeted::clock)
			.containsExactlyInAnyOrder(ClockKind.FIRST_RESPONSE, ClockKind.NOTIFICATION);
		assertThat(clocks.clocksOf(key)).filteredOn(clock -> clock.kind() == ClockKind.FIRST_RESPONSE)
			.singleElement()
			.satisfies(clock -> assertThat(clock.target()).startsWith("S0"));
	}

}
