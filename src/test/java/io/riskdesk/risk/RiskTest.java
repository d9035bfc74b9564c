package io.riskdesk.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.List;

import io.riskdesk.playbook.Cadence;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.core.ConflictException;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.core.Text;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The workflow rules of a risk, without a database. */
class RiskTest {

	private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

	private static final Instant T1 = Instant.parse("2026-11-23T10:00:00Z");

	private static final LocalDate DUE = LocalDate.parse("2026-12-18");

	private static final List<RiskEvents.Prevention> ITEM = List.of(new RiskEvents.Prevention("Item", "Lisa Wong", DUE));

	/** The shipped playbook's default cadence per severity. */
	private static final Function<Severity, Cadence> CADENCES = severity -> switch (severity) {
		case S0 -> Cadence.DAILY;
		case S1 -> Cadence.THREE_TIMES_WEEKLY;
		case S2 -> Cadence.WEEKLY;
		case S3 -> Cadence.BIWEEKLY;
	};

	private Risk open() {
		return Risk.log("RISK-2026-0001", new NewRisk(1L, "Sponsor left", RiskCategory.PEOPLE, null, null, null, null,
				null, null), RiskSource.MANUAL, T0, "alex", T0);
	}

	private Risk active() {
		Risk risk = open();
		risk.triage(Severity.S1, 7L, null, CADENCES, "alex", T1);
		risk.recordTriageStep(TriageStep.CREATE_CAP, "Meet new sponsor by Friday", null, "alex", T1);
		risk.recordTriageStep(TriageStep.NOTIFY_STAKEHOLDERS, "AE and CS manager", null, "alex", T1);
		risk.recordTriageStep(TriageStep.SET_CADENCE, null, Cadence.THREE_TIMES_WEEKLY, "alex", T1);
		risk.activate(null, "alex", T1);
		return risk;
	}

	@Test
	void aNewRiskIsOpenWithItsFirstTriageStepDone() {
		Risk risk = open();
		assertThat(risk.getStatus()).isEqualTo(RiskStatus.OPEN);
		assertThat(risk.getLoggedAt()).isEqualTo(T0);
		assertThat(risk.missingTriageSteps()).doesNotContain(TriageStep.LOG_RISK).hasSize(4);
	}

	@Test
	void triageNeedsSeverityAndOwner() {
		assertThatThrownBy(() -> open().triage(null, 7L, null, CADENCES, "alex", T1)).isInstanceOf(InvalidFieldException.class)
			.extracting("field").isEqualTo("severity");
		assertThatThrownBy(() -> open().triage(Severity.S2, null, null, CADENCES, "alex", T1)).isInstanceOf(InvalidFieldException.class)
			.extracting("field").isEqualTo("ownerId");
		Risk risk = open();
		risk.triage(Severity.S2, 7L, null, CADENCES, "alex", T1);
		assertThat(risk.getStatus()).isEqualTo(RiskStatus.TRIAGED);
		assertThat(risk.getTriagedAt()).isEqualTo(T1);
	}

