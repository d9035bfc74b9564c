package io.riskdesk.concession;

import io.riskdesk.core.Text;
import jakarta.validation.constraints.NotNull;

/**
 * A move of a concession: APPROVED or REJECTED (a reason is required to reject), OFFERED, then
 * the customer's ACCEPTED or DECLINED ({@code reason}: what they said, optional).
 */
public record ConcessionMove(@NotNull ConcessionStatus to, @Text(max = Text.LINE) String reason) {
}
