package io.riskdesk.playbook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * One step of a category's CAP template ({@code cap-templates} in playbook.yml): the milestone it
 * becomes, what proves it done (optional), the account-team role that owns it, and when it falls
 * due counted from the moment the template is applied. The sizes are a milestone's own limits.
 */
public record CapStep(
		@NotBlank @Size(max = 300) String title,
		@Size(max = 2000) String successCriterion,
		@NotNull TeamRole owner,
		@NotNull @Valid Offset offset) {

	/**
	 * How long after the start a step falls due: clock hours, or working days of the account's
	 * business calendar. At most 1,000 of either, so every due date stays a sensible date.
	 */
	public record Offset(@PositiveOrZero @Max(1000) int amount, @NotNull Unit unit) {

		/** For people: "2 hours", "1 business day". */
		public String label() {
			String name = unit.name().toLowerCase().replace('_', ' ');
			return amount + " " + (amount == 1 ? name.substring(0, name.length() - 1) : name);
		}

	}

	public enum Unit {
		/** Wall-clock hours, 24x7. */
		HOURS,
		/** Working days of the account's business calendar: weekends, holidays and closures are skipped. */
		BUSINESS_DAYS
	}

}
