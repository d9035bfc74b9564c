package io.riskdesk.risk;

import io.riskdesk.playbook.Severity;
import io.riskdesk.core.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

public record SeverityChange(@NotNull Severity severity, @NotBlank @Text(max = Text.LINE) String reason) {
}
