package io.riskdesk.intake;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.riskdesk.intake.ExtractionDraft.Field;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import org.junit.jupiter.api.Test;

import static io.riskdesk.SeedDocuments.read;
import static io.riskdesk.intake.IntakeTestSupport.EXTRACTOR;
import static io.riskdesk.intake.IntakeTestSupport.assertSpansPointIntoTheDocument;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four seed escalations, value by value, against what a person read from them
 * ({@code demo/seed-escalations.yml}). Where the extractor differs from that reading, the
 * assertion says what it does and a comment says why.
 */
class SeedDocumentsTest {

	@Test
	void techCorpEnterprisesEscalationEmail() {
		byte[] content = read("escalation-email-techcorp-enterprises.md");
		ExtractionDraft draft = EXTRACTOR.extract(content);

		assertThat(draft.accountName().value()).isEqualTo("TechCorp Enterprises");
		assertThat(draft.documentDate().value()).isEqualTo(LocalDate.of(2025, 12, 5));
		assertThat(draft.documentDate().span().text()).isEqualTo("December 5, 2025");
		// An email thread has no attendee list: the senders, named by their signatures and roles by their From lines.
		assertThat(attendees(draft)).containsExactly("Jennifer Liu | Customer Success Manager | INTERNAL",
				"Mark | VP Sales | INTERNAL", "David | CEO | INTERNAL");
		assertThat(draft.contractValue().value().amount()).isEqualByComparingTo("850000");
		assertThat(draft.contractValue().value().currency().getCurrencyCode()).isEqualTo("USD");
		assertThat(draft.contractValue().span().text()).isEqualTo("$850K");
		assertThat(draft.cancellationDate().value()).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(draft.renewalDate()).isNull();
		// "Loss of $850K ARR would impact FY26 revenue by 8%"
		assertThat(impact(draft)).containsExactly("REVENUE_AT_RISK 850000 USD");
		assertThat(values(draft.concerns())).containsExactly("Immediate resolution of API issues",
				"Accelerated delivery of requested features", "Dedicated technical account manager",
				"Contract concessions for remaining term");
		assertThat(values(draft.rootCauses())).containsExactly("API reliability issues affecting their production systems",
				"Delayed feature requests critical to their workflow", "Inadequate communication during issue resolution",
				"Competing vendor offering more responsive support");
		assertThat(values(draft.resolutionOptions())).containsExactly(
				"Immediate: Schedule emergency meeting with customer executive team",
				"Technical: Deploy engineering resources to resolve API issues within 48 hours",
				"Business: Prepare retention package with contract concessions",
				"Strategic: Assign dedicated account team and improve communication protocols");
		// An approval among the CEO's commitments is a decision, not a task.
		assertThat(values(draft.decisions())).containsExactly("Contract concessions approved up to $120K");
		assertThat(concessions(draft)).containsExactly("150000 USD REQUESTED", "120000 USD APPROVED");
		// Mark's "Actions I'm taking" carry no dates; the CEO's "Key commitments" name no owner; David's
		// "I'll lead the call" in his reply is his own commitment.
		assertThat(actions(draft)).containsExactly(
				"Mark | Reaching out to their CEO directly | null | INTERNAL",
				"Mark | Preparing retention proposal with concessions | null | INTERNAL",
				"Mark | Coordinating cross-functional response team | null | INTERNAL",
				"null | API issues resolved | 2025-12-06 | INTERNAL",
				"null | Feature delivery accelerated | 2026-01-31 | INTERNAL",
				"null | Dedicated account team assigned immediately | 2025-12-05 | INTERNAL",
				"David | lead the call with Mark and Jennifer | null | INTERNAL");
		assertThat(draft.followUpMeetings()).singleElement().satisfies(meeting -> {
			assertThat(meeting.date()).isEqualTo(LocalDate.of(2025, 12, 6));
			assertThat(meeting.time()).isEqualTo(LocalTime.of(10, 0));
		});
		assertThat(draft.customerCommitments()).isEmpty();
		assertThat(draft.suggestion().category()).isEqualTo(RiskCategory.COMMERCIAL);
		assertThat(draft.suggestion().severity()).isEqualTo(Severity.S0);
		assertThat(draft.suggestion().reason()).contains("cancellation notice");
		assertSpansPointIntoTheDocument(draft, content);
	}

