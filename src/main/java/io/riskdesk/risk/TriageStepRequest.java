package io.riskdesk.risk;

import io.riskdesk.playbook.Cadence;
import io.riskdesk.core.Text;
import jakarta.validation.constraints.NotNull;

/**
 * Records one of the manual triage steps. CREATE_CAP and NOTIFY_STAKEHOLDERS need a note;
 * SET_CADENCE takes a cadence, by default the escalation matrix's for the risk's severity.
 */
public record TriageStepRequest(@NotNull TriageStep step, @Text(max = Text.NOTE) String note, Cadence cadence) {
}
