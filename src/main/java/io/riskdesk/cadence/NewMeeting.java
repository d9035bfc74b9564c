package io.riskdesk.cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.riskdesk.core.SaneDate;
import io.riskdesk.core.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A meeting to record: when it was held ({@code heldAt}, or {@code scheduledFor}, the start of the
 * scheduled meeting it was), who attended (names; a name of the people directory is linked to the
 * person), notes, the decisions it took and the action items it assigned (each becomes a
 * milestone of the risk's plan).
 */
public record NewMeeting(@SaneDate Instant heldAt, @SaneDate Instant scheduledFor,
		@NotEmpty @Size(max = Text.ITEMS) List<@NotBlank @Text(max = Text.NAME) String> attendees,
		@Text(max = Text.LONG) String notes,
		@Size(max = Text.ITEMS) List<@NotBlank @Text(max = Text.NOTE) String> decisions,
		@Size(max = Text.ITEMS) List<@NotNull @Valid ActionItem> actionItems) {

	public NewMeeting {
		decisions = decisions == null ? List.of() : decisions;
		actionItems = actionItems == null ? List.of() : actionItems;
	}

	/** Who does what by when; it becomes a milestone of the risk's corrective action plan. */
	public record ActionItem(@NotBlank @Text(max = Text.TITLE) String title, @NotBlank @Text(max = Text.NAME) String owner,
			@NotNull @SaneDate LocalDate due) {
	}

}
