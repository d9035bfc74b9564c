package io.riskdesk.playbook;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The customer risk and escalation playbook in force: severities, SLAs, escalation matrix,
 * cadences, CAP templates, detection rules, business calendars, who may approve concessions and who
 * is notified of what. Loaded from
 * {@code playbook.yml} and validated at start-up.
 */
public record Playbook(
		@NotNull @Valid Triage triage,
		@NotEmpty Map<Severity, @NotNull @Valid SeverityPolicy> severities,
		@NotEmpty Map<Severity, @NotNull @Valid MatrixEntry> escalationMatrix,
		@NotNull Map<@NotNull RiskCategory, @NotEmpty List<@NotNull @Valid CapStep>> capTemplates,
		@NotNull DetectionPolicy detection,
		@NotEmpty Map<@NotBlank String, @NotNull CalendarSpec> calendars,
		@NotNull @Valid ConcessionPolicy concessions,
		@NotNull @Valid NotificationPolicy notifications) {

	/** The calendar an account gets when it names none. */
	public static final String DEFAULT_CALENDAR = "default";

	public SeverityPolicy severity(Severity severity) {
		return severities.get(severity);
	}

	public MatrixEntry matrix(Severity severity) {
		return escalationMatrix.get(severity);
	}

	/** The CAP template of a category: its steps in order; empty when the playbook has none for it. */
	public List<CapStep> capTemplate(RiskCategory category) {
		return capTemplates.getOrDefault(category, List.of());
	}

	public CalendarSpec calendar(String name) {
		return calendars.get(name == null ? DEFAULT_CALENDAR : name);
	}

	/** Triage must be done within {@code window} of detection (clock time). */
	public record Triage(@NotNull Duration window, @NotEmpty List<@NotBlank String> steps) {
	}

	public record SeverityPolicy(
			@NotBlank String name,
			@NotBlank String definition,
			@NotEmpty List<@NotBlank String> examples,
			@NotNull @Valid SlaTarget firstResponse,
			@NotNull Cadence progressUpdates) {
	}

	/** Who is told of a risk of one severity, how, how fast, and how often the team meets until close. */
	public record MatrixEntry(
			@NotNull List<@NotNull ContactRole> customer,
			@NotEmpty List<@NotNull TeamRole> internal,
			@NotNull List<@NotNull TeamRole> internalIfApplicable,
			@NotEmpty List<@NotNull Channel> channels,
			@NotNull @Valid SlaTarget notification,
			@NotNull Cadence cadence,
			@NotBlank String cadenceLabel) {
	}

}
