package io.riskdesk.plan;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import io.riskdesk.RiskdeskTest;
import io.riskdesk.account.AccountForm;
import io.riskdesk.account.Accounts;
import io.riskdesk.account.PersonDirectory;
import io.riskdesk.account.PersonForm;
import io.riskdesk.account.Segment;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.internal.PlaybookLoader;
import io.riskdesk.risk.NewRisk;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskSource;
import io.riskdesk.risk.TriageStep;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Applying a template with another playbook than the shipped one: a category without a template
 * is refused naming it, and a failure in the middle of the writes leaves nothing behind. Not
 * transactional, so each apply commits or rolls back on its own.
 */
@RiskdeskTest
class CapTemplatesAllOrNothingTest {

	@Autowired
	RiskRegister risks;

	@Autowired
	Accounts accounts;

	@Autowired
	PersonDirectory people;

	@Autowired
	CorrectiveActionPlans plans;

	@Autowired
	StepDueDates dueDates;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	Clock clock;

	@Autowired
	Validator validator;

	@Autowired
	TransactionTemplate transactions;

	/** The shipped playbook without its SENTIMENT template. */
	private Playbook withoutSentimentTemplate() throws Exception {
		String shipped = new ClassPathResource("playbook.yml").getContentAsString(StandardCharsets.UTF_8);
		String edited = shipped.replaceFirst("(?s)\n  SENTIMENT:\n    - title: Listening call.*?amount: 30, unit: BUSINESS_DAYS }\n", "\n");
		assertThat(edited).isNotEqualTo(shipped);
		return new PlaybookLoader(validator).load(new ByteArrayResource(edited.getBytes(StandardCharsets.UTF_8), "edited"));
	}

	private String risk(RiskCategory category) {
		long owner = people.create(new PersonForm("Ada All " + System.nanoTime(), "ada." + System.nanoTime() + "@all.example",
				null)).id();
		long account = accounts.create(new AccountForm("All Or Nothing " + System.nanoTime(), null, null, Segment.SMB, "US",
				ZoneId.of("America/New_York"), null, null, null, null, null)).id();
		return risks.create(new NewRisk(account, "Detractor scores", category, null, null, owner, null, null, null),
				RiskSource.MANUAL, "alex").key();
	}

	@Test
	void aCategoryWithoutATemplateIsRefusedNamingIt() throws Exception {
		CapTemplates templates = new CapTemplates(withoutSentimentTemplate(), risks, accounts, plans, dueDates, events, clock);
		String key = risk(RiskCategory.SENTIMENT);

		assertThatThrownBy(() -> templates.preview(key, null)).isInstanceOfSatisfying(InvalidFieldException.class, ex -> {
			assertThat(ex.field()).isEqualTo("category");
			assertThat(ex.reason()).startsWith("SENTIMENT has no CAP template in the playbook (templates: ADOPTION, PEOPLE,");
		});
		assertThatThrownBy(() -> templates.apply(key, RiskCategory.SENTIMENT, "alex")).isInstanceOf(InvalidFieldException.class);
		assertThat(templates.apply(key, RiskCategory.ADOPTION, "alex").milestones()).hasSize(3);
	}

	@Test
	void aFailureOnTheThirdMilestoneWritesNone() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		// The third step's date is one the database cannot store: its insert fails after two milestones were written.
		StepDueDates failingOnTheThird = (account, start, offset) -> calls.incrementAndGet() == 3 ? LocalDate.MIN
				: dueDates.due(account, start, offset);
		CapTemplates templates = new CapTemplates(withoutSentimentTemplate(), risks, accounts, plans, failingOnTheThird,
				events, clock);
		String key = risk(RiskCategory.ADOPTION);

		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> templates.apply(key, null, "alex")))
			.isInstanceOf(DataIntegrityViolationException.class);

		assertThat(plans.of(key)).isEmpty();
		assertThat(risks.get(key).missingTriageSteps()).contains(TriageStep.CREATE_CAP);
		assertThat(risks.timeline(key)).noneMatch(entry -> entry.summary().startsWith("Milestone"));
	}

}