	@Test
	void abcCorpMeetingNotes() {
		byte[] content = read("meeting-abc-corp.md");
		ExtractionDraft draft = EXTRACTOR.extract(content);

		assertThat(draft.accountName().value()).isEqualTo("ABC Corp");
		assertThat(draft.documentDate().value()).isEqualTo(LocalDate.of(2025, 9, 27));
		assertThat(attendees(draft)).containsExactly("John Smith | CTO | CUSTOMER",
				"Sarah Johnson | Account Executive | INTERNAL", "Mike Davis | Solutions Engineer | INTERNAL",
				"Lisa Wong | Customer Success Manager | INTERNAL", "David Park | Product Manager | INTERNAL",
				"Rachel Kim | Support Lead | INTERNAL");
		assertThat(draft.contractValue()).isNull();
		assertThat(draft.renewalDate()).isNull();
		assertThat(draft.cancellationDate()).isNull();
		assertThat(impact(draft)).containsExactly("PEOPLE_AFFECTED 50000 users");
		assertThat(values(draft.concerns())).containsExactly("40% performance degradation since update",
				"Inconsistent data synchronization", "Lack of clear communication about known issues",
				"Impact on their production systems serving 50K users");
		assertThat(values(draft.rootCauses())).containsExactly("database indexing problem");
		assertThat(values(draft.resolutionOptions())).containsExactly(
				"Deploy Hotfix: Within 24 hours to production environment",
				"Performance Monitoring: 72-hour monitoring period with real-time dashboards",
				"Rollback Plan: Available within 4 hours if issues persist",
				"Communication: Daily updates to customer executive team");
		// What Sarah committed to in the meeting is decided: each item says who committed to it.
		assertThat(values(draft.decisions())).containsExactly("Sarah committed to: Weekly business reviews for next 3 months",
				"Sarah committed to: Priority access to product roadmap sessions",
				"Sarah committed to: Dedicated technical account manager assignment");
		assertThat(draft.concessions()).isEmpty();
		assertThat(actions(draft)).containsExactly(
				"Lisa Wong | Schedule hotfix deployment for 6 PM today | 2025-09-27 | INTERNAL",
				"David Park | Prepare rollback documentation and assign on-call engineer | null | INTERNAL",
				"Rachel Kim | Set up customer monitoring dashboard access | null | INTERNAL",
				"Mike Davis | Conduct post-resolution technical review | null | INTERNAL",
				"Sarah Johnson | Send formal apology and resolution summary to John | null | INTERNAL");
		// "reconvene Friday": the notes are of Saturday 27 September, so the next Friday.
		assertThat(draft.followUpMeetings()).singleElement().satisfies(meeting -> {
			assertThat(meeting.date()).isEqualTo(LocalDate.of(2025, 10, 3));
			assertThat(meeting.purpose()).isEqualTo("status update");
			assertThat(meeting.span().text()).isEqualTo("reconvene Friday");
		});
		assertThat(values(draft.customerCommitments()))
			.containsExactly("John agreed to give 72-hour evaluation period before making final decisions.");
		assertThat(draft.suggestion().category()).isEqualTo(RiskCategory.SUPPORT);
		assertThat(draft.suggestion().severity()).isEqualTo(Severity.S1);
		assertThat(draft.suggestion().reason()).isEqualTo("performance degradation threatening renewal -> S1");
		assertSpansPointIntoTheDocument(draft, content);
	}

