package io.riskdesk.risk;

import java.util.List;

import io.riskdesk.core.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A report of a problem that already has a risk, attached to that risk instead of logged as
 * another: its evidence joins the risk's, its title and description go to the timeline. The
 * limits are {@link NewRisk}'s.
 */
public record NewReport(
		@NotBlank @Text(max = Text.TITLE) String title,
		@Text(max = Text.LONG) String description,
		@Size(max = Text.ITEMS) List<@NotBlank @Text(max = Text.LINE) String> evidence) {

	public NewReport {
		evidence = evidence == null ? List.of() : List.copyOf(evidence);
	}

}
