package io.riskdesk.risk;

import io.riskdesk.playbook.Cadence;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Records one of the manual triage steps. CREATE_CAP and NOTIFY_STAKEHOLDERS need a note;
 * SET_CADENCE takes a cadence, by default the escalation matrix's for the risk's severity.
 */
public record TriageStepRequest(@NotNull TriageStep step, @Size(max = 5000) String note, Cadence cadence) {
}