	@Test
	void globalTechMeetingNotes() {
		byte[] content = read("meeting-globaltech.md");
		ExtractionDraft draft = EXTRACTOR.extract(content);

		assertThat(draft.accountName().value()).isEqualTo("GlobalTech Industries");
		assertThat(draft.documentDate().value()).isEqualTo(LocalDate.of(2025, 11, 10));
		assertThat(attendees(draft)).containsExactly("Sarah Martinez | Customer Success Manager | INTERNAL",
				"Tom Anderson | VP Customer Success | INTERNAL", "Lisa Wong | Technical Support Lead | INTERNAL",
				"David Chen | Product Manager | INTERNAL", "Maria Rodriguez | Account Executive | INTERNAL",
				"Robert Kim | Legal Counsel | INTERNAL");
		assertThat(draft.contractValue().value().amount()).isEqualByComparingTo("2300000");
		assertThat(draft.contractValue().value().currency().getCurrencyCode()).isEqualTo("USD");
		assertThat(draft.renewalDate()).isNull();
		assertThat(draft.cancellationDate()).isNull();
		// "Potential revenue impact: $2.3M annual + expansion opportunities worth $5M": the first figure only.
		assertThat(impact(draft)).containsExactly("MONEY_LOST 1200000 USD", "REVENUE_AT_RISK 2300000 USD",
				"DOWNTIME 48 hours");
		// No concerns heading: the customer's demand in the complaint summary is what they want.
		assertThat(values(draft.concerns()))
			.containsExactly("100% service credit for Q4 + contract termination penalty waiver");
		assertThat(values(draft.rootCauses())).containsExactly("Database corruption during routine maintenance",
				"Undocumented database schema changes from recent feature deployment");
		assertThat(values(draft.resolutionOptions())).containsExactly(
				"Contractual Minimum: 10% service credit ($23K); No penalty waiver; Enhanced monitoring for 90 days",
				"Customer-Focused Resolution: 25% service credit ($57.5K); Q4 penalty waiver ($115K value); Dedicated technical account manager; Priority feature requests",
				"Comprehensive Recovery: 50% service credit ($115K); Full penalty waiver; Custom development for backup improvements; Executive-level account management");
		assertThat(values(draft.decisions())).containsExactly("Approved Option 2 (Customer-Focused Resolution)");
		// The credits of the approved option are approved; the others stay proposals.
		assertThat(concessions(draft)).containsExactly("23000 USD PROPOSED", "57500 USD APPROVED",
				"115000 USD APPROVED", "115000 USD PROPOSED");
		assertThat(actions(draft)).containsExactly(
				"Sarah Martinez | Schedule executive call with GlobalTech CEO | 2025-11-11 | INTERNAL",
				"Sarah Martinez | Prepare resolution proposal presentation | null | INTERNAL",
				"Sarah Martinez | Coordinate with legal for contract amendments | null | INTERNAL",
				"Lisa Wong | Implement immediate backup testing protocols | null | INTERNAL",
				"Lisa Wong | Develop root cause analysis report for customer | null | INTERNAL",
				"Lisa Wong | Create incident prevention playbook | null | INTERNAL",
				"David Chen | Review recent deployments for similar risks | null | INTERNAL",
				"David Chen | Implement change management improvements | null | INTERNAL",
				"David Chen | Schedule post-mortem with engineering team | null | INTERNAL",
				"Maria Rodriguez | Update account plan with recovery milestones | null | INTERNAL",
				"Maria Rodriguez | Schedule quarterly business reviews | null | INTERNAL",
				"Maria Rodriguez | Identify expansion opportunities post-resolution | null | INTERNAL");
		assertThat(draft.followUpMeetings()).singleElement().satisfies(meeting -> {
			assertThat(meeting.date()).isEqualTo(LocalDate.of(2025, 12, 1));
			assertThat(meeting.purpose()).isEqualTo("Resolution effectiveness review");
		});
		assertThat(draft.customerCommitments()).isEmpty();
		assertThat(draft.suggestion().category()).isEqualTo(RiskCategory.INCIDENT);
		assertThat(draft.suggestion().severity()).isEqualTo(Severity.S0);
		assertThat(draft.suggestion().reason()).isEqualTo("48-hour production outage with exec attention -> S0");
		assertSpansPointIntoTheDocument(draft, content);
	}

