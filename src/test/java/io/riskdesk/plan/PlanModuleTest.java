package io.riskdesk.plan;

import java.time.LocalDate;
import java.time.ZoneId;

import io.riskdesk.account.AccountForm;
import io.riskdesk.account.Accounts;
import io.riskdesk.account.Segment;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.risk.NewRisk;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan module started with only what it depends on (and the database): adding, changing and completing
 * a milestone publishes the facts the SLA clocks and the timeline listen to. The sla module is started too: it
 * provides the due dates of CAP template steps ({@link StepDueDates}), which this module cannot call directly.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "database", "sla" })
@ActiveProfiles("test")
class PlanModuleTest {

	@Autowired
	CorrectiveActionPlans plans;

	@Autowired
	RiskRegister risks;

	@Autowired
	Accounts accounts;

	@Test
	void aMilestoneAddedChangedAndDoneIsPublished(PublishedEvents events) {
		String key = risk();
		Milestone milestone = plans.add(key, new NewMilestone("Hotfix deployed", "Priya", LocalDate.of(2026, 12, 4)),
				"alex");
		plans.change(key, milestone.id(), 0, new MilestoneUpdate(null, "Lisa Wong", LocalDate.of(2026, 12, 11)), "alex");
		plans.complete(key, milestone.id(), "alex");

		assertThat(events.ofType(MilestoneAdded.class).matching(added -> added.riskKey().equals(key)))
			.singleElement()
			.satisfies(added -> {
				assertThat(added.title()).isEqualTo("Hotfix deployed");
				assertThat(added.summary()).isEqualTo("Milestone for Priya: Hotfix deployed (due 2026-12-04)");
			});
		assertThat(events.ofType(MilestoneChanged.class).matching(changed -> changed.riskKey().equals(key)))
			.singleElement()
			.satisfies(changed -> {
				assertThat(changed.previousDue()).isEqualTo(LocalDate.of(2026, 12, 4));
				assertThat(changed.due()).isEqualTo(LocalDate.of(2026, 12, 11));
				assertThat(changed.summary())
					.isEqualTo("Milestone changed: Hotfix deployed (due 2026-12-04 -> 2026-12-11; owner Priya -> Lisa Wong)");
			});
		assertThat(events.ofType(MilestoneDone.class).matching(done -> done.milestoneId() == milestone.id())).hasSize(1);
	}

	private String risk() {
		long account = accounts.create(new AccountForm("Module Test Ltd", null, null, Segment.SMB, "US",
				ZoneId.of("America/New_York"), null, null, null, null, null)).id();
		return risks.create(new NewRisk(account, "Integration delay", RiskCategory.ADOPTION, null, null, null, null,
				null, null), RiskSource.MANUAL, "alex").key();
	}

}
