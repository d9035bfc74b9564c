package io.riskdesk.playbook;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One line of a trigger in playbook.yml's notifications: who hears of it, on which channels, with
 * which template. The people are the escalation matrix's of the risk's severity ({@code matrix}),
 * people of the risk ({@code risk}: its owner, the overdue milestone's owner), roles of the account
 * team ({@code team}) and the account's contacts ({@code customer}). {@code channels} absent means
 * the matrix's channels for the severity; {@code severities} absent means every severity.
 */
public record NotificationRule(
		MatrixAudience matrix,
		List<@NotNull RiskPerson> risk,
		List<@NotNull TeamRole> team,
		List<@NotNull ContactRole> customer,
		List<@NotNull Channel> channels,
		Set<@NotNull Severity> severities,
		@NotBlank @Pattern(regexp = "[a-z0-9-]+", message = "must be a template name: lower case, digits and dashes") String template) {

	public NotificationRule {
		matrix = matrix == null ? MatrixAudience.NONE : matrix;
		risk = risk == null ? List.of() : List.copyOf(risk);
		team = team == null ? List.of() : List.copyOf(team);
		customer = customer == null ? List.of() : List.copyOf(customer);
		channels = channels == null ? null : List.copyOf(channels);
		severities = severities == null ? null : Set.copyOf(severities);
	}

	/** The part of the severity's matrix row a rule reaches. */
	public enum MatrixAudience {
		NONE, ALL, INTERNAL, CUSTOMER;

		public boolean internal() {
			return this == ALL || this == INTERNAL;
		}

		public boolean customer() {
			return this == ALL || this == CUSTOMER;
		}
	}

	/** People named by the risk itself rather than by a role. */
	public enum RiskPerson {
		/** The risk's owner. */
		OWNER,
		/** The owner of the milestone a MILESTONE_OVERDUE is about. */
		MILESTONE_OWNER
	}

	public boolean appliesTo(Severity severity) {
		return severities == null || (severity != null && severities.contains(severity));
	}

	@JsonIgnore
	@AssertTrue(message = "names nobody: give matrix, risk, team or customer")
	public boolean isNamingSomebody() {
		return matrix != MatrixAudience.NONE || !risk.isEmpty() || !team.isEmpty() || !customer.isEmpty();
	}

	@JsonIgnore
	@AssertTrue(message = "must not be empty: leave it out for the escalation matrix's channels")
	public boolean isChannelsListNotEmpty() {
		return channels == null || !channels.isEmpty();
	}

}