	@Test
	void techCorpSolutionsMeetingNotes() {
		byte[] content = read("meeting-techcorp-solutions.md");
		ExtractionDraft draft = EXTRACTOR.extract(content);

		assertThat(draft.accountName().value()).isEqualTo("TechCorp Solutions");
		assertThat(draft.documentDate().value()).isEqualTo(LocalDate.of(2025, 10, 25));
		assertThat(attendees(draft)).containsExactly("Alex Johnson | Customer Success Manager | INTERNAL",
				"Maria Sanchez | Account Executive | INTERNAL", "James Wilson | Technical Support Lead | INTERNAL",
				"Rachel Green | Product Manager | INTERNAL", "Sarah Mitchell | null | CUSTOMER",
				"Customer's Representative | Customer Advocate | CUSTOMER");
		// The notes state no ARR (the register's 60K is derived from the credit by a person).
		assertThat(draft.contractValue()).isNull();
		assertThat(draft.renewalDate()).isNull();
		assertThat(draft.cancellationDate()).isNull();
		assertThat(impact(draft)).containsExactly("MONEY_LOST 150000 USD", "PEOPLE_AFFECTED 200 employees",
				"DOWNTIME 6 hours");
		assertThat(values(draft.concerns())).containsExactly(
				"Communication Breakdown: Lack of timely updates during outage",
				"Response Time: 45-minute delay in initial acknowledgment",
				"Transparency: Insufficient detail on root cause and prevention",
				"Account Management: Feeling undervalued as enterprise customer");
		assertThat(values(draft.rootCauses())).containsExactly("Database failover mechanism failed due to configuration error",
				"Monitoring alerts were not properly routed to on-call team",
				"Incident response protocol not followed correctly", "database connectivity issue");
		assertThat(values(draft.resolutionOptions())).containsExactly(
				"Financial Compensation: Credit equal to 3 months service cost ($15K)",
				"Dedicated Support: Assign senior technical advisor for 6 months",
				"Communication Protocol: Weekly status updates and escalation path",
				"Account Team Enhancement: Quarterly business reviews and proactive outreach",
				"Service Level Agreements: Review and enhance SLA metrics",
				"Technology Investments: Additional redundancy and monitoring capabilities");
		assertThat(draft.decisions()).isEmpty();
		// Discussed in the resolution plan; the notes never say it was approved.
		assertThat(concessions(draft)).containsExactly("15000 USD PROPOSED");
		assertThat(actions(draft)).containsExactly(
				"Alex Johnson | Schedule weekly check-in calls | 2025-11-01 | INTERNAL",
				"James Wilson | Complete preventive maintenance | 2025-11-15 | INTERNAL",
				"Rachel Green | Review feature roadmap for TechCorp priorities | null | INTERNAL",
				"Maria Sanchez | Prepare executive summary for customer's leadership | null | INTERNAL",
				"Sarah Mitchell | Provide feedback on resolution plan | 2025-11-01 | CUSTOMER",
				"Customer Advocate | Coordinate internal stakeholder communication | null | CUSTOMER",
				"null | Progress report | 2025-11-05 | INTERNAL",
				"null | Final resolution confirmation | 2025-11-30 | INTERNAL");
		assertThat(draft.followUpMeetings()).singleElement().satisfies(meeting -> {
			assertThat(meeting.date()).isEqualTo(LocalDate.of(2025, 11, 8));
			assertThat(meeting.time()).isEqualTo(LocalTime.of(14, 0));
		});
		assertThat(values(draft.customerCommitments())).containsExactly(
				"Sarah: Provide feedback on resolution plan within 1 week",
				"Customer Advocate: Coordinate internal stakeholder communication");
		assertThat(draft.suggestion().category()).isEqualTo(RiskCategory.INCIDENT);
		assertThat(draft.suggestion().severity()).isEqualTo(Severity.S1);
		assertThat(draft.suggestion().reason()).isEqualTo("6-hour production outage, no executive named -> S1");
		assertSpansPointIntoTheDocument(draft, content);
	}

	static List<String> attendees(ExtractionDraft draft) {
		return draft.attendees().stream().map(a -> a.name() + " | " + a.role() + " | " + a.side()).toList();
	}

	static List<String> actions(ExtractionDraft draft) {
		return draft.actionItems().stream().map(a -> a.owner() + " | " + a.task() + " | " + a.due() + " | " + a.side()).toList();
	}

	static List<String> impact(ExtractionDraft draft) {
		return draft.impact().stream().map(i -> i.kind() + " " + i.amount().toPlainString() + " " + i.unit()).toList();
	}

	static List<String> concessions(ExtractionDraft draft) {
		return draft.concessions()
			.stream()
			.map(c -> c.amount().amount().toPlainString() + " " + c.amount().currency() + " " + c.status())
			.toList();
	}

	static List<String> values(List<Field<String>> fields) {
		return fields.stream().map(Field::value).toList();
	}

}