	@Test
	void activeNeedsAllFiveTriageSteps() {
		Risk risk = open();
		risk.triage(Severity.S1, 7L, null, CADENCES, "alex", T1);
		risk.recordTriageStep(TriageStep.CREATE_CAP, "Plan", null, "alex", T1);
		assertThatThrownBy(() -> risk.activate(null, "alex", T1)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("NOTIFY_STAKEHOLDERS")
			.hasMessageContaining("SET_CADENCE");
		assertThat(active().getStatus()).isEqualTo(RiskStatus.ACTIVE);
	}

	@Test
	void triageStepsNeedTheirContent() {
		Risk risk = open();
		assertThatThrownBy(() -> risk.recordTriageStep(TriageStep.CREATE_CAP, " ", null, "alex", T1))
			.isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("note");
		assertThatThrownBy(() -> risk.recordTriageStep(TriageStep.SET_CADENCE, null, null, "alex", T1))
			.isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("cadence");
		assertThatThrownBy(() -> risk.recordTriageStep(TriageStep.LOG_RISK, "x", null, "alex", T1))
			.isInstanceOf(ConflictException.class);
		risk.recordTriageStep(TriageStep.CREATE_CAP, "Plan", null, "alex", T1);
		assertThatThrownBy(() -> risk.recordTriageStep(TriageStep.CREATE_CAP, "Plan again", null, "alex", T1))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void resolvingNeedsRootCauseAndPrevention() {
		Risk risk = active();
		assertThatThrownBy(() -> risk.resolve(null, ITEM, null, null, List.of(), "alex", T1)).isInstanceOf(InvalidFieldException.class)
			.extracting("field").isEqualTo("rootCause");
		assertThatThrownBy(() -> risk.resolve("Cause", List.of(), null, null, List.of(), "alex", T1)).isInstanceOf(InvalidFieldException.class)
			.extracting("field").isEqualTo("preventionItems");
		assertThatThrownBy(() -> risk.resolve("Cause", List.of(new RiskEvents.Prevention(" ", "Lisa Wong", DUE)), null, null,
				List.of(), "alex", T1)).isInstanceOf(InvalidFieldException.class)
			.extracting("field").isEqualTo("preventionItems[0].text");
		assertThatThrownBy(() -> risk.resolve("Cause", List.of(ITEM.get(0), new RiskEvents.Prevention("Alert", null, DUE)),
				null, null, List.of(), "alex", T1)).isInstanceOf(InvalidFieldException.class)
			.extracting("field").isEqualTo("preventionItems[1].owner");
		assertThatThrownBy(() -> risk.resolve("Cause", List.of(new RiskEvents.Prevention("Alert", "Lisa Wong", null)), null,
				null, List.of(), "alex", T1)).isInstanceOf(InvalidFieldException.class)
			.extracting("field").isEqualTo("preventionItems[0].due");
		assertThat(risk.getStatus()).isEqualTo(RiskStatus.ACTIVE);
		risk.resolve("Cause", List.of(new RiskEvents.Prevention(" Item ", " Lisa Wong ", DUE)), null, null, List.of(), "alex", T1);
		assertThat(risk.getStatus()).isEqualTo(RiskStatus.RESOLVED);
		assertThat(risk.preventionViews()).containsExactly(new RiskEvents.Prevention("Item", "Lisa Wong", DUE));
	}

	@Test
	void openWorkAtResolveNeedsAnExplicitChoice() {
		Risk risk = active();
		risk.raiseBlocker("Legal review of the credit", "alex", T1);
		List<String> milestones = List.of("Milestone for Priya: Hotfix (due 2026-12-04)");

		assertThatThrownBy(() -> risk.resolve("Cause", ITEM, null, null, milestones, "alex", T1))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("Blocker #1: Legal review of the credit")
			.hasMessageContaining("Milestone for Priya: Hotfix");
		assertThatThrownBy(() -> risk.resolve("Cause", ITEM, OpenWork.Choice.DROP, " ", milestones, "alex", T1))
			.isInstanceOf(InvalidFieldException.class)
			.extracting("field")
			.isEqualTo("reason");
		assertThat(risk.getStatus()).isEqualTo(RiskStatus.ACTIVE);

		risk.resolve("Cause", ITEM, OpenWork.Choice.CARRY_AS_PREVENTION, null, milestones, "alex", T1);
		assertThat(risk.preventionViews()).extracting(RiskEvents.Prevention::text)
			.containsExactly("Item", "Carried over: Blocker #1: Legal review of the credit",
					"Carried over: Milestone for Priya: Hotfix (due 2026-12-04)");
		// Carried-over work is tracked where it came from, not as a new prevention item with an owner.
		assertThat(risk.preventionViews().get(1).owner()).isNull();
		assertThat(risk.getBlockers()).singleElement().satisfies(blocker -> {
			assertThat(blocker.open()).isFalse();
			assertThat(blocker.resolution()).isEqualTo("Carried into prevention at resolve");
		});
	}

	@Test
	void aChoiceWithoutOpenWorkNeedsNoReason() {
		Risk risk = active();
		risk.resolve("Cause", ITEM, OpenWork.Choice.DROP, null, List.of(), "alex", T1);
		assertThat(risk.preventionViews()).extracting(RiskEvents.Prevention::text).containsExactly("Item");
	}

	@Test
	void droppedOpenWorkSaysWhy() {
		Risk risk = active();
		risk.raiseBlocker("Legal review of the credit", "alex", T1);
		risk.resolve("Cause", ITEM, OpenWork.Choice.DROP, "Credit no longer needed", List.of(), "alex", T1);
		assertThat(risk.getStatus()).isEqualTo(RiskStatus.RESOLVED);
		assertThat(risk.preventionViews()).extracting(RiskEvents.Prevention::text).containsExactly("Item");
		assertThat(risk.getBlockers()).singleElement()
			.extracting(Risk.Blocker::resolution)
			.isEqualTo("Dropped at resolve: Credit no longer needed");
	}

	@Test
	void closingNeedsAnOutcomeAndASummaryAndIsFinal() {
		Risk risk = active();
		risk.resolve("Cause", ITEM, null, null, List.of(), "alex", T1);
		assertThatThrownBy(() -> risk.close(null, "Kept at fewer seats", "alex", T1)).isInstanceOf(InvalidFieldException.class)
			.extracting("field").isEqualTo("outcome");
		assertThatThrownBy(() -> risk.close(Outcome.DOWNGRADED, " ", "alex", T1)).isInstanceOf(InvalidFieldException.class)
			.extracting("field").isEqualTo("summary");
		assertThat(risk.getStatus()).isEqualTo(RiskStatus.RESOLVED);
		risk.close(Outcome.DOWNGRADED, " Kept at fewer seats ", "alex", T1);
		assertThat(risk.getStatus()).isEqualTo(RiskStatus.CLOSED);
		assertThat(risk.getClosingSummary()).isEqualTo("Kept at fewer seats");
		assertThat(RiskWorkflow.allowedFrom(RiskStatus.CLOSED)).isEmpty();
		assertThatThrownBy(() -> risk.activate("again", "alex", T1)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("closed risk is final");
		assertThatThrownBy(() -> risk.changeSeverity(Severity.S0, "x", CADENCES, "alex", T1)).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> risk.addDecision("x", "alex", T1)).isInstanceOf(ConflictException.class);
	}

	@Test
	void reopeningNeedsAReason() {
		Risk risk = active();
		risk.resolve("Cause", ITEM, null, null, List.of(), "alex", T1);
		assertThatThrownBy(() -> risk.activate(null, "alex", T1)).isInstanceOf(InvalidFieldException.class)
			.extracting("field").isEqualTo("reason");
		risk.activate("It came back", "alex", T1);
		assertThat(risk.getStatus()).isEqualTo(RiskStatus.ACTIVE);
		assertThat(risk.getResolvedAt()).isNull();
	}

	@Test
	void onlyTheWorkflowsMovesAreAllowed() {
		assertThat(RiskWorkflow.allowedFrom(RiskStatus.OPEN)).containsExactly(RiskStatus.TRIAGED);
		assertThat(RiskWorkflow.allowedFrom(RiskStatus.TRIAGED)).containsExactly(RiskStatus.ACTIVE);
		assertThat(RiskWorkflow.allowedFrom(RiskStatus.ACTIVE)).containsExactly(RiskStatus.RESOLVED);
		assertThat(RiskWorkflow.allowedFrom(RiskStatus.RESOLVED)).containsExactly(RiskStatus.ACTIVE, RiskStatus.CLOSED);
		assertThatThrownBy(() -> open().resolve("Cause", ITEM, null, null, List.of(), "alex", T1)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("cannot go from OPEN to RESOLVED");
		assertThatThrownBy(() -> active().triage(Severity.S0, 1L, null, CADENCES, "alex", T1)).isInstanceOf(ConflictException.class);
	}

	@Test
	void severityChangesNeedAReasonAndAreRecorded() {
		Risk risk = active();
		assertThatThrownBy(() -> risk.changeSeverity(Severity.S0, "", CADENCES, "alex", T1)).isInstanceOf(InvalidFieldException.class)
			.extracting("field").isEqualTo("reason");
		risk.changeSeverity(Severity.S0, "Cancellation notice", CADENCES, "alex", T1);
		assertThat(risk.getSeverity()).isEqualTo(Severity.S0);
		assertThatThrownBy(() -> risk.changeSeverity(Severity.S0, "Same again", CADENCES, "alex", T1))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void refusesTextsBeyondTheApisLimitOrWithControlCharacters() {
		assertThatThrownBy(() -> active().addDecision("x".repeat(Text.NOTE + 1), "alex", T1))
			.isInstanceOf(InvalidFieldException.class)
			.hasMessageContaining("must be at most 5000 characters");
		assertThatThrownBy(() -> active().raiseBlocker("Freeze\u0000", "alex", T1))
			.isInstanceOf(InvalidFieldException.class)
			.extracting("field").isEqualTo("description");
	}

	@Test
	void blockersAreRaisedAndClearedOnce() {
		Risk risk = active();
		risk.raiseBlocker("Change freeze", "alex", T1);
		risk.clearBlocker(1, "Freeze lifted", "morgan", T1);
		assertThat(risk.getBlockers()).singleElement()
			.satisfies(blocker -> assertThat(blocker.open()).isFalse())
			.extracting(Risk.Blocker::clearedBy).isEqualTo("morgan");
		assertThatThrownBy(() -> risk.clearBlocker(1, "again", "alex", T1)).isInstanceOf(ConflictException.class);
	}

}
