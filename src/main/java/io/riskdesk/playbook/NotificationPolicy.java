package io.riskdesk.playbook;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Who hears of what, how: the rules of each trigger (a trigger left out sends nothing) and the
 * weekly digest. A person reached by two rules of one trigger on the same channel gets the first
 * rule's message only.
 */
public record NotificationPolicy(
		@NotNull Map<@NotNull NotificationTrigger, @NotNull List<@NotNull @Valid NotificationRule>> triggers,
		@NotNull @Valid WeeklyDigest weeklyDigest) {

	@JsonIgnore
	@AssertTrue(message = "WEEKLY_DIGEST, EXECUTIVE_DIGEST and CUSTOMER_UPDATE are not triggers: the digests have their own sections, and customer updates are sent by hand")
	public boolean isTriggersConfigurable() {
		return triggers == null || triggers.keySet().stream().allMatch(trigger -> trigger == null || trigger.configurable());
	}

	/** The rules of a trigger, in the playbook's order; empty when it sends nothing. */
	public List<NotificationRule> rules(NotificationTrigger trigger) {
		return triggers.getOrDefault(trigger, List.of());
	}

	/**
	 * Every week at {@code day} {@code time} in {@code zone}, each risk owner gets the open risks
	 * they own, and each person holding one of the {@code managers} roles in an account team the
	 * open risks of those accounts: what is due in the coming week and what breached in the last.
	 */
	public record WeeklyDigest(boolean enabled, @NotNull DayOfWeek day, @NotNull LocalTime time, @NotNull ZoneId zone,
			@NotNull List<@NotNull TeamRole> managers,
			@NotBlank @Pattern(regexp = "[a-z0-9-]+", message = "must be a template name: lower case, digits and dashes") String template) {
	}

}
